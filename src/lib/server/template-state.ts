/**
 * The current content of a template document as the server has stored it: the snapshot plus the
 * update log of the collaboration engine (`doc_snapshots` + `doc_updates`), merged and read with
 * `readTemplate`. Run mode uses it to check that a comment's element exists. Read-only; the
 * collaboration server commits every update before acknowledging it, so this is what clients see.
 */
import * as Y from 'yjs';
import { getDb } from './db.ts';
import { readTemplate } from '#lib/collab/template-read.ts';
import type { Template } from '#lib/domain/template/schemas.ts';

/** The stored state of document `documentId` as one Yjs update (empty when never edited). */
export function loadStoredUpdate(documentId: string): Uint8Array {
	const db = getDb();
	const snapshot = db
		.prepare('SELECT data, last_seq FROM doc_snapshots WHERE document_id = ?')
		.get(documentId) as { data: Uint8Array; last_seq: number } | undefined;
	const tail = db
		.prepare('SELECT data FROM doc_updates WHERE document_id = ? AND seq > ? ORDER BY seq')
		.all(documentId, snapshot?.last_seq ?? 0) as { data: Uint8Array }[];
	const updates = [...(snapshot ? [snapshot.data] : []), ...tail.map((row) => row.data)];
	return updates.length === 0 ? new Uint8Array([0, 0]) : Y.mergeUpdates(updates);
}

/** The template in document `documentId` as plain data. */
export function readStoredTemplate(documentId: string): Template {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, loadStoredUpdate(documentId));
		return readTemplate(doc);
	} finally {
		doc.destroy();
	}
}
