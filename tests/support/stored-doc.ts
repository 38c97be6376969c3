/**
 * Reads a document as the sync server stored it (snapshot plus log): from a test server's
 * database file, for tests that build on seeded content such as the demo workshop's template,
 * or from what a DocStore's `load` returned.
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import type { StoredDocument } from '../../server/collab/persistence.ts';
import { splitLog } from '../../server/collab/update-scan.ts';

/** A fresh Y.Doc holding everything stored for `documentId` on the server in `dataDir`. */
export function loadStoredDoc(dataDir: string, documentId: string): Y.Doc {
	const db = new DatabaseSync(path.join(dataDir, 'formvaerk.db'));
	const doc = new Y.Doc();
	try {
		// The server holds the same file open in WAL mode; wait for its writes instead of failing.
		db.exec('PRAGMA busy_timeout = 5000');
		const rows = db
			.prepare(
				`SELECT data FROM doc_snapshots WHERE document_id = ?
				 UNION ALL SELECT data FROM doc_updates WHERE document_id = ?`
			)
			.all(documentId, documentId) as { data: Uint8Array }[];
		for (const row of rows) Y.applyUpdate(doc, row.data);
	} finally {
		db.close();
	}
	return doc;
}

/** A fresh Y.Doc holding what a DocStore's `load` returned: the snapshot, then every logged update. */
export function docFromStored(stored: StoredDocument): Y.Doc {
	const doc = new Y.Doc();
	if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
	const { updates, unreadableFrom } = splitLog(stored.log);
	if (unreadableFrom !== null) throw new Error(`stored log unreadable from byte ${unreadableFrom}`);
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc;
}
