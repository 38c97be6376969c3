/**
 * Finishes or undoes vote keeps that a crash interrupted (see vote-keep.ts for the order of
 * writes). Runs once at start, before the server accepts requests, so no keep is in flight.
 *
 * A vote marked kept but not applied is decided by its document (the template, or the drejebog
 * for a vote on steps): if the document holds the vote's marker, the edit was stored and the keep
 * is recorded as applied; if not, the edit never happened and the keep is undone, so the
 * facilitator can keep the vote again.
 */
import { getDb, transaction } from '../platform/db.ts';
import { loadDocument } from '../documents/documents-state.ts';
import { workshopDocumentId } from '../documents/document-kind.ts';
import { undoKeepRecord } from './votes.ts';
import { hasKeptVote } from '#lib/collab/template/template-kept-votes.ts';
import { hasDrejebogKeptVote } from '#lib/collab/drejebog/drejebog-kept-votes.ts';
import type { VoteSubject } from '#lib/domain/votes.ts';

export type KeepRecovery = { applied: string[]; undone: string[] };

/** Settles every interrupted keep; returns the ids of the votes it recorded and undid. */
export function recoverInterruptedKeeps(now = Date.now()): KeepRecovery {
	const db = getDb();
	const interrupted = db
		.prepare(
			`SELECT id, workshop_id, subject FROM votes
			 WHERE kept_at IS NOT NULL AND keep_applied_at IS NULL`
		)
		.all() as { id: string; workshop_id: string; subject: VoteSubject }[];
	const result: KeepRecovery = { applied: [], undone: [] };
	for (const vote of interrupted) {
		const isSteps = vote.subject === 'steps';
		const documentId = workshopDocumentId(vote.workshop_id, isSteps ? 'drejebog' : 'template');
		const doc = documentId ? loadDocument(documentId) : null;
		const hasMarker = isSteps ? hasDrejebogKeptVote : hasKeptVote;
		const isApplied = doc !== null && hasMarker(doc, vote.id);
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
