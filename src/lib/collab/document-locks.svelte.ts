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
} from '../../domain/template/locks.ts';

/** How often open editors ask for the current locks. */
export const LOCKS_POLL_INTERVAL_MS = 1000;

export type TemplateLocksOptions = { workshopId: string; documentId: string };

/** The locks of one template document, polled while started. */
export class TemplateLocks {
	/** Every locked part. */
	locks = $state.raw<LockTarget[]>([]);
	/** True for the facilitator, who may lock and unlock (and is not bound by locks). */
	canChange = $state(false);
	readonly documentId: string;
	readonly #url: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#isStarted = false;
	#lastBody = '';

	constructor(options: TemplateLocksOptions) {
		this.documentId = options.documentId;
		this.#url = `/api/v1/workshops/${options.workshopId}/documents/${options.documentId}/locks`;
	}

	/** True when exactly this part has a lock of its own. */
	hasLock(kind: LockKind, targetId: string): boolean {
		return this.locks.some((lock) => lock.kind === kind && lock.targetId === targetId);
	}

	/**
	 * True when the part is locked for this person: the facilitator never is; for the work group a
	 * lock on the part or on the whole template counts (a part inside a locked area is covered by
	 * the area's scope in the editor).
	 */
	isLockedForMe(kind: LockKind, targetId: string): boolean {
		if (this.canChange) return false;
		return this.locks.some((lock) => lock.kind === 'template') || this.hasLock(kind, targetId);
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

	/**
	 * Locks (`isLocked`) or unlocks one part; the facilitator only (the server checks). Returns a
	 * message key when it failed, else null.
	 */
	async setLocked(target: LockTarget, isLocked: boolean): Promise<string | null> {
		const url = `${this.#url}/${target.kind}/${encodeURIComponent(target.targetId)}`;
		try {
			const response = await fetch(url, {
				method: isLocked ? 'PUT' : 'DELETE',
				headers: { accept: 'application/json', 'content-type': 'application/json' }
			});
			if (!response.ok) {
				return response.status === 403 ? 'locks.error.forbidden' : 'locks.error.failed';
			}
			this.#apply(await response.json());
			return null;
		} catch {
			return 'locks.error.failed';
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
