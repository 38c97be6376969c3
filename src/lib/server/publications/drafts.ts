/**
 * Revision: a new draft from the latest published version. The workshop gets two new
 * collaborative documents filled with the version's content and returns to Dag 2 (`drejebog`):
 * the group writes the drejebog again, the template stays the facilitator's (they can move back
 * to Dag 1 if the group must change it). The old documents are retired, not deleted (migration
 * 011): their log, snapshot and comments stay in the database, but they no longer belong to the
 * workshop, so every page, socket and API call finds only the new ones. Published versions are
 * untouched and stay readable.
 *
 * The new documents are written like first start writes the demo: one update each, appended to
 * the log of a document id that did not exist a moment before, so no collaboration room can hold
 * it. Offline copies in browsers belong to the old ids and cannot leak back into the new draft.
 */
import { getDb, transaction } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { log } from '../platform/log.ts';
import { notifyAccessChanged } from '../platform/access-events.ts';
import { seedDocumentUpdate } from '../documents/documents-state.ts';
import { publishRunChange } from '../run/run-events.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { contentUpdates } from '#lib/collab/publications/content-docs.ts';
import { parseContent } from '#lib/domain/publications/content.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { ConflictError } from '#lib/domain/errors.ts';
import type { DocumentKind, Phase } from '#lib/domain/workshop.ts';
import { latestVersionRow, toSummary, type PublicationSummary } from './publication-rows.ts';

/** The phase a workshop returns to with a new draft (see the module comment). */
export const DRAFT_PHASE: Phase = 'drejebog';

/** A new draft: the version it was opened from and the workshop's new documents. */
export type OpenedDraft = {
	id: string;
	fromPublication: PublicationSummary;
	documents: { id: string; kind: DocumentKind }[];
	phase: Phase;
};

/**
 * Opens a new draft of the workshop from its latest published version (facilitators).
 * @throws NotFoundError, ForbiddenError; ConflictError `no_publication` before the first version.
 */
export function openDraft(actor: Actor, workshopId: string): OpenedDraft {
	authorizeWorkshop(actor, workshopId, 'publish');
	const db = getDb();
	const now = Date.now();
	const draftId = newId();
	const opened = transaction(db, () => {
		const latest = latestVersionRow(workshopId);
		if (!latest) throw new ConflictError('no_publication', 'publications.error.noVersion');
		const updates = contentUpdates(parseContent(latest.content), actor.id);
		const old = db.prepare('SELECT id FROM documents WHERE workshop_id = ?').all(workshopId) as {
			id: string;
		}[];
		db.prepare(
			`UPDATE documents SET workshop_id = NULL, retired_from = ?, retired_at = ?
			 WHERE workshop_id = ?`
		).run(workshopId, now, workshopId);
		// "Follow me" pointed into the old template; the run state keeps nothing else of it.
		db.prepare('DELETE FROM run_follow WHERE workshop_id = ?').run(workshopId);
		const documents = (['template', 'drejebog'] as const).map((kind) => {
			const id = newId();
			db.prepare(
				'INSERT INTO documents (id, workshop_id, kind, created_at) VALUES (?, ?, ?, ?)'
			).run(id, workshopId, kind, now);
			seedDocumentUpdate(id, updates[kind], actor.id);
			return { id, kind };
		});
		db.prepare(
			`INSERT INTO workshop_drafts (id, workshop_id, from_publication_id, opened_by, opened_at)
			 VALUES (?, ?, ?, ?, ?)`
		).run(draftId, workshopId, latest.id, actor.id, now);
		db.prepare('UPDATE workshops SET phase = ? WHERE id = ?').run(DRAFT_PHASE, workshopId);
		return { latest, documents, retired: old.map((row) => row.id) };
	});
	// Sockets on the retired documents are closed (they are no longer the workshop's), and open
	// pages reload what they may do in the new phase.
	notifyAccessChanged({ workshopId });
	publishRunChange(workshopId, 'follow');
	log.info(
		{ workshopId, draftId, from: opened.latest.id, retired: opened.retired },
		'new draft opened'
	);
	return {
		id: draftId,
		fromPublication: toSummary(opened.latest),
		documents: opened.documents,
		phase: DRAFT_PHASE
	};
}

/** The version the workshop's current draft was opened from, or null for the first draft. */
export function currentDraftOrigin(
	workshopId: string
): { number: number; openedAt: number } | null {
	const row = getDb()
		.prepare(
			`SELECT p.number, d.opened_at FROM workshop_drafts d
			 JOIN publications p ON p.id = d.from_publication_id
			 WHERE d.workshop_id = ? ORDER BY d.opened_at DESC, d.rowid DESC LIMIT 1`
		)
		.get(workshopId) as { number: number; opened_at: number } | undefined;
	return row ? { number: row.number, openedAt: row.opened_at } : null;
}
