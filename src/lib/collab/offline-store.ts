/**
 * The offline cache of one document as CollabSession uses it: this person's edits are written at
 * once (so a reload right after typing keeps the text) and tracked, so `destroy()` can wait for
 * them. What arrives from the server is on the server already: it is written a moment later, in
 * one go, when the page is idle, instead of in the task that renders it (the sync of a whole
 * template cost 30 ms of the editor's first frame on a slow laptop, npm run bench:page-trace).
 * That the server has confirmed everything is recorded the same way, when idle: the "Gemt" it
 * comes with should not wait for IndexedDB.
 * A failing IndexedDB (private mode, full disk) is reported once and editing goes on online.
 */
import * as Y from 'yjs';
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
	/** Server updates not written yet, and what cancels their scheduled write. */
	#remote: Uint8Array[] = [];
	#cancelRemote: (() => void) | null = null;
	/** What cancels the scheduled "all confirmed" record, while it waits. */
	#cancelSynced: (() => void) | null = null;

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

	/**
	 * Stores one update: at once when `isLocal` (an edit the server has not confirmed yet), else
	 * (the server's) with the others that arrive before the page is idle.
	 */
	append(update: Uint8Array, isLocal: boolean): void {
		if (isLocal) {
			// Not confirmed after all: a waiting "all confirmed" would wrongly cover this edit.
			this.#cancelSynced?.();
			this.#cancelSynced = null;
			this.#track(appendCachedUpdate(this.#db, this.#docId, update, { isLocal }));
			return;
		}
		this.#remote.push(update);
		this.#cancelRemote ??= whenIdle(() => this.#writeRemote());
	}

	/**
	 * Records that the server has confirmed everything cached so far, when the page is idle; a
	 * local edit before then cancels it (that edit is not confirmed).
	 */
	markSynced(): void {
		this.#cancelSynced ??= whenIdle(() => this.#writeSynced());
	}

	/** Writes what waits for an idle moment now; resolves when every write has finished. */
	async flush(): Promise<void> {
		this.#writeRemote();
		if (this.#cancelSynced) this.#writeSynced();
		await Promise.all(this.#pending);
	}

	#writeSynced(): void {
		this.#cancelSynced?.();
		this.#cancelSynced = null;
		this.#track(setUnsyncedChanges(this.#db, this.#docId, false));
	}

	#writeRemote(): void {
		this.#cancelRemote?.();
		this.#cancelRemote = null;
		if (this.#remote.length === 0) return;
		const updates = this.#remote;
		this.#remote = [];
		const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
		this.#track(appendCachedUpdate(this.#db, this.#docId, update, { isLocal: false }));
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

/** How long a server update may wait for an idle moment before it is written anyway. */
const IDLE_TIMEOUT_MS = 1_000;

/** Runs `task` when the page is idle (at most IDLE_TIMEOUT_MS later); returns what cancels it. */
function whenIdle(task: () => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
		return () => cancelIdleCallback(handle);
	}
	const timer = setTimeout(task, 0);
	return () => clearTimeout(timer);
}
