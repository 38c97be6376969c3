/**
 * Reading a stored document (snapshot plus log tail) from a node:sqlite connection. The server's
 * store reads with the process's connection; a worker-thread room core reads a large document
 * with a short-lived read-only connection of its own, so that megabytes never pass through (and
 * stall) the main event loop. Both use these statements.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { StoredDocument } from './persistence.ts';

/** Returns a reader of documents on `db`; each call is one consistent read. */
export function docReader(db: DatabaseSync): (documentId: string) => StoredDocument {
	const snapshot = db.prepare('SELECT data, last_seq FROM doc_snapshots WHERE document_id = ?');
	const tail = db.prepare(
		'SELECT seq, data FROM doc_updates WHERE document_id = ? AND seq > ? ORDER BY seq'
	);
	// Rows as arrays: a crashed document can have thousands, and objects cost a third more.
	tail.setReturnArrays(true);
	return (documentId) => {
		const row = snapshot.get(documentId) as { data: Uint8Array; last_seq: number } | undefined;
		const snapshotSeq = row?.last_seq ?? 0;
		const rows = tail.all(documentId, snapshotSeq) as unknown as [number, Uint8Array][];
		return {
			snapshot: row?.data ?? null,
			updates: rows.map((r) => r[1]),
			lastSeq: rows.length > 0 ? rows[rows.length - 1][0] : snapshotSeq
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
 * Reads one document with a new read-only connection to `file` and closes it again. The read is
 * one transaction, so snapshot and tail come from the same moment even while the server writes.
 */
export async function readWithOwnConnection(
	file: string,
	documentId: string
): Promise<StoredDocument> {
	const { DatabaseSync } = await import('node:sqlite');
	const db = new DatabaseSync(file, { readOnly: true });
	try {
		db.exec('PRAGMA busy_timeout = 5000');
		db.exec('BEGIN');
		try {
			return docReader(db)(documentId);
		} finally {
			db.exec('COMMIT');
		}
	} finally {
		db.close();
	}
}
