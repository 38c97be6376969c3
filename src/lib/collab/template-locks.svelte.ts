/**
 * TemplateLocks: which parts of a template document the facilitator has locked, as Svelte state,
 * kept fresh by a light poll of `GET …/documents/{docId}/locks` (a lock must reach every open
 * editor within about a second; the answer is a few hundred bytes), and the facilitator's
 * lock/unlock calls. The server enforces locks on every update regardless; this only lets the
 * editor show locked parts as read-only before anyone types into them.
 */
import {
	locksResponseSchema,
	type LockKind,
	type LockTarget,
	type LocksResponse
} from '../domain/template/locks.ts';

/** How often open editors ask for the current locks. */
export const LOCKS_POLL_INTERVAL_MS = 1000;

export type TemplateLocksOptions = { workshopId: string; documentId: string };

/** The locks of one template document, polled while started. */
export class TemplateLocks {
	/** Every locked part. */
	locks = $state.raw<LockTarget[]>([]);
	/** True for the facilitator, who may lock and unlock (and is not bound by locks). */
	canChange = $state(false);
	/** Message key of the last failed lock or unlock, null when it went well. */
	error = $state<string | null>(null);
	readonly documentId: string;
	readonly #url: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#isStarted = false;
	#lastBody = '';

	constructor(options: TemplateLocksOptions) {
		this.documentId = options.documentId;
		this.#url = `/api/v1/workshops/${options.workshopId}/documents/${options.documentId}/locks`;
	}

	/** True when `kind`/`targetId` is locked itself (a template lock counts for every part). */
	isLocked(kind: LockKind, targetId: string): boolean {
		return this.locks.some(
			(lock) => lock.kind === 'template' || (lock.kind === kind && lock.targetId === targetId)
		);
	}

	/** True when the part is locked for this person (the facilitator is never bound). */
	isLockedForMe(kind: LockKind, targetId: string): boolean {
		return !this.canChange && this.isLocked(kind, targetId);
	}

	/** Starts polling (at once, then every second while the page is visible). */
	start(): void {
		if (this.#isStarted) return;
		this.#isStarted = true;
		void this.#poll();
	}

	/** Stops polling. */
	stop(): void {
		this.#isStarted = false;
		clearTimeout(this.#timer);
	}

	/** Locks (`isLocked`) or unlocks one part; the facilitator only (the server checks). */
	async setLocked(target: LockTarget, isLocked: boolean): Promise<void> {
		const url = `${this.#url}/${target.kind}/${encodeURIComponent(target.targetId)}`;
		try {
			const response = await fetch(url, {
				method: isLocked ? 'PUT' : 'DELETE',
				headers: { accept: 'application/json', 'content-type': 'application/json' }
			});
			if (!response.ok) {
				this.error = response.status === 403 ? 'locks.error.forbidden' : 'locks.error.failed';
				return;
			}
			this.error = null;
			this.#apply(await response.json());
		} catch {
			this.error = 'locks.error.failed';
		}
	}

	async #poll(): Promise<void> {
		if (!this.#isStarted) return;
		const isHidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
		if (!isHidden) {
			try {
				const response = await fetch(this.#url, {
					headers: { accept: 'application/json' },
					cache: 'no-store'
				});
				if (response.ok) this.#apply(await response.json());
			} catch {
				// Offline or server restarting: keep the last known locks and try again.
			}
		}
		if (this.#isStarted) this.#timer = setTimeout(() => void this.#poll(), LOCKS_POLL_INTERVAL_MS);
	}

	#apply(body: unknown): void {
		const parsed = locksResponseSchema.safeParse(body);
		if (!parsed.success) return;
		// Most polls bring no news; only a change re-renders the editor.
		const key = JSON.stringify(parsed.data);
		if (key === this.#lastBody) return;
		this.#lastBody = key;
		const data: LocksResponse = parsed.data;
		this.locks = data.locks.map(({ kind, targetId }) => ({ kind, targetId }));
		this.canChange = data.canChange;
	}
}
