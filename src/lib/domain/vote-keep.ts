/**
 * Keeping the chosen statements after a dot vote: which candidates the facilitator is offered
 * preselected, the body of the one request that keeps them, and what keeping does to the
 * template. Keeping adds the winners and never deletes by default; removing the template
 * statements that were not chosen is a separate choice the facilitator makes explicitly. Pure
 * rules only; the server (`#lib/server/run/vote-keep.ts`) applies them to the template.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.ts';
import { MAX_VOTE_CANDIDATES } from './limits.ts';

const idSchema = (message: string) =>
	z.string({ error: message }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: message });

/** The body of `POST /api/v1/workshops/{id}/votes/{voteId}/keep`. */
export const keepVoteSchema = lazySchema(() =>
	z.object({
		candidateIds: z
			.array(idSchema('voteKeep.error.unknownCandidate'), { error: 'voteKeep.error.noneChosen' })
			.min(1, { error: 'voteKeep.error.noneChosen' })
			.max(MAX_VOTE_CANDIDATES, { error: 'voteKeep.error.unknownCandidate' })
			// Choosing a candidate twice means choosing it once.
			.transform((ids) => [...new Set(ids)]),
		/** Where chosen free-text candidates become statements; needed only when there are some. */
		areaId: idSchema('voteKeep.error.unknownArea').optional(),
		/** In a vote on drejebog steps: the stage where chosen free texts become steps. */
		stageId: idSchema('runDays.keep.unknownStage').optional(),
		/**
		 * Also delete the template statements that were candidates but not chosen. Off unless asked
		 * for: a keep that deletes by default loses work nobody meant to throw away.
		 */
		removeOthers: z.boolean({ error: 'room.keep.error.removeOthers' }).default(false)
	})
);
export type KeepVoteInput = z.infer<typeof keepVoteSchema>;

/** A candidate as the result shows it: its total dots (null while counts are hidden). */
export type CountedCandidate = { id: string; count: number | null };

/** A candidate in the result, with its place and whether it starts out chosen. */
export type RankedCandidate<C extends CountedCandidate> = C & {
	/** 1 for the most dots; candidates with equal dots share a place (1, 2, 2, 4). */
	rank: number;
	/** Another candidate with at least one dot has exactly as many. */
	isTied: boolean;
	isPreselected: boolean;
};

/**
 * The candidates sorted by dots (most first, ties in their original order), each with its place.
 * The first `places` places are preselected, and every candidate tied with one of them too, so a
 * tie at the cut is never broken silently; a candidate nobody gave a dot is never preselected.
 */
export function rankForKeeping<C extends CountedCandidate>(
	candidates: readonly C[],
	places: number
): RankedCandidate<C>[] {
	const dots = (c: C) => c.count ?? 0;
	const sorted = candidates
		.map((candidate, position) => ({ candidate, position }))
		.sort((a, b) => dots(b.candidate) - dots(a.candidate) || a.position - b.position)
		.map((entry) => entry.candidate);
	return sorted.map((candidate) => {
		const n = dots(candidate);
		const rank = 1 + sorted.filter((other) => dots(other) > n).length;
		const isTied = n > 0 && sorted.some((other) => other !== candidate && dots(other) === n);
		return { ...candidate, rank, isTied, isPreselected: n > 0 && rank <= places };
	});
}

/**
 * A candidate as the keep sees it: an element already in the document (`statementId`: a template
 * statement, or in a vote on drejebog steps a step) or a free text. The same rule holds for both:
 * chosen elements stay, chosen free texts are added, and the others are removed only on request.
 */
export type KeepCandidate = { id: string; text: string; statementId: string | null };

/** What keeping does to the template. */
export type KeepPlan<C extends KeepCandidate> = {
	/** Chosen free texts, in the vote's order: they become statements in the chosen area. */
	added: C[];
	/** Template statements to delete: only with `removeOthers`, and only those still there. */
	removed: string[];
};

/**
 * The template edit of keeping `chosenIds` among `candidates`. Chosen template statements are
 * already in the template and stay; chosen free texts are added. Statements that were not chosen
 * stay too, unless `removeOthers` asks to delete them; a statement someone deleted since the vote
 * opened has nothing left to remove (`existingStatementIds`).
 */
export function planKeep<C extends KeepCandidate>(options: {
	candidates: readonly C[];
	chosenIds: readonly string[];
	removeOthers: boolean;
	existingStatementIds: ReadonlySet<string>;
}): KeepPlan<C> {
	const chosen = new Set(options.chosenIds);
	const added = options.candidates.filter((c) => chosen.has(c.id) && c.statementId === null);
	const removed = options.removeOthers
		? options.candidates
				.filter((c) => !chosen.has(c.id) && c.statementId !== null)
				.map((c) => c.statementId as string)
				.filter((id) => options.existingStatementIds.has(id))
		: [];
	return { added, removed: [...new Set(removed)] };
}
