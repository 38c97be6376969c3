import type { Migration } from './index.ts';

/** Accounts, organisations, workshops, invitations and the collaboration document store. */
export const m001Initial: Migration = {
	version: 1,
	name: 'initial',
	sql: `
CREATE TABLE organisations (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

CREATE TABLE users (
	id TEXT PRIMARY KEY,
	email TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	locale TEXT NOT NULL DEFAULT 'da',
	created_at INTEGER NOT NULL
);

CREATE TABLE org_members (
	org_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'member')),
	PRIMARY KEY (org_id, user_id)
);
CREATE INDEX org_members_user ON org_members(user_id);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
	key TEXT PRIMARY KEY,
	failures INTEGER NOT NULL,
	first_failure_at INTEGER NOT NULL,
	locked_until INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE setup_tokens (
	token_hash TEXT PRIMARY KEY,
	created_at INTEGER NOT NULL
);

CREATE TABLE workshops (
	id TEXT PRIMARY KEY,
	org_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	title TEXT NOT NULL,
	format_json TEXT NOT NULL,
	phase TEXT NOT NULL CHECK (phase IN ('format', 'drejebog', 'rollout', 'drift')),
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX workshops_org ON workshops(org_id);

CREATE TABLE workshop_members (
	workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('facilitator', 'member', 'staff')),
	joined_at INTEGER NOT NULL,
	PRIMARY KEY (workshop_id, user_id)
);
CREATE INDEX workshop_members_user ON workshop_members(user_id);

CREATE TABLE documents (
	id TEXT PRIMARY KEY,
	workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('template', 'drejebog')),
	created_at INTEGER NOT NULL,
	UNIQUE (workshop_id, kind)
);

CREATE TABLE invitations (
	id TEXT PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	email TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('facilitator', 'member', 'staff')),
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	accepted_at INTEGER,
	accepted_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	revoked_at INTEGER
);
CREATE INDEX invitations_workshop ON invitations(workshop_id);

-- Collaboration: append-only update log plus a compacted snapshot per document.
CREATE TABLE doc_updates (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	data BLOB NOT NULL,
	author_id TEXT,
	created_at INTEGER NOT NULL
);
CREATE INDEX doc_updates_doc ON doc_updates(document_id, seq);

CREATE TABLE doc_snapshots (
	document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	data BLOB NOT NULL,
	last_seq INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
`
};
