import type { Migration } from './index.ts';

/**
 * Keeping the chosen statements of a closed vote (issue 5): when and by whom it was done (a vote
 * is kept at most once), and per candidate whether it was kept (1), dropped (0) or not decided
 * yet (NULL).
 */
export const m005VoteKeep: Migration = {
	version: 5,
	name: 'vote-keep',
	sql: `
ALTER TABLE votes ADD COLUMN kept_at INTEGER;
ALTER TABLE votes ADD COLUMN kept_by TEXT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE vote_candidates ADD COLUMN is_kept INTEGER;
`
};
