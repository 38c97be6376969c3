/**
 * Anonymous dot votes (issue 5): the facilitator opens a vote on candidate statements with a
 * number of dots per person; each participant spreads (and may stack) their dots. On Dag 2 a vote
 * is about the drejebog's steps instead (issue 11): its `subject`. This module holds the input
 * shapes and the pure rules: the dot budget and the counting.
 */
import { z } from 'zod';
import { ValidationError } from './errors.ts';
import { textSchema } from './text.ts';
import {
	MAX_CANDIDATE_LENGTH,
	MAX_DOTS_PER_PERSON,
	MAX_TITLE_LENGTH,
	MAX_VOTE_CANDIDATES,
	MIN_VOTE_CANDIDATES
} from './limits.ts';

const text = (max: number) => textSchema(max);

/**
 * What a vote is about: statements of the template (Dag 1), or steps of the drejebog (Dag 2).
 * Keeping its result adds chosen free texts as statements of an area, or as steps of a stage.
 */
export const VOTE_SUBJECTS = ['statements', 'steps'] as const;
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];

/**
 * A candidate: free text, a statement of the workshop's template (`statementId`) or a step of its
 * drejebog (`stepId`), whose current text the server then uses.
 */
export const candidateInputSchema = z
	.object({
		text: text(MAX_CANDIDATE_LENGTH).optional(),
		statementId: z
			.string()
			.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'vote.error.unknownStatement' })
			.optional(),
		stepId: z
			.string()
			.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'runDays.vote.unknownStep' })
			.optional()
	})
	.refine((c) => c.text !== undefined || c.statementId !== undefined || c.stepId !== undefined, {
		path: ['text'],
		error: 'field.required'
	})
	.refine((c) => c.statementId === undefined || c.stepId === undefined, {
		path: ['stepId'],
		error: 'runDays.vote.mixed'
	});
export type CandidateInput = z.infer<typeof candidateInputSchema>;

/**
 * The subject of a vote on `candidates`: the one asked for, else steps when a candidate names a
 * step, else statements. Null when a candidate names an element of the other document (a vote is
 * about one document's elements).
 */
export function voteSubjectOf(
	candidates: readonly CandidateInput[],
	asked?: VoteSubject
): VoteSubject | null {
	const subject = asked ?? (candidates.some((c) => c.stepId) ? 'steps' : 'statements');
	const foreign = subject === 'steps' ? 'statementId' : 'stepId';
	return candidates.some((c) => c[foreign] !== undefined) ? null : subject;
}

/** The body of `POST /api/v1/workshops/{id}/votes`. */
export const openVoteSchema = z.object({
	title: text(MAX_TITLE_LENGTH),
	/** Statements (the default) or drejebog steps; see `voteSubjectOf`. */
	subject: z.enum(VOTE_SUBJECTS, { error: 'runDays.vote.mixed' }).optional(),
	dotsPerPerson: z
		.int({ error: 'vote.field.dots' })
		.min(1, { error: 'vote.field.dots' })
		.max(MAX_DOTS_PER_PERSON, { error: 'vote.field.dots' }),
	candidates: z
		.array(candidateInputSchema, { error: 'vote.field.candidates' })
		.min(MIN_VOTE_CANDIDATES, { error: 'vote.field.candidates' })
		.max(MAX_VOTE_CANDIDATES, { error: 'vote.field.candidates' })
});
export type OpenVoteInput = z.infer<typeof openVoteSchema>;

/** The body of `POST .../votes/{voteId}/dots`: how many of one's dots a candidate gets (0 removes). */
export const castDotsSchema = z.object({
	candidateId: z
		.string({ error: 'vote.error.unknownCandidate' })
		.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'vote.error.unknownCandidate' }),
	dots: z
		.int({ error: 'vote.field.castDots' })
		.min(0, { error: 'vote.field.castDots' })
		.max(MAX_DOTS_PER_PERSON, { error: 'vote.field.castDots' })
});
export type CastDotsInput = z.infer<typeof castDotsSchema>;

/** One voter's dots: candidate id → dots. */
export type Allocation = Record<string, number>;

/** Dots used in an allocation. */
export function dotsUsed(allocation: Allocation): number {
	return Object.values(allocation).reduce((sum, n) => sum + n, 0);
}

/**
 * The voter's allocation after giving `dots` to one candidate.
 * @throws ValidationError `vote.error.unknownCandidate`, `vote.error.tooManyDots`.
 */
export function allocate(
	current: Allocation,
	candidateIds: readonly string[],
	input: CastDotsInput,
	dotsPerPerson: number
): Allocation {
	if (!candidateIds.includes(input.candidateId)) {
		throw new ValidationError('vote.error.unknownCandidate', {
			candidateId: 'vote.error.unknownCandidate'
		});
	}
	const next = { ...current, [input.candidateId]: input.dots };
	if (input.dots === 0) delete next[input.candidateId];
	if (dotsUsed(next) > dotsPerPerson) {
		throw new ValidationError('vote.error.tooManyDots', { dots: 'vote.error.tooManyDots' });
	}
	return next;
}

/** Total dots per candidate (every candidate listed, zero when nobody chose it). */
export function tally(
	candidateIds: readonly string[],
	dots: readonly { candidateId: string; dots: number }[]
): Record<string, number> {
	const counts: Record<string, number> = Object.fromEntries(candidateIds.map((id) => [id, 0]));
	for (const row of dots) {
		if (row.candidateId in counts) counts[row.candidateId] += row.dots;
	}
	return counts;
}
