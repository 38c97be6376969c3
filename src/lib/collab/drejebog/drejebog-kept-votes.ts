/**
 * Which votes' keeps are in a drejebog document, as `template-kept-votes.ts` records them for the
 * template: keeping a vote on drejebog steps writes the vote's id into this map in the same update
 * as the steps it adds and removes, so after a crash the document itself tells whether the keep
 * reached it (vote-keep-recovery.ts). Readers of the drejebog ignore this map.
 */
import type * as Y from 'yjs';

/** The top-level map of kept votes: vote id → when it was kept (ms since the epoch). */
export const DREJEBOG_KEPT_VOTES_ROOT = 'drejebog.keptVotes';

/** Records in `doc` that vote `voteId` was kept at `keptAt`. */
export function markDrejebogVoteKept(doc: Y.Doc, voteId: string, keptAt: number): void {
	doc.getMap<number>(DREJEBOG_KEPT_VOTES_ROOT).set(voteId, keptAt);
}

/** True when `doc` holds the keep of vote `voteId`. */
export function hasDrejebogKeptVote(doc: Y.Doc, voteId: string): boolean {
	return doc.getMap<number>(DREJEBOG_KEPT_VOTES_ROOT).has(voteId);
}
