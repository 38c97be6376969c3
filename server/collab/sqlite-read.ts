/**
 * Reading a stored document (snapshot plus log tail) from a node:sqlite connection. The loader
 * thread (doc-loader-thread.ts) reads with a read-only connection of its own, a worker-thread
 * room core reads a large document with a short-lived one, and the server's store (when there is
 * no loader thread) with the process's connection, so that rows and megabytes pass through the
 * main event loop only when they must. All use these statements.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { StoredDocument } from './persistence.ts';

/** Returns a reader of documents on `db`; each call is one consistent read. */
export function docReader(db: DatabaseSync): (documentId: string) => StoredDocument {
	const snapshot = db.prepare('SELECT data, last_seq FROM doc_snapshots WHERE document_id = ?');
	// The whole tail as one blob: node:sqlite returns every blob in a buffer of its own, and for
	// the 10,000 rows a crash can leave that costs 5-13 ms (allocations and their collection)
	// where SQLite joins them in about 2. group_concat keeps a blob's bytes as they are (the
	// blob is only relabelled as text in the database's UTF-8 and back; a test round-trips every
	// byte value), and its ORDER BY fixes the order, which plain group_concat leaves open.
	const tail = db.prepare(
		`SELECT count(*), max(seq), CAST(group_concat(data, '' ORDER BY seq) AS BLOB)
		 FROM doc_updates WHERE document_id = ? AND seq > ?`
	);
	tail.setReturnArrays(true);
	return (documentId) => {
		const row = snapshot.get(documentId) as { data: Uint8Array; last_seq: number } | undefined;
		const snapshotSeq = row?.last_seq ?? 0;
		const [count, lastSeq, log] = tail.get(documentId, snapshotSeq) as unknown as [
			number,
			number | null,
			Uint8Array | null
		];
		return {
			snapshot: row?.data ?? null,
			log: log ?? new Uint8Array(0),
			logCount: count,
			lastSeq: lastSeq ?? snapshotSeq
		};
	};
}

/**
 * Returns a reader of the size of a document's snapshot, without its data (~0.02 ms; summing
 * the log's lengths would cost milliseconds for a long tail, which is why only this is read).
 */
export function snapshotSizeReader(db: DatabaseSync): (documentId: string) => number {
	const size = db.prepare('SELECT length(data) AS bytes FROM doc_snapshots WHERE document_id = ?');
	return (documentId) => (size.get(documentId) as { bytes: number } | undefined)?.bytes ?? 0;
}

/**
 * A read-only connection of a thread's own to the database `file`, for threads that read
 * documents beside the server's connection (see docs/architecture.md, departures). Each read is
 * one transaction, so snapshot and tail come from the same moment even while the server writes.
 */
export async function openDocReader(file: string): Promise<{
	read(documentId: string): StoredDocument;
	close(): void;
}> {
	const { DatabaseSync } = await import('node:sqlite');
	const db = new DatabaseSync(file, { readOnly: true });
	db.exec('PRAGMA busy_timeout = 5000');
	const read = docReader(db);
	return {
		read(documentId) {
			db.exec('BEGIN');
			try {
				return read(documentId);
			} finally {
				db.exec('COMMIT');
			}
		},
		close: () => db.close()
	};
}

/** Reads one document with a new read-only connection to `file` and closes it again. */
export async function readWithOwnConnection(
	file: string,
	documentId: string
): Promise<StoredDocument> {
	const reader = await openDocReader(file);
	try {
		return reader.read(documentId);
	} finally {
		reader.close();
	}
}
