/**
 * Reads a collaborative document's current content straight from the collaboration store's
 * tables: the compacted snapshot plus every logged update after it. The collaboration server
 * commits an update to `doc_updates` before it broadcasts it, so this sees every change anyone
 * has seen. Pure reads, except `seedDocumentUpdate`, which only first-start seeding may use.
 */
import * as Y from 'yjs';
import { getDb } from '../platform/db.ts';
import { initTemplate, readTemplate } from '#lib/collab/template/template-binding.ts';
import { readDrejebog } from '#lib/collab/drejebog/drejebog-read.ts';
import type { Drejebog } from '#lib/domain/drejebog/schemas.ts';
import {
	validateTemplate,
	type Problem,
	type StarterTemplate,
	type Template
} from '#lib/domain/template/index.ts';

/** The stored updates of `documentId`: the compacted snapshot first, then the log after it. */
function storedUpdates(documentId: string): Uint8Array[] {
	const db = getDb();
	// Two synchronous statements on the process's one connection: no append or compaction of the
	// collaboration server (same connection, same thread) can run between them.
	const snapshot = db
		.prepare('SELECT data, last_seq FROM doc_snapshots WHERE document_id = ?')
		.get(documentId) as { data: Uint8Array; last_seq: number } | undefined;
	const tail = db
		.prepare('SELECT data FROM doc_updates WHERE document_id = ? AND seq > ? ORDER BY seq')
		.all(documentId, snapshot?.last_seq ?? 0) as { data: Uint8Array }[];
	return [...(snapshot ? [snapshot.data] : []), ...tail.map((row) => row.data)];
}

/**
 * The stored document as a Y.Doc (a fresh copy; changes to it are not saved). The updates are
 * applied in one transaction rather than merged with `Y.mergeUpdates`, which is far slower for a
 * long log of small updates (see docs/benchmarks.md).
 */
export function loadDocument(documentId: string): Y.Doc {
	const doc = new Y.Doc();
	const updates = storedUpdates(documentId);
	doc.transact(() => {
		for (const update of updates) Y.applyUpdate(doc, update);
	});
	return doc;
}

/** The template stored in the template document `documentId`, as plain values. */
export function loadTemplate(documentId: string): Template {
	const doc = loadDocument(documentId);
	try {
		return readTemplate(doc);
	} finally {
		doc.destroy();
	}
}

/** The drejebog stored in the drejebog document `documentId`, as plain values. */
export function loadDrejebog(documentId: string): Drejebog {
	const doc = loadDocument(documentId);
	try {
		return readDrejebog(doc);
	} finally {
		doc.destroy();
	}
}

/**
 * Every problem that makes the workshop's template unusable (empty when it can be used). A
 * workshop without a template document has nothing to check.
 */
export function templateProblems(workshopId: string): Problem[] {
	const row = getDb()
		.prepare(`SELECT id FROM documents WHERE workshop_id = ? AND kind = 'template'`)
		.get(workshopId) as { id: string } | undefined;
	return row ? validateTemplate(loadTemplate(row.id)) : [];
}

/**
 * Appends an update to a document's log as if `authorId` had sent it. Only for first-start
 * seeding: a loaded collaboration room would not know about the row (and could compact it
 * away), so this must never run while the collaboration server serves the document.
 */
export function seedDocumentUpdate(documentId: string, update: Uint8Array, authorId: string): void {
	getDb()
		.prepare(
			'INSERT INTO doc_updates (document_id, data, author_id, created_at) VALUES (?, ?, ?, ?)'
		)
		.run(documentId, update, authorId, Date.now());
}

/**
 * Fills the (still empty) template document of a workshop from `starter`, written as `authorId`,
 * so the first person to open it sees a complete template. First-start seeding only (see above).
 */
export function seedTemplateFromStarter(
	workshopId: string,
	starter: StarterTemplate,
	authorId: string
): void {
	const row = getDb()
		.prepare(`SELECT id FROM documents WHERE workshop_id = ? AND kind = 'template'`)
		.get(workshopId) as { id: string } | undefined;
	if (!row) return;
	const doc = new Y.Doc();
	try {
		initTemplate({ doc, origin: authorId }, starter);
		seedDocumentUpdate(row.id, Y.encodeStateAsUpdate(doc), authorId);
	} finally {
		doc.destroy();
	}
}
