/**
 * Keeping the chosen statements of a closed vote in one step: chosen free-text candidates become
 * statements in the area the facilitator picked and chosen template statements stay. Template
 * statements that were candidates but not chosen stay as well, unless the facilitator explicitly
 * asks to remove them (`removeOthers`, see `planKeep` in the domain); their comments are kept and
 * shown as resolved with a copy of the statement's text (see comments.ts). The template edit
 * goes through the collaboration server (`editDocument`), so it is stored before anyone sees it
 * and appears live in every open editor. A vote is kept at most once.
 *
 * A vote on drejebog steps (Dag 2) is kept the same way in the drejebog: chosen free texts become
 * steps in the stage the facilitator picked, chosen steps stay, and the steps not chosen are
 * removed only when asked; the drejebog records the keep in its own marker map.
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
import { loadDrejebog, loadTemplate } from '../documents/documents-state.ts';
import { editDocument } from '../documents/document-edits.ts';
import { workshopDocumentId } from '../documents/document-kind.ts';
import {
	candidatesOf,
	loadVoteRow,
	undoKeepRecord,
	viewOf,
	type CandidateRow,
	type VoteView
} from './votes.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { ConflictError, NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import { planKeep, type KeepVoteInput } from '#lib/domain/vote-keep.ts';
import type { VoteSubject } from '#lib/domain/votes.ts';
import { addStatement, removeStatement } from '#lib/collab/template/template-ops-statements.ts';
import { markVoteKept } from '#lib/collab/template/template-kept-votes.ts';
import { addStep, removeStep } from '#lib/collab/drejebog/drejebog-ops-steps.ts';
import { markDrejebogVoteKept } from '#lib/collab/drejebog/drejebog-kept-votes.ts';
import { rememberElementLabels } from './comments.ts';
import { commentableDrejebogElements, commentableElements } from '#lib/domain/comments.ts';

type Vote = { id: string; keptAt: number };

/** What keeping a vote does to its document, and how to write it there (in one update). */
type Keep = { documentId: string; apply: (doc: Y.Doc, origin: string, vote: Vote) => void };

/** The chosen candidates must be the vote's. @throws ValidationError. */
function requireKnown(candidates: CandidateRow[], input: KeepVoteInput): void {
	const known = new Set(candidates.map((c) => c.id));
	if (input.candidateIds.some((id) => !known.has(id))) {
		throw new ValidationError('voteKeep.error.unknownCandidate', {
			candidateIds: 'voteKeep.error.unknownCandidate'
		});
	}
}

/** What keeping `input` does to the stored template. @throws ValidationError. */
function keepStatements(
	documentId: string,
	candidates: CandidateRow[],
	input: KeepVoteInput
): Keep {
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
	return {
		documentId,
		apply(doc, origin, vote) {
			const ctx = { doc, origin };
			for (const statementId of removed) removeStatement(ctx, { statementId });
			for (const candidate of added) {
				addStatement(ctx, { areaId: input.areaId as string, text: candidate.text });
			}
			markVoteKept(doc, vote.id, vote.keptAt);
		}
	};
}

/** What keeping `input` does to the stored drejebog. @throws ValidationError. */
function keepSteps(documentId: string, candidates: CandidateRow[], input: KeepVoteInput): Keep {
	const drejebog = loadDrejebog(documentId);
	const { added, removed } = planKeep({
		candidates: candidates.map((row) => ({ ...row, statementId: row.step_id })),
		chosenIds: input.candidateIds,
		removeOthers: input.removeOthers,
		existingStatementIds: new Set(drejebog.stages.flatMap((s) => s.steps.map((step) => step.id)))
	});
	if (added.length > 0 && !drejebog.stages.some((s) => s.id === input.stageId)) {
		const key = input.stageId ? 'runDays.keep.unknownStage' : 'runDays.keep.stageRequired';
		throw new ValidationError(key, { stageId: key });
	}
	// Threads on the steps about to go keep the title they had (comments.ts shows it).
	if (removed.length > 0) {
		rememberElementLabels(documentId, commentableDrejebogElements(drejebog));
	}
	return {
		documentId,
		apply(doc, origin, vote) {
			const ctx = { doc, origin };
			for (const stepId of removed) removeStep(ctx, { stepId });
			for (const candidate of added) {
				addStep(ctx, { stageId: input.stageId as string, title: candidate.text });
			}
			markDrejebogVoteKept(doc, vote.id, vote.keptAt);
		}
	};
}

/**
 * The keep of a vote on `subject`, checked against the stored document.
 * @throws ConflictError `template_locked` (the actor may not write the template), NotFoundError
 * (the workshop has no drejebog), ValidationError.
 */
function planFor(
	actor: Actor,
	workshopId: string,
	subject: VoteSubject,
	candidates: CandidateRow[],
	input: KeepVoteInput
): Keep {
	requireKnown(candidates, input);
	if (subject === 'steps') {
		const documentId = workshopDocumentId(workshopId, 'drejebog');
		if (!documentId) throw new NotFoundError('document');
		return keepSteps(documentId, candidates, input);
	}
	const documentId = workshopDocumentId(workshopId, 'template');
	if (!documentId || !getDocumentForUser(actor, workshopId, documentId).canWrite) {
		throw new ConflictError('template_locked', 'voteKeep.error.templateLocked');
	}
	return keepStatements(documentId, candidates, input);
}

/**
 * Keeps the chosen candidates of a closed vote in the workshop's template, or in its drejebog for
 * a vote on steps (facilitators only), and records it on the vote. On any error nothing is
 * changed: neither the document nor the vote.
 * @throws NotFoundError (workshop, vote), ForbiddenError (not the facilitator), ConflictError
 * `vote_open`, `vote_kept`, `template_locked`, `document_too_large`, ValidationError (unknown
 * candidate, area or stage, or a statement or step its place cannot take, e.g. a duplicate text).
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
	const candidates = candidatesOf(voteId);
	const keep = planFor(actor, workshopId, row.subject, candidates, input);
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
		await editDocument(keep.documentId, actor.id, (doc) =>
			keep.apply(doc, actor.id, { id: voteId, keptAt })
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
