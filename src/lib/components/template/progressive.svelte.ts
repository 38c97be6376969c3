/**
 * Renders the template editor in steps: the top of the page (toolbar, contents, header, the
 * goal part's head and the first competence area's name) in the first frame, then a few
 * statements per task, then the sections below the areas. At 1366 × 768 the first screenful ends
 * within the goal part, so the first area's statements (three rows with their menus, about a
 * fifth of the first frame's DOM) come with the steps (npm run bench:page-trace). On a slow laptop the whole template took over a second to render in one go, and
 * nobody could type until it was done; now the first field is there after about a third of that,
 * and the rest follows in short tasks that let typing and clicks through. Anything that needs a
 * part not rendered yet (a contents link, a problem link, "follow me") renders the rest at once
 * through the reveal registry (targets.ts).
 *
 * The budget counts units: an area's head (name, scale, add field) is one, each statement one.
 * The goal part's lists (sub-goals, measuring points, statuses) come with the first step.
 *
 * The steps run at background priority (`scheduler.postTask`, where the browser has it), so a
 * keystroke, a click and the server's answer to an edit (the echo that turns the save state to
 * "Gemt") are handled before the next step rather than queued behind it. While an edit waits for
 * that echo, the steps also wait: a step and the layout after it hold the main thread for a tenth
 * of a second or more on a slow laptop, and the echo would wait behind it. The waits add up to
 * `MAX_WAIT_MS` at most, so someone typing from the start (or offline, where a save never ends)
 * still gets the whole editor soon.
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

/** How often a waiting step looks again whether the edit is saved, and how long all waits last. */
export const WAIT_MS = 25;
export const MAX_WAIT_MS = 1_000;

type PostTask = (
	task: () => void,
	options: { priority: 'background'; signal: AbortSignal }
) => Promise<void>;

/** Runs `task` in a later task, after input and network tasks where the browser can order them. */
export function later(task: () => void): () => void {
	const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
	if (scheduler?.postTask) {
		const controller = new AbortController();
		// Rejects with an AbortError when cancelled (nothing to do then), and with what the task
		// threw, which stays an unhandled rejection as it would be an uncaught error in a timer.
		scheduler
			.postTask(task, { priority: 'background', signal: controller.signal })
			.catch((error: unknown) => {
				if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
			});
		return () => controller.abort();
	}
	const timer = setTimeout(task, 0);
	return () => clearTimeout(timer);
}

/** Runs `task` (through `later`) after `ms`; returns what cancels whichever is pending. */
export function after(ms: number, task: () => void): () => void {
	let cancel = () => clearTimeout(timer);
	const timer = setTimeout(() => (cancel = later(task)), ms);
	return () => cancel();
}

export class ProgressiveRender {
	/** How many units may be rendered; everything once complete. */
	budget = $state(0);
	/** True once everything is rendered. */
	isComplete = $state(false);
	/** True once the first step has run: the parts after the first screenful may render. */
	hasStepped = $state(false);
	#areas: () => CompetenceArea[];
	#isSaving: () => boolean;
	#cancel = () => {};
	#unregister: () => void;

	/**
	 * @param areas the template's competence areas, read when a step runs
	 * @param isSaving true while an edit of this person's waits for the server's echo
	 */
	constructor(areas: () => CompetenceArea[], isSaving: () => boolean = () => false) {
		this.#areas = areas;
		this.#isSaving = isSaving;
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

	/** Renders the first area's name now, the rest one step per task. */
	start(): void {
		this.budget = 1;
		const total = () => this.#areas().reduce((units, a) => units + 1 + a.statements.length, 0);
		let waited = 0;
		const step = () => {
			if (this.#isSaving() && waited < MAX_WAIT_MS) {
				waited += WAIT_MS;
				this.#cancel = after(WAIT_MS, step);
				return;
			}
			if (!this.hasStepped) {
				this.hasStepped = true;
				this.#cancel = later(step);
			} else if (this.budget < total()) {
				this.budget += STEP_UNITS;
				this.#cancel = later(step);
			} else {
				this.isComplete = true;
			}
		};
		this.#cancel = later(step);
	}

	/** Renders everything now (someone needs a part that is not there yet). */
	completeNow(): void {
		this.#cancel();
		this.hasStepped = true;
		this.isComplete = true;
	}

	destroy(): void {
		this.#cancel();
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
