/** Helpers for tests and the benchmark that run the real server as a child process. */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { DB_FILE_NAME } from '#lib/server/platform/db.ts';

/** Opens the server's database file from outside (WAL lets a second connection read). */
export function openDataDir(dataDir: string, readOnly = true): DatabaseSync {
	return new DatabaseSync(path.join(dataDir, DB_FILE_NAME), { readOnly });
}

/** Document ids by kind for every workshop, oldest workshop first (the demo workshop). */
export function listDocuments(dataDir: string): { id: string; kind: string; workshopId: string }[] {
	const db = openDataDir(dataDir);
	try {
		return db
			.prepare(
				`SELECT d.id, d.kind, d.workshop_id AS workshopId FROM documents d
				 JOIN workshops w ON w.id = d.workshop_id ORDER BY w.created_at, d.kind DESC`
			)
			.all() as { id: string; kind: string; workshopId: string }[];
	} finally {
		db.close();
	}
}

/** The document as the database holds it now (snapshot + log), read directly from the file. */
export function readStoredDocument(dataDir: string, documentId: string): Y.Doc {
	const db = openDataDir(dataDir);
	try {
		const doc = new Y.Doc();
		const snapshot = db
			.prepare('SELECT data, last_seq FROM doc_snapshots WHERE document_id = ?')
			.get(documentId) as { data: Uint8Array; last_seq: number } | undefined;
		if (snapshot) Y.applyUpdate(doc, snapshot.data);
		const rows = db
			.prepare('SELECT data FROM doc_updates WHERE document_id = ? AND seq > ? ORDER BY seq')
			.all(documentId, snapshot?.last_seq ?? 0) as { data: Uint8Array }[];
		Y.transact(doc, () => {
			for (const row of rows) Y.applyUpdate(doc, row.data);
		});
		return doc;
	} finally {
		db.close();
	}
}
