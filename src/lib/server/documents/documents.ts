/**
 * Workshop documents as pages see them: what the document is, where it belongs and whether the
 * person may change it. The content itself lives in the collaboration server, not here.
 */
import { getDb } from '../platform/db.ts';
import {
	can,
	readOnlyReason,
	type Actor,
	type DocumentResource,
	type ReadOnlyReason
} from '#lib/domain/permissions.ts';
import { NotFoundError } from '#lib/domain/errors.ts';
import type { DocumentKind, Phase } from '#lib/domain/workshop.ts';

export type DocumentForUser = {
	id: string;
	kind: DocumentKind;
	workshop: { id: string; title: string; phase: Phase };
	/** `can(actor, 'write', document)`; the sync server enforces the same decision. */
	canWrite: boolean;
	/** Why the actor may not write it (see `readOnlyReason`); null when they may. */
	readOnlyReason: ReadOnlyReason | null;
};

type DocumentRow = {
	id: string;
	kind: DocumentKind;
	workshop_id: string;
	org_id: string;
	phase: Phase;
	title: string;
};

/**
 * The document `documentId` of workshop `workshopId`, if the actor may read it.
 * @throws NotFoundError when it does not exist, belongs to another workshop or is invisible to
 * the actor (so ids of other municipalities leak nothing).
 */
export function getDocumentForUser(
	actor: Actor,
	workshopId: string,
	documentId: string
): DocumentForUser {
	const row = getDb()
		.prepare(
			`SELECT d.id, d.kind, w.id AS workshop_id, w.org_id, w.phase, w.title FROM documents d
			 JOIN workshops w ON w.id = d.workshop_id WHERE d.id = ? AND w.id = ?`
		)
		.get(documentId, workshopId) as DocumentRow | undefined;
	if (!row) throw new NotFoundError('document');
	const resource: DocumentResource = {
		type: 'document',
		id: row.id,
		kind: row.kind,
		workshop: { type: 'workshop', id: row.workshop_id, orgId: row.org_id, phase: row.phase }
	};
	if (!can(actor, 'read', resource)) throw new NotFoundError('document');
	return {
		id: row.id,
		kind: row.kind,
		workshop: { id: row.workshop_id, title: row.title, phase: row.phase },
		canWrite: can(actor, 'write', resource),
		readOnlyReason: readOnlyReason(actor, resource)
	};
}

/**
 * The document that took the place of `documentId` in workshop `workshopId` when a new draft
 * retired it (the current document of the same kind), or null when it was not retired there.
 * A page open on the old document follows it; reading it is checked as usual.
 */
export function replacementOf(workshopId: string, documentId: string): string | null {
	const row = getDb()
		.prepare(
			`SELECT current.id FROM documents old
			 JOIN documents current ON current.workshop_id = old.retired_from AND current.kind = old.kind
			 WHERE old.id = ? AND old.retired_from = ?`
		)
		.get(documentId, workshopId) as { id: string } | undefined;
	return row?.id ?? null;
}
