import type { Migration } from './index.ts';

/**
 * Run mode (issue 5): one row of agenda and timer state per workshop, anonymous dot votes, and
 * comments on template elements.
 * Dots are stored per voter so the server can enforce the per-person budget; no query ever
 * returns them per voter to anyone but the voter.
 */
export const m002RunMode: Migration = {
	version: 2,
	name: 'run-mode',
	sql: `
CREATE TABLE run_state (
	workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
	agenda_json TEXT NOT NULL,
	item_index INTEGER NOT NULL DEFAULT 0,
	started_at INTEGER,
	elapsed_ms INTEGER NOT NULL DEFAULT 0,
	added_ms INTEGER NOT NULL DEFAULT 0,
	updated_at INTEGER NOT NULL
);

CREATE TABLE votes (
	id TEXT PRIMARY KEY,
	workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	title TEXT NOT NULL,
	dots_per_person INTEGER NOT NULL CHECK (dots_per_person > 0),
	is_open INTEGER NOT NULL DEFAULT 1,
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	closed_at INTEGER
);
CREATE INDEX votes_workshop ON votes(workshop_id, created_at);

CREATE TABLE vote_candidates (
	vote_id TEXT NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
	id TEXT NOT NULL,
	text TEXT NOT NULL,
	statement_id TEXT,
	position INTEGER NOT NULL,
	PRIMARY KEY (vote_id, id)
);

CREATE TABLE vote_dots (
	vote_id TEXT NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	candidate_id TEXT NOT NULL,
	dots INTEGER NOT NULL CHECK (dots > 0),
	PRIMARY KEY (vote_id, user_id, candidate_id),
	FOREIGN KEY (vote_id, candidate_id) REFERENCES vote_candidates(vote_id, id) ON DELETE CASCADE
);

-- A thread is a root comment (parent_id NULL) with its replies; resolving applies to the root.
-- element_id points into the template document (an area, statement or level id), which stays
-- the same when the element moves; a comment outlives its element.
CREATE TABLE comments (
	id TEXT PRIMARY KEY,
	document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	element_id TEXT NOT NULL,
	element_kind TEXT NOT NULL CHECK (element_kind IN ('area', 'statement', 'level')),
	parent_id TEXT REFERENCES comments(id) ON DELETE CASCADE,
	author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
	text TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	resolved_at INTEGER,
	resolved_by TEXT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX comments_document ON comments(document_id, created_at);
`
};
