/**
 * Finishes or undoes vote keeps that a crash interrupted (see vote-keep.ts for the order of
 * writes). Runs once at start, before the server accepts requests, so no keep is in flight.
 *
 * A vote marked kept but not applied is decided by its template document: if the document holds
 * the vote's marker, the edit was stored and the keep is recorded as applied; if not, the edit
 * never happened and the keep is undone, so the facilitator can keep the vote again.
 */
import { getDb, transaction } from '../platform/db.ts';
import { loadDocument } from '../documents/documents-state.ts';
import { templateDocumentOf, undoKeepRecord } from './votes.ts';
import { hasKeptVote } from '#lib/collab/template/template-kept-votes.ts';

export type KeepRecovery = { applied: string[]; undone: string[] };

/** Settles every interrupted keep; returns the ids of the votes it recorded and undid. */
export function recoverInterruptedKeeps(now = Date.now()): KeepRecovery {
	const db = getDb();
	const interrupted = db
		.prepare(
			'SELECT id, workshop_id FROM votes WHERE kept_at IS NOT NULL AND keep_applied_at IS NULL'
		)
		.all() as { id: string; workshop_id: string }[];
	const result: KeepRecovery = { applied: [], undone: [] };
	for (const vote of interrupted) {
		const documentId = templateDocumentOf(vote.workshop_id);
		const doc = documentId ? loadDocument(documentId) : null;
		const isApplied = doc !== null && hasKeptVote(doc, vote.id);
		doc?.destroy();
		if (isApplied) {
			db.prepare('UPDATE votes SET keep_applied_at = ? WHERE id = ?').run(now, vote.id);
			result.applied.push(vote.id);
			continue;
		}
		transaction(db, () => undoKeepRecord(db, vote.id));
		result.undone.push(vote.id);
	}
	return result;
}
