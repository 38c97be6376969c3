/**
 * The kind of a stored document, for the collaboration server: it upgrades each kind's stored
 * shape on room load (document-shapes.ts) and must know which kind it holds.
 */
import type { StatementSync } from 'node:sqlite';
import { getDb } from '../platform/db.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '#lib/domain/workshop.ts';

/** One prepared statement per database handle (tests open several in turn). */
const queries = new WeakMap<object, StatementSync>();

/** The kind of document `documentId`, or null when there is no such document. */
export function documentKindOf(documentId: string): DocumentKind | null {
	const db = getDb();
	let query = queries.get(db);
	if (!query) {
		query = db.prepare('SELECT kind FROM documents WHERE id = ?');
		queries.set(db, query);
	}
	const row = query.get(documentId) as { kind: string } | undefined;
	return DOCUMENT_KINDS.includes(row?.kind as DocumentKind) ? (row?.kind as DocumentKind) : null;
}

/** The id of the workshop's document of `kind`, or null when it has none. */
export function workshopDocumentId(workshopId: string, kind: DocumentKind): string | null {
	const row = getDb()
		.prepare('SELECT id FROM documents WHERE workshop_id = ? AND kind = ?')
		.get(workshopId, kind) as { id: string } | undefined;
	return row?.id ?? null;
}
