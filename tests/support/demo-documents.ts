/**
 * Ids of the demo workshop's documents, read straight from the test server's database. Browser
 * tests use it to open a document without depending on the workshop page's layout.
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { TestServer } from './server.ts';

export type DemoDocuments = { workshopId: string; template: string; drejebog: string };

/** The demo workshop and its two documents on `server` (read-only; WAL allows it while running). */
export function demoDocuments(server: TestServer): DemoDocuments {
	const db = new DatabaseSync(path.join(server.dataDir, 'formvaerk.db'), { readOnly: true });
	try {
		// The demo workshop is the first one; other tests may have created more since.
		const rows = db
			.prepare(
				`SELECT id, kind, workshop_id FROM documents WHERE workshop_id =
				 (SELECT id FROM workshops ORDER BY created_at, rowid LIMIT 1)`
			)
			.all() as { id: string; kind: 'template' | 'drejebog'; workshop_id: string }[];
		const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.id]));
		if (!byKind.template || !byKind.drejebog) throw new Error('demo documents not found');
		return {
			workshopId: rows[0].workshop_id,
			template: byKind.template,
			drejebog: byKind.drejebog
		};
	} finally {
		db.close();
	}
}
