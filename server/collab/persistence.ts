/**
 * The storage contract of the collaboration server: an append-only update log per document
 * plus one compacted snapshot. `sqlite-store.ts` is the production implementation and
 * `memory-store.ts` the one for fast tests; tests/unit/server-collab/doc-store.test.ts runs the
 * same contract against both.
 */

/** What a document's storage holds: the snapshot plus every update appended since, in order. */
export type StoredDocument = {
	snapshot: Uint8Array | null;
	/**
	 * Every update appended since the snapshot, in order, back to back in one buffer. A Yjs
	 * update knows where it ends, so they can be read one after another (`splitLog` in
	 * update-scan.ts); one buffer instead of one per row makes a long tail (after a crash)
	 * several times cheaper to read, and it goes to a worker thread as one copy.
	 */
	log: Uint8Array;
	/** How many updates `log` holds. */
	logCount: number;
	/** Sequence number of the last update contained (snapshot or tail); 0 for a new document. */
	lastSeq: number;
};

/** One row of the log, for history and tests. */
export type LogEntry = { seq: number; userId: string | null; createdAt: number; data: Uint8Array };

export interface DocStore {
	/** The compacted state plus every update appended since, in order. */
	load(documentId: string): Promise<StoredDocument>;
	/**
	 * Durably appends one update (with who sent it) before anyone else sees it; resolves with
	 * the update's sequence number once it is committed. Appends of one tick share a commit.
	 */
	append(documentId: string, update: Uint8Array, meta: { userId: string }): Promise<number>;
	/** Replaces the log up to and including `throughSeq` with one merged snapshot. */
	compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
	/** The log entries still held for a document (those not yet compacted), oldest first. */
	entries(documentId: string): Promise<LogEntry[]>;
	/**
	 * Present when a worker thread can read documents itself (the SQLite store): the database
	 * file to open read-only, and the size of a document's snapshot, read without its data.
	 */
	readonly workerSource?: { file: string; snapshotBytes(documentId: string): number };
}
