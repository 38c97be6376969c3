/**
 * Which votes' keeps are in a template document. Keeping a vote (vote-keep.ts) writes the vote's
 * id into this map in the same update as the statements it adds and removes, so the document
 * itself tells whether a keep reached it: after a crash, a vote recorded as kept whose id is not
 * here was never applied (vote-keep-recovery.ts). Readers of the template ignore this map.
 */
import type * as Y from 'yjs';

/** The top-level map of kept votes: vote id → when it was kept (ms since the epoch). */
export const KEPT_VOTES_ROOT = 'template.keptVotes';

/** Records in `doc` that vote `voteId` was kept at `keptAt`. */
export function markVoteKept(doc: Y.Doc, voteId: string, keptAt: number): void {
	doc.getMap<number>(KEPT_VOTES_ROOT).set(voteId, keptAt);
}

/** True when `doc` holds the keep of vote `voteId`. */
export function hasKeptVote(doc: Y.Doc, voteId: string): boolean {
	return doc.getMap<number>(KEPT_VOTES_ROOT).has(voteId);
}
