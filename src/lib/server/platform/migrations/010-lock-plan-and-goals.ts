import type { Migration } from './index.ts';

/**
 * Locks on the rating plan and on the goal part (issue 16): two more lock kinds, whose target id
 * is the document id, like the whole template's. SQLite cannot change a CHECK constraint in place,
 * so the table is rebuilt with the same rows.
 */
export const m010LockPlanAndGoals: Migration = {
	version: 10,
	name: 'lock-plan-and-goals',
	sql: `
CREATE TABLE document_locks_new (
	document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('template', 'area', 'scale', 'ratingPlan', 'goals')),
	target_id TEXT NOT NULL,
	locked_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	locked_at INTEGER NOT NULL,
	PRIMARY KEY (document_id, kind, target_id)
);
INSERT INTO document_locks_new (document_id, kind, target_id, locked_by, locked_at)
	SELECT document_id, kind, target_id, locked_by, locked_at FROM document_locks;
DROP TABLE document_locks;
ALTER TABLE document_locks_new RENAME TO document_locks;
`
};
