/**
 * The facilitator's lock buttons, a few per task. The facilitator's rights (`canChange`) arrive
 * with the document's locks once the run-event stream opens, often after the editor is on the
 * screen and just when the first edit waits for its echo; rendering every part's button in that
 * one task took 176 ms of script on a laptop slowed four times (npm run bench:page-trace). Each
 * control takes a place in the order it was created (the page's order) and renders its button
 * once its place is reached; the steps run at background priority and wait while an edit waits
 * for its echo, like the editor's own steps (progressive.svelte.ts). Outside a reveal (the
 * drejebog) every button renders at once.
 */
import { getContext, setContext } from 'svelte';
import { after, later, MAX_WAIT_MS, WAIT_MS } from '../../template/progressive.svelte.ts';

const KEY = Symbol('lock-reveal');
/** Buttons per task: each is a button with its icon and name, a few ms at 4× each. */
const STEP = 3;

export class LockReveal {
	/** How many places (in creation order) may render their button. */
	shown = $state(0);
	#issued = 0;
	#isRunning = false;
	#waited = 0;
	#isSaving: () => boolean;
	#cancel = () => {};

	/** @param isSaving true while an edit of this person's waits for the server's echo */
	constructor(isSaving: () => boolean = () => false) {
		this.#isSaving = isSaving;
	}

	/** A place for a control created now. */
	place(): number {
		return this.#issued++;
	}

	/** Starts the steps (if not running) until every place given out so far may render. */
	request(): void {
		if (this.#isRunning || this.shown >= this.#issued) return;
		this.#isRunning = true;
		this.#cancel = later(this.#step);
	}

	#step = (): void => {
		if (this.#isSaving() && this.#waited < MAX_WAIT_MS) {
			this.#waited += WAIT_MS;
			this.#cancel = after(WAIT_MS, this.#step);
			return;
		}
		this.shown = Math.min(this.shown + STEP, this.#issued);
		if (this.shown < this.#issued) this.#cancel = later(this.#step);
		else this.#isRunning = false;
	};

	destroy(): void {
		this.#cancel();
		this.#isRunning = false;
	}
}

/** Makes `reveal` the lock buttons' order for the editor below the calling component. */
export function setLockReveal(reveal: LockReveal): LockReveal {
	return setContext(KEY, reveal);
}

/** The editor's lock-button order; outside one, every button renders at once. */
export function getLockReveal(): LockReveal | undefined {
	return getContext<LockReveal | undefined>(KEY);
}
