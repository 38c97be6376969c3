/**
 * Renders the template editor in steps: the top of the page (toolbar, contents, header, the
 * first competence area's name and first statements) in the first frame, then a few statements
 * per task, then the sections below the areas. On a slow laptop the whole template took over a second to render in one go, and
 * nobody could type until it was done; now the first field is there after about a third of that,
 * and the rest follows in short tasks that let typing and clicks through. Anything that needs a
 * part not rendered yet (a contents link, a problem link, "follow me") renders the rest at once
 * through the reveal registry (targets.ts).
 *
 * The budget counts units: an area's head (name, scale, add field) is one, each statement one.
 */
import { getContext, setContext } from 'svelte';
import type { CompetenceArea } from '#lib/domain/template/index.ts';
import { registerRevealer } from './targets.ts';

const KEY = Symbol('progressive-render');
/**
 * Units per task after the first frame: three statement rows took 40-60 ms on a laptop slowed
 * four times, short enough for a keystroke to get through without a noticeable wait.
 */
const STEP_UNITS = 3;

export class ProgressiveRender {
	/** How many units may be rendered; everything once complete. */
	budget = $state(0);
	/** True once everything is rendered. */
	isComplete = $state(false);
	#areas: () => CompetenceArea[];
	#timer = 0;
	#unregister: () => void;

	constructor(areas: () => CompetenceArea[]) {
		this.#areas = areas;
		// While anything is missing, any id may be in the missing part.
		this.#unregister = registerRevealer({
			owns: () => !this.isComplete,
			open: () => this.completeNow()
		});
	}

	/** How many statements of the area at `index` may be rendered; -1: not the area at all. */
	statementLimit(index: number): number {
		if (this.isComplete) return Number.MAX_SAFE_INTEGER;
		const before = this.#areas()
			.slice(0, index)
			.reduce((units, area) => units + 1 + area.statements.length, 0);
		return this.budget > before ? this.budget - before - 1 : -1;
	}

	/** Renders the first area's name and first statements now, the rest one step per task. */
	start(): void {
		this.budget = 1 + STEP_UNITS;
		const total = () => this.#areas().reduce((units, a) => units + 1 + a.statements.length, 0);
		const step = () => {
			if (this.budget < total()) {
				this.budget += STEP_UNITS;
				this.#timer = window.setTimeout(step, 0);
			} else {
				this.isComplete = true;
			}
		};
		this.#timer = window.setTimeout(step, 0);
	}

	/** Renders everything now (someone needs a part that is not there yet). */
	completeNow(): void {
		clearTimeout(this.#timer);
		this.isComplete = true;
	}

	destroy(): void {
		clearTimeout(this.#timer);
		this.#unregister();
	}
}

/** Makes `progressive` the step renderer of the editor below the calling component. */
export function setProgressiveRender(progressive: ProgressiveRender): ProgressiveRender {
	return setContext(KEY, progressive);
}

/** The editor's step renderer; outside one, everything renders at once. */
export function getProgressiveRender(): ProgressiveRender | undefined {
	return getContext<ProgressiveRender | undefined>(KEY);
}
