/**
 * The offline cache of one document as CollabSession uses it: writes are started at once (so a
 * reload right after typing keeps the text) and tracked, so `destroy()` can wait for them.
 * A failing IndexedDB (private mode, full disk) is reported once and editing goes on online.
 */
import { localDb, type LocalDb } from '../db/local-db.ts';
import { appendCachedUpdate, loadCachedDoc, setUnsyncedChanges } from '../db/doc-cache.ts';
import type { CollabErrorCode } from './close-codes.ts';

/** A document's slice of the offline cache, with write tracking and error reporting. */
export class OfflineStore {
	#db: LocalDb;
	#docId: string;
	#pending = new Set<Promise<void>>();
	#onError: (code: CollabErrorCode) => void;
	#hasFailed = false;

	constructor(userId: string, docId: string, onError: (code: CollabErrorCode) => void) {
		this.#db = localDb(userId);
		this.#docId = docId;
		this.#onError = onError;
	}

	/** The cached state, or null when nothing is cached or the cache cannot be read. */
	async load(): Promise<Uint8Array | null> {
		try {
			return await loadCachedDoc(this.#db, this.#docId);
		} catch (error) {
			this.#fail(error);
			return null;
		}
	}

	/** Starts writing one update; `isLocal` marks edits the server has not confirmed yet. */
	append(update: Uint8Array, isLocal: boolean): void {
		this.#track(appendCachedUpdate(this.#db, this.#docId, update, { isLocal }));
	}

	/** Records that the server has confirmed everything cached so far. */
	markSynced(): void {
		this.#track(setUnsyncedChanges(this.#db, this.#docId, false));
	}

	/** Resolves when every write started so far has finished. */
	async flush(): Promise<void> {
		await Promise.all(this.#pending);
	}

	#track(write: Promise<void>): void {
		const tracked = write.catch((error: unknown) => this.#fail(error));
		this.#pending.add(tracked);
		void tracked.finally(() => this.#pending.delete(tracked));
	}

	#fail(error: unknown): void {
		if (this.#hasFailed) return;
		this.#hasFailed = true;
		// Editing online still works; the person is told their offline copy is not being kept.
		console.error('offline cache failed', error);
		this.#onError('offlineCacheFailed');
	}
}
