/**
 * An in-memory DocStore with the same contract and timing as the SQLite one (appends resolve in
 * a later tick, as a batch), for fast tests of everything above storage.
 */
import type { DocStore, LogEntry, StoredDocument } from './persistence.ts';

type MemoryDocument = { snapshot: Uint8Array | null; snapshotSeq: number; log: LogEntry[] };

/** DocStore held in a Map; lost with the process. */
export class MemoryDocStore implements DocStore {
	private readonly documents = new Map<string, MemoryDocument>();
	private seq = 0;

	private document(documentId: string): MemoryDocument {
		let doc = this.documents.get(documentId);
		if (!doc) {
			doc = { snapshot: null, snapshotSeq: 0, log: [] };
			this.documents.set(documentId, doc);
		}
		return doc;
	}

	/** Snapshot plus tail. */
	load(documentId: string): Promise<StoredDocument> {
		const doc = this.document(documentId);
		const last = doc.log.at(-1);
		return Promise.resolve({
			snapshot: doc.snapshot,
			log: new Uint8Array(Buffer.concat(doc.log.map((e) => e.data))),
			logCount: doc.log.length,
			lastSeq: last ? last.seq : doc.snapshotSeq
		});
	}

	/** Records the update now and resolves on the next tick, like a group commit. */
	append(documentId: string, update: Uint8Array, meta: { userId: string }): Promise<number> {
		const seq = ++this.seq;
		// Copy: the caller's buffer may be a view into a socket buffer that gets reused.
		const data = update.slice();
		this.document(documentId).log.push({ seq, userId: meta.userId, createdAt: Date.now(), data });
		return new Promise((resolve) => setImmediate(() => resolve(seq)));
	}

	/** Replaces entries up to `throughSeq` with the snapshot. */
	compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
		const doc = this.document(documentId);
		doc.snapshot = snapshot.slice();
		doc.snapshotSeq = throughSeq;
		doc.log = doc.log.filter((e) => e.seq > throughSeq);
		return Promise.resolve();
	}

	/** The uncompacted log of a document. */
	entries(documentId: string): Promise<LogEntry[]> {
		return Promise.resolve([...this.document(documentId).log]);
	}
}
