/**
 * Keeping the chosen statements after a dot vote (issue 5): which candidates the facilitator is
 * offered preselected, and the body of the one request that keeps them. Pure rules only; the
 * server (`#lib/server/run/vote-keep.ts`) applies them to the template.
 */
import { z } from 'zod';
import { MAX_VOTE_CANDIDATES } from './limits.ts';

const idSchema = (message: string) =>
	z.string({ error: message }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: message });

/** The body of `POST /api/v1/workshops/{id}/votes/{voteId}/keep`. */
export const keepVoteSchema = z.object({
	candidateIds: z
		.array(idSchema('voteKeep.error.unknownCandidate'), { error: 'voteKeep.error.noneChosen' })
		.min(1, { error: 'voteKeep.error.noneChosen' })
		.max(MAX_VOTE_CANDIDATES, { error: 'voteKeep.error.unknownCandidate' })
		// Choosing a candidate twice means choosing it once.
		.transform((ids) => [...new Set(ids)]),
	/** Where chosen free-text candidates become statements; needed only when there are some. */
	areaId: idSchema('voteKeep.error.unknownArea').optional()
});
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
