import type { Migration } from './index.ts';

/**
 * When a vote's keep reached the template (see vote-keep-recovery.ts). A keep is recorded on the
 * vote before the template is edited, so a crash in between would leave a vote marked kept with
 * the template unchanged; `keep_applied_at` tells a finished keep from an interrupted one. Keeps
 * done before this migration finished normally (they were undone on any error).
 */
export const m006VoteKeepApplied: Migration = {
	version: 6,
	name: 'vote-keep-applied',
	sql: `
ALTER TABLE votes ADD COLUMN keep_applied_at INTEGER;
UPDATE votes SET keep_applied_at = kept_at WHERE kept_at IS NOT NULL;
`
};
