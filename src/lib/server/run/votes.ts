/**
 * Anonymous dot votes on the server, on template statements (Dag 1) or drejebog steps (Dag 2,
 * the vote's `subject`). The facilitator (`run`) opens and closes votes; the work
 * group and the facilitator (`vote`) cast their own dots. Counts are shown to the facilitator
 * while a vote is open and to everyone once it is closed; who gave which dots is never shown to
 * anyone but the voter. Every function checks `can()` itself.
 */
import { getDb, transaction } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { publishRunChange } from './run-events.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { ConflictError, NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import { loadDrejebog, loadTemplate } from '../documents/documents-state.ts';
import { workshopDocumentId } from '../documents/document-kind.ts';
import {
	allocate,
	dotsUsed,
	tally,
	voteSubjectOf,
	type Allocation,
	type CastDotsInput,
	type OpenVoteInput,
	type VoteSubject
} from '#lib/domain/votes.ts';

export type VoteCandidateView = {
	id: string;
	text: string;
	statementId: string | null;
	/** The drejebog step it names, in a vote on steps; null for free text and statements. */
	stepId: string | null;
	/** Total dots; null while the vote is open, unless the requester runs the workshop. */
	count: number | null;
	/** Whether the facilitator kept it (see vote-keep.ts); null until the vote is kept. */
	isKept: boolean | null;
};
export type VoteView = {
	id: string;
	title: string;
	/** Template statements or drejebog steps. */
	subject: VoteSubject;
	dotsPerPerson: number;
	isOpen: boolean;
	candidates: VoteCandidateView[];
	/** The requester's own dots. */
	myDots: Allocation;
	dotsLeft: number;
	/** How many people have cast dots; like counts, only for the facilitator while open. */
	voters: number | null;
	/** When the chosen statements were kept in the template; null until then. */
	keptAt: string | null;
	/** Whether that keep also deleted the template statements not chosen; null until kept. */
	removedOthers: boolean | null;
};

/** A vote as stored. */
export type VoteRow = {
	id: string;
	title: string;
	dots_per_person: number;
	is_open: number;
	kept_at: number | null;
	keep_removed_others: number | null;
	subject: VoteSubject;
};
/** A candidate as stored. */
export type CandidateRow = {
	id: string;
	text: string;
	statement_id: string | null;
	step_id: string | null;
	is_kept: number | null;
};

const VOTE_COLUMNS = 'id, title, dots_per_person, is_open, kept_at, keep_removed_others, subject';

/** The stored vote `voteId` of the workshop. @throws NotFoundError `vote.error.unknown`. */
export function loadVoteRow(workshopId: string, voteId: string): VoteRow {
	const row = getDb()
		.prepare(`SELECT ${VOTE_COLUMNS} FROM votes WHERE id = ? AND workshop_id = ?`)
		.get(voteId, workshopId) as VoteRow | undefined;
	if (!row) throw new NotFoundError('vote.error.unknown');
	return row;
}

/** The vote's candidates in the order they were given. */
export function candidatesOf(voteId: string): CandidateRow[] {
	return getDb()
		.prepare(
			`SELECT id, text, statement_id, step_id, is_kept FROM vote_candidates WHERE vote_id = ?
			 ORDER BY position`
		)
		.all(voteId) as CandidateRow[];
}

function allocationOf(voteId: string, userId: string): Allocation {
	const rows = getDb()
		.prepare('SELECT candidate_id, dots FROM vote_dots WHERE vote_id = ? AND user_id = ?')
		.all(voteId, userId) as { candidate_id: string; dots: number }[];
	return Object.fromEntries(rows.map((r) => [r.candidate_id, r.dots]));
}

/** The vote as `actor` may see it (counts of an open vote only with `canSeeOpenCounts`). */
export function viewOf(row: VoteRow, actor: Actor, canSeeOpenCounts: boolean): VoteView {
	const db = getDb();
	const candidates = candidatesOf(row.id);
	const isOpen = row.is_open === 1;
	const showCounts = !isOpen || canSeeOpenCounts;
	const dots = db
		.prepare('SELECT candidate_id AS candidateId, dots FROM vote_dots WHERE vote_id = ?')
		.all(row.id) as { candidateId: string; dots: number }[];
	const counts = tally(
		candidates.map((c) => c.id),
		dots
	);
	const { n } = db
		.prepare('SELECT COUNT(DISTINCT user_id) AS n FROM vote_dots WHERE vote_id = ?')
		.get(row.id) as { n: number };
	const myDots = allocationOf(row.id, actor.id);
	return {
		id: row.id,
		title: row.title,
		subject: row.subject,
		dotsPerPerson: row.dots_per_person,
		isOpen,
		candidates: candidates.map((c) => ({
			id: c.id,
			text: c.text,
			statementId: c.statement_id,
			stepId: c.step_id,
			count: showCounts ? counts[c.id] : null,
			isKept: c.is_kept === null ? null : c.is_kept === 1
		})),
		myDots,
		dotsLeft: row.dots_per_person - dotsUsed(myDots),
		voters: showCounts ? n : null,
		keptAt: row.kept_at === null ? null : new Date(row.kept_at).toISOString(),
		removedOthers: row.kept_at === null ? null : row.keep_removed_others === 1
	};
}

/**
 * Forgets the record that vote `voteId` was kept, because the keep never reached the template
 * (the edit failed, or a crash interrupted it); the facilitator can then keep it again.
 * Call inside a transaction.
 */
export function undoKeepRecord(db: ReturnType<typeof getDb>, voteId: string): void {
	db.prepare(
		'UPDATE votes SET kept_at = NULL, kept_by = NULL, keep_removed_others = NULL WHERE id = ?'
	).run(voteId);
	db.prepare('UPDATE vote_candidates SET is_kept = NULL WHERE vote_id = ?').run(voteId);
}

/**
 * The workshop's votes, newest first, as the actor may see them.
 * @throws NotFoundError when the workshop is missing or invisible to the actor.
 */
export function listVotes(actor: Actor, workshopId: string): VoteView[] {
	const resource = authorizeWorkshop(actor, workshopId, 'read');
	const canRun = can(actor, 'run', resource);
	const rows = getDb()
		.prepare(
			`SELECT ${VOTE_COLUMNS} FROM votes WHERE workshop_id = ?
			 ORDER BY created_at DESC, rowid DESC`
		)
		.all(workshopId) as VoteRow[];
	return rows.map((row) => viewOf(row, actor, canRun));
}

/** The id of the workshop's template document, or null when it has none. */
export function templateDocumentOf(workshopId: string): string | null {
	return workshopDocumentId(workshopId, 'template');
}

/**
 * Element id → current text of what a vote on `subject` may name: the template's statements, or
 * the drejebog's steps, as the sync server stored them.
 */
function currentElements(workshopId: string, subject: VoteSubject): Map<string, string> {
	const documentId = workshopDocumentId(workshopId, subject === 'steps' ? 'drejebog' : 'template');
	if (!documentId) return new Map();
	if (subject === 'steps') {
		const drejebog = loadDrejebog(documentId);
		return new Map(drejebog.stages.flatMap((s) => s.steps.map((step) => [step.id, step.title])));
	}
	const template = loadTemplate(documentId);
	return new Map(template.areas.flatMap((a) => a.statements.map((s) => [s.id, s.text])));
}

type ResolvedCandidate = { text: string; statementId: string | null; stepId: string | null };

/**
 * The vote's subject and its candidates with their texts: a named statement's or step's current
 * text wins over a given one.
 * @throws ValidationError when a candidate names an element that does not exist, or one of the
 * other document.
 */
function resolveCandidates(
	workshopId: string,
	input: Pick<OpenVoteInput, 'candidates' | 'subject'>
): { subject: VoteSubject; candidates: ResolvedCandidate[] } {
	const subject = voteSubjectOf(input.candidates, input.subject);
	if (!subject) {
		throw new ValidationError('runDays.vote.mixed', { candidates: 'runDays.vote.mixed' });
	}
	const named = input.candidates.some((c) => c.statementId ?? c.stepId);
	const elements = named ? currentElements(workshopId, subject) : new Map<string, string>();
	const candidates = input.candidates.map((candidate) => {
		const id = candidate.statementId ?? candidate.stepId;
		if (!id) return { text: candidate.text ?? '', statementId: null, stepId: null };
		const text = elements.get(id);
		if (text === undefined) {
			const key = subject === 'steps' ? 'runDays.vote.unknownStep' : 'vote.error.unknownStatement';
			throw new ValidationError(key, { candidates: key });
		}
		return subject === 'steps'
			? { text, statementId: null, stepId: id }
			: { text, statementId: id, stepId: null };
	});
	return { subject, candidates };
}

/**
 * Opens a vote on `input.candidates` (facilitators only); template statements and drejebog steps
 * are checked to exist and shown with their current text.
 * @throws NotFoundError, ForbiddenError, ValidationError `vote.error.unknownStatement`,
 * `runDays.vote.unknownStep`, `runDays.vote.mixed`.
 */
export function openVote(actor: Actor, workshopId: string, input: OpenVoteInput): VoteView {
	authorizeWorkshop(actor, workshopId, 'run');
	const { subject, candidates } = resolveCandidates(workshopId, input);
	const db = getDb();
	const id = newId();
	transaction(db, () => {
		db.prepare(
			`INSERT INTO votes (id, workshop_id, title, dots_per_person, is_open, created_by, created_at, subject)
			 VALUES (?, ?, ?, ?, 1, ?, ?, ?)`
		).run(id, workshopId, input.title, input.dotsPerPerson, actor.id, Date.now(), subject);
		candidates.forEach((candidate, position) => {
			db.prepare(
				`INSERT INTO vote_candidates (vote_id, id, text, statement_id, step_id, position)
				 VALUES (?, ?, ?, ?, ?, ?)`
			).run(id, newId(), candidate.text, candidate.statementId, candidate.stepId, position);
		});
	});
	publishRunChange(workshopId, 'vote');
	return viewOf(loadVoteRow(workshopId, id), actor, true);
}

/**
 * Gives `input.dots` of the actor's own dots to one candidate of an open vote.
 * @throws NotFoundError (workshop or vote), ForbiddenError (staff, administrators),
 * ConflictError `vote_closed`, ValidationError (unknown candidate, more dots than allowed).
 */
export function castDots(
	actor: Actor,
	workshopId: string,
	voteId: string,
	input: CastDotsInput
): VoteView {
	const resource = authorizeWorkshop(actor, workshopId, 'vote');
	const db = getDb();
	const view = transaction(db, () => {
		const row = loadVoteRow(workshopId, voteId);
		if (row.is_open !== 1) throw new ConflictError('vote_closed', 'vote.error.closed');
		const candidateIds = candidatesOf(voteId).map((c) => c.id);
		const next = allocate(allocationOf(voteId, actor.id), candidateIds, input, row.dots_per_person);
		db.prepare('DELETE FROM vote_dots WHERE vote_id = ? AND user_id = ?').run(voteId, actor.id);
		for (const [candidateId, dots] of Object.entries(next)) {
			db.prepare(
				'INSERT INTO vote_dots (vote_id, user_id, candidate_id, dots) VALUES (?, ?, ?, ?)'
			).run(voteId, actor.id, candidateId, dots);
		}
		return viewOf(row, actor, can(actor, 'run', resource));
	});
	publishRunChange(workshopId, 'vote');
	return view;
}

/**
 * Closes an open vote; from then on everyone sees the counts (facilitators only).
 * @throws NotFoundError, ForbiddenError, ConflictError `vote_closed`.
 */
export function closeVote(actor: Actor, workshopId: string, voteId: string): VoteView {
	authorizeWorkshop(actor, workshopId, 'run');
	const db = getDb();
	const view = transaction(db, () => {
		const row = loadVoteRow(workshopId, voteId);
		if (row.is_open !== 1) throw new ConflictError('vote_closed', 'vote.error.closed');
		db.prepare('UPDATE votes SET is_open = 0, closed_at = ? WHERE id = ?').run(Date.now(), voteId);
		return viewOf({ ...row, is_open: 0 }, actor, true);
	});
	publishRunChange(workshopId, 'vote');
	return view;
}
