/**
 * DocumentLocks: which parts of a template or drejebog document the facilitator has locked, as
 * Svelte state, and the facilitator's lock/unlock calls. The locks are fetched
 * (`GET …/documents/{docId}/locks`, a few hundred bytes) when the run-event stream opens and
 * whenever it announces a `lock` change of this document, so a lock reaches every open editor at
 * once without polling; only when the stream cannot be used at all does run-stream.ts fall back
 * to a slow poll. The server enforces locks on every update regardless; this only lets the
 * editor show locked parts as read-only before anyone types into them.
 */
import { watchRunEvents } from './run-stream.ts';
import {
	locksResponseSchema,
	type LockKind,
	type LockTarget,
	type LocksResponse
} from '../domain/template/locks.ts';

export type DocumentLocksOptions = { workshopId: string; documentId: string };

/** The locks of one document, kept current while started. */
export class DocumentLocks {
	/** Every locked part. */
	locks = $state.raw<LockTarget[]>([]);
	/** True for the facilitator, who may lock and unlock (and is not bound by locks). */
	canChange = $state(false);
	readonly documentId: string;
	readonly #workshopId: string;
	readonly #url: string;
	#stop: (() => void) | null = null;
	#lastBody = '';

	constructor(options: DocumentLocksOptions) {
		this.documentId = options.documentId;
		this.#workshopId = options.workshopId;
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
		// `canChange` is read only for a locked part: every field's read-only state goes through
		// here, and the facilitator's rights arriving would otherwise re-run all of them at once
		// (between an edit and its echo on a slow laptop) for parts that are not locked at all.
		const isLocked =
			this.locks.some((lock) => lock.kind === 'template') || this.hasLock(kind, targetId);
		return isLocked && !this.canChange;
	}

	/** Fetches the locks now and again whenever the run-event stream says they changed. */
	start(): void {
		if (this.#stop) return;
		this.#stop = watchRunEvents(this.#workshopId, {
			onChange: (kind, documentId) => {
				// An access change may change who is bound by locks (`canChange`).
				if ((kind === 'lock' && documentId === this.documentId) || kind === 'access') {
					void this.refresh();
				}
			},
			onSync: () => void this.refresh()
		});
	}

	/** Stops listening. */
	stop(): void {
		this.#stop?.();
		this.#stop = null;
	}

	/** Fetches the current locks; keeps the last known ones when offline or refused. */
	async refresh(): Promise<void> {
		try {
			const response = await fetch(this.#url, {
				headers: { accept: 'application/json' },
				cache: 'no-store'
			});
			if (response.ok) this.#apply(await response.json());
		} catch {
			// Offline or server restarting: the stream's next opening fetches them again.
		}
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

	#apply(body: unknown): void {
		const parsed = locksResponseSchema.safeParse(body);
		if (!parsed.success) return;
		// Only a change re-renders the editor.
		const key = JSON.stringify(parsed.data);
		if (key === this.#lastBody) return;
		this.#lastBody = key;
		const data: LocksResponse = parsed.data;
		this.locks = data.locks.map(({ kind, targetId }) => ({ kind, targetId }));
		this.canChange = data.canChange;
	}
}
