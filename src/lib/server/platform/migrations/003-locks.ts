import type { Migration } from './index.ts';

/**
 * Locks (issue 5): parts of a template document the facilitator has marked as agreed, so the
 * work group can no longer change them. One row per locked part; `target_id` is the document id
 * for the whole template, else an area id or the id of a scale's owner (area or statement).
 * The collaboration server reads these rows for every update a group member sends.
 */
export const m003Locks: Migration = {
	version: 3,
	name: 'locks',
	sql: `
CREATE TABLE document_locks (
	document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('template', 'area', 'scale')),
	target_id TEXT NOT NULL,
	locked_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	locked_at INTEGER NOT NULL,
	PRIMARY KEY (document_id, kind, target_id)
);
`
};
