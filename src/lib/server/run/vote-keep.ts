/**
 * Keeping the chosen statements of a closed vote in one step: chosen free-text candidates become
 * statements in the area the facilitator picked and chosen template statements stay. Template
 * statements that were candidates but not chosen stay as well, unless the facilitator explicitly
 * asks to remove them (`removeOthers`, see `planKeep` in the domain); their comments are kept and
 * shown as resolved with a copy of the statement's text (see comments.ts). The template edit
 * goes through the collaboration server (`editDocument`), so it is stored before anyone sees it
 * and appears live in every open editor. A vote is kept at most once.
 *
 * Order of writes: the vote is marked kept first (so two clicks cannot both edit), then the
 * template edit is stored together with a marker of the vote (template-kept-votes.ts), then the
 * vote is marked applied. A crash between the first and the last write is sorted out at the next
 * start by vote-keep-recovery.ts, using that marker.
 */
import type * as Y from 'yjs';
import { getDb, transaction } from '../platform/db.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { getDocumentForUser } from '../documents/documents.ts';
import { loadTemplate } from '../documents/documents-state.ts';
import { editDocument } from '../documents/document-edits.ts';
import {
	candidatesOf,
	loadVoteRow,
	templateDocumentOf,
	undoKeepRecord,
	viewOf,
	type CandidateRow,
	type VoteView
} from './votes.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { ConflictError, ValidationError } from '#lib/domain/errors.ts';
import { planKeep, type KeepVoteInput } from '#lib/domain/vote-keep.ts';
import { addStatement, removeStatement } from '#lib/collab/template/template-ops-statements.ts';
import { markVoteKept } from '#lib/collab/template/template-kept-votes.ts';
import { rememberElementLabels } from './comments.ts';
import { commentableElements } from '#lib/domain/comments.ts';

type Plan = { added: CandidateRow[]; removed: string[]; areaId: string | undefined };

/** What keeping `input` does to the stored template. @throws ValidationError. */
function planFor(documentId: string, candidates: CandidateRow[], input: KeepVoteInput): Plan {
	const known = new Set(candidates.map((c) => c.id));
	if (input.candidateIds.some((id) => !known.has(id))) {
		throw new ValidationError('voteKeep.error.unknownCandidate', {
			candidateIds: 'voteKeep.error.unknownCandidate'
		});
	}
	const template = loadTemplate(documentId);
	const { added, removed } = planKeep({
		candidates: candidates.map((row) => ({ ...row, statementId: row.statement_id })),
		chosenIds: input.candidateIds,
		removeOthers: input.removeOthers,
		existingStatementIds: new Set(template.areas.flatMap((a) => a.statements.map((s) => s.id)))
	});
	if (added.length > 0 && !template.areas.some((a) => a.id === input.areaId)) {
		const key = input.areaId ? 'voteKeep.error.unknownArea' : 'voteKeep.error.areaRequired';
		throw new ValidationError(key, { areaId: key });
	}
	// Threads on the statements about to go keep the text they had (comments.ts shows it).
	if (removed.length > 0) rememberElementLabels(documentId, commentableElements(template));
	return { added, removed, areaId: input.areaId };
}

/**
 * Applies the plan with the template's named operations, as the facilitator (`origin`), and marks
 * the vote as kept; `editDocument` stores all of it as one update.
 */
function applyPlan(
	doc: Y.Doc,
	origin: string,
	plan: Plan,
	vote: { id: string; keptAt: number }
): void {
	const ctx = { doc, origin };
	for (const statementId of plan.removed) removeStatement(ctx, { statementId });
	for (const candidate of plan.added) {
		addStatement(ctx, { areaId: plan.areaId as string, text: candidate.text });
	}
	markVoteKept(doc, vote.id, vote.keptAt);
}

/**
 * Keeps the chosen candidates of a closed vote in the workshop's template (facilitators only) and
 * records it on the vote. On any error nothing is changed: neither the template nor the vote.
 * @throws NotFoundError (workshop, vote), ForbiddenError (not the facilitator), ConflictError
 * `vote_open`, `vote_kept`, `template_locked`, `document_too_large`, ValidationError (unknown
 * candidate or area, or a statement the area cannot take, e.g. a duplicate text).
 */
export async function keepVote(
	actor: Actor,
	workshopId: string,
	voteId: string,
	input: KeepVoteInput
): Promise<VoteView> {
	authorizeWorkshop(actor, workshopId, 'run');
	const row = loadVoteRow(workshopId, voteId);
	if (row.is_open === 1) throw new ConflictError('vote_open', 'voteKeep.error.open');
	if (row.kept_at !== null) throw new ConflictError('vote_kept', 'voteKeep.error.kept');
	const documentId = templateDocumentOf(workshopId);
	if (!documentId || !getDocumentForUser(actor, workshopId, documentId).canWrite) {
		throw new ConflictError('template_locked', 'voteKeep.error.templateLocked');
	}
	const candidates = candidatesOf(voteId);
	const plan = planFor(documentId, candidates, input);
	const db = getDb();
	const chosen = new Set(input.candidateIds);
	const keptAt = Date.now();
	// Record the decision first, so two clicks cannot both edit the template; undo it on failure.
	transaction(db, () => {
		const claimed = db
			.prepare(
				`UPDATE votes SET kept_at = ?, kept_by = ?, keep_removed_others = ?
				 WHERE id = ? AND kept_at IS NULL`
			)
			.run(keptAt, actor.id, input.removeOthers ? 1 : 0, voteId);
		if (claimed.changes === 0) throw new ConflictError('vote_kept', 'voteKeep.error.kept');
		for (const candidate of candidates) {
			db.prepare('UPDATE vote_candidates SET is_kept = ? WHERE vote_id = ? AND id = ?').run(
				chosen.has(candidate.id) ? 1 : 0,
				voteId,
				candidate.id
			);
		}
	});
	try {
		await editDocument(documentId, actor.id, (doc) =>
			applyPlan(doc, actor.id, plan, { id: voteId, keptAt })
		);
	} catch (error) {
		transaction(db, () => {
			undoKeepRecord(db, voteId);
		});
		throw error;
	}
	db.prepare('UPDATE votes SET keep_applied_at = ? WHERE id = ?').run(Date.now(), voteId);
	return viewOf(loadVoteRow(workshopId, voteId), actor, true);
}
