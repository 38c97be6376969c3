import type { Migration } from './index.ts';

/**
 * Drift's personal-data rules (issue 14).
 *
 * - `org_members` is rebuilt once more to allow the organisation role `teamleder` (reads the
 *   progression statistics, never a case). The role list includes 014's `jobkonsulent` and
 *   `sagsbehandler`.
 * - `audit_log`: one row per read, change, export, link creation, link use, signature and
 *   deletion of a case: who (a user and their role, a link, or `system` for the retention job),
 *   when, which case and young person, the purpose and its text, the request id and a short
 *   detail. No foreign keys: the log outlives the case it describes (retention deletes the case
 *   and keeps the entry that it did). Append-only: two triggers refuse every UPDATE and DELETE,
 *   so not even a bug or a hand-typed statement on the server can rewrite it.
 * - `organisations.retention_months`: how long closed cases are kept (1..120 months, default 12).
 * - `case_purposes`: the purpose a person stated for a case in one browser session (asked once
 *   per case per session); the row goes with the session.
 * - `retention_runs`: when the retention job ran and what it did, for the settings page.
 */
export const m015Privacy: Migration = {
	version: 15,
	name: 'privacy',
	isTableRebuild: true,
	sql: `
CREATE TABLE org_members_new (
	org_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role TEXT NOT NULL
		CHECK (role IN ('admin', 'facilitator', 'member', 'jobkonsulent', 'sagsbehandler', 'teamleder')),
	PRIMARY KEY (org_id, user_id)
);
INSERT INTO org_members_new (org_id, user_id, role) SELECT org_id, user_id, role FROM org_members;
DROP TABLE org_members;
ALTER TABLE org_members_new RENAME TO org_members;
CREATE INDEX org_members_user ON org_members(user_id);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	org_id TEXT NOT NULL,
	at INTEGER NOT NULL,
	actor_user_id TEXT,
	actor_role TEXT NOT NULL,
	link_id TEXT,
	case_id TEXT,
	young_person_id TEXT,
	action TEXT NOT NULL
		CHECK (action IN ('read', 'change', 'export', 'link-create', 'link-use', 'sign', 'delete')),
	purpose TEXT CHECK (purpose IN ('followUp', 'assessment', 'printout', 'complaint', 'other')),
	purpose_text TEXT NOT NULL DEFAULT '',
	request_id TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT '',
	CHECK (actor_user_id IS NOT NULL OR link_id IS NOT NULL OR actor_role = 'system')
);
CREATE INDEX audit_log_org_at ON audit_log(org_id, at);
CREATE INDEX audit_log_case ON audit_log(case_id, at);
CREATE INDEX audit_log_person ON audit_log(actor_user_id, at);
CREATE INDEX audit_log_young_person ON audit_log(young_person_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted');
END;
-- INSERT OR REPLACE deletes the row it conflicts with without firing DELETE triggers (unless
-- recursive_triggers is on), so an insert with an existing id is refused too.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be replaced');
END;

ALTER TABLE organisations ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 12
	CHECK (retention_months BETWEEN 1 AND 120);

CREATE TABLE case_purposes (
	session_hash TEXT NOT NULL REFERENCES sessions(token_hash) ON DELETE CASCADE,
	case_id TEXT NOT NULL,
	purpose TEXT NOT NULL CHECK (purpose IN ('followUp', 'assessment', 'printout', 'complaint', 'other')),
	purpose_text TEXT NOT NULL DEFAULT '',
	chosen_at INTEGER NOT NULL,
	PRIMARY KEY (session_hash, case_id)
) WITHOUT ROWID;

CREATE TABLE retention_runs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	started_at INTEGER NOT NULL,
	finished_at INTEGER,
	trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'cli', 'test')),
	deleted INTEGER NOT NULL DEFAULT 0
);
`
};
