import type { Migration } from './index.ts';

/**
 * Run mode for every day (issue 11, point 4):
 * - `run_state` holds one agenda and timer per workshop and day (`format`, `drejebog`,
 *   `rollout`; see run-days.ts), so moving to Dag 2 shows Dag 2's agenda and moving back finds
 *   Dag 1's as it was left. Rows stored before were Dag 1's: the only agenda there was.
 * - Follow me, comments and locks accept the drejebog's parts: follow targets of kind `stage`
 *   and `step`; comments on a stage, a step, "CV og Min Plan" (`cvPlan`) and "Hurtig reaktion"
 *   (`reactions`); locks on a stage with its steps and on the two rule sections.
 * - Votes on drejebog steps: a vote is about template statements or drejebog steps (`subject`),
 *   and a candidate may name a step (`step_id`) as it may name a statement.
 *
 * SQLite cannot change a CHECK constraint in place, so those tables are rebuilt with the same
 * rows. `comments` refers to itself (replies); the new table refers to itself by its new name,
 * which the rename turns into `comments`, so dropping the old table deletes no reply.
 */
export const m012RunDays: Migration = {
	version: 12,
	name: 'run-days',
	sql: `
CREATE TABLE run_state_new (
	workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	day TEXT NOT NULL CHECK (day IN ('format', 'drejebog', 'rollout')),
	agenda_json TEXT NOT NULL,
	item_index INTEGER NOT NULL DEFAULT 0,
	started_at INTEGER,
	elapsed_ms INTEGER NOT NULL DEFAULT 0,
	added_ms INTEGER NOT NULL DEFAULT 0,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (workshop_id, day)
);
INSERT INTO run_state_new (workshop_id, day, agenda_json, item_index, started_at, elapsed_ms, added_ms, updated_at)
	SELECT workshop_id, 'format', agenda_json, item_index, started_at, elapsed_ms, added_ms, updated_at
	FROM run_state;
DROP TABLE run_state;
ALTER TABLE run_state_new RENAME TO run_state;

CREATE TABLE run_follow_new (
	workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
	document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	element_id TEXT NOT NULL,
	element_kind TEXT NOT NULL
		CHECK (element_kind IN ('section', 'area', 'statement', 'level', 'scale', 'stage', 'step')),
	element_label TEXT NOT NULL,
	set_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	set_at INTEGER NOT NULL
);
INSERT INTO run_follow_new SELECT workshop_id, document_id, element_id, element_kind, element_label, set_by, set_at
	FROM run_follow;
DROP TABLE run_follow;
ALTER TABLE run_follow_new RENAME TO run_follow;

CREATE TABLE comments_new (
	id TEXT PRIMARY KEY,
	document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	element_id TEXT NOT NULL,
	element_kind TEXT NOT NULL
		CHECK (element_kind IN ('area', 'statement', 'level', 'stage', 'step', 'cvPlan', 'reactions')),
	parent_id TEXT REFERENCES comments_new(id) ON DELETE CASCADE,
	author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
	text TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	resolved_at INTEGER,
	resolved_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	element_label TEXT
);
INSERT INTO comments_new (id, document_id, element_id, element_kind, parent_id, author_id, text,
		created_at, resolved_at, resolved_by, element_label)
	SELECT id, document_id, element_id, element_kind, parent_id, author_id, text, created_at,
		resolved_at, resolved_by, element_label
	FROM comments ORDER BY rowid;
DROP TABLE comments;
ALTER TABLE comments_new RENAME TO comments;
CREATE INDEX comments_document ON comments(document_id, created_at);

CREATE TABLE document_locks_new (
	document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('template', 'area', 'scale', 'ratingPlan', 'goals',
		'stage', 'cvPlan', 'reactions')),
	target_id TEXT NOT NULL,
	locked_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	locked_at INTEGER NOT NULL,
	PRIMARY KEY (document_id, kind, target_id)
);
INSERT INTO document_locks_new (document_id, kind, target_id, locked_by, locked_at)
	SELECT document_id, kind, target_id, locked_by, locked_at FROM document_locks ORDER BY rowid;
DROP TABLE document_locks;
ALTER TABLE document_locks_new RENAME TO document_locks;

ALTER TABLE votes ADD COLUMN subject TEXT NOT NULL DEFAULT 'statements'
	CHECK (subject IN ('statements', 'steps'));
ALTER TABLE vote_candidates ADD COLUMN step_id TEXT;
`
};
