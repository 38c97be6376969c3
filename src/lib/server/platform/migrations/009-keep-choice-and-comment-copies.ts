import type { Migration } from './index.ts';

/**
 * Two copies that make run mode's results readable later:
 * - `votes.keep_removed_others`: whether keeping the vote also deleted the template statements
 *   that were not chosen (a separate, explicit choice since this version). Keeps done before it
 *   always deleted them.
 * - `comments.element_label`: the commented element's text as last seen while it existed, so a
 *   thread on a deleted element still says what it was about. Set on the thread (root) row when
 *   it is written and refreshed whenever the server reads the template for comments; older
 *   threads get theirs the next time their element is still there to read.
 */
export const m009KeepChoiceAndCommentCopies: Migration = {
	version: 9,
	name: 'keep-choice-and-comment-copies',
	sql: `
ALTER TABLE votes ADD COLUMN keep_removed_others INTEGER;
UPDATE votes SET keep_removed_others = 1 WHERE kept_at IS NOT NULL;
ALTER TABLE comments ADD COLUMN element_label TEXT;
`
};
