import type { Migration } from './index.ts';

/**
 * Published versions and new drafts (Dag 2):
 *
 * - `publications`: one row per published version of a workshop's template and drejebog, with
 *   its number (1, 2, … per workshop), change note, who (id and the name at the time), when,
 *   the format and shape versions, the canonical JSON and its SHA-256. A published version never
 *   changes: triggers make SQLite itself refuse every UPDATE and DELETE of a row, and an insert
 *   that would replace one, so no code path (route, CLI, a bug) can alter one. Anything that changes later about a version ("latest", "I
 *   drift") is derived or kept in other tables.
 * - `workshop_drafts`: each new draft opened from a version (who, when, from which version).
 * - `documents` is rebuilt so that a document can leave its workshop: a new draft gets new
 *   documents, and the old ones are kept, retired (`workshop_id` null, `retired_from` and
 *   `retired_at` set), with their log, snapshot and comments. Every query that looks documents up
 *   by workshop therefore still finds exactly the current ones, and a retired document is unknown
 *   to the collaboration server's access check. SQLite cannot drop a NOT NULL constraint in
 *   place, so the table is copied (the 12-step procedure of SQLite's ALTER TABLE documentation;
 *   migrate() runs it with foreign keys off and checks them before committing).
 */
export const m011Publications: Migration = {
	version: 11,
	name: 'publications',
	isTableRebuild: true,
	sql: `
CREATE TABLE documents_rebuilt (
	id TEXT PRIMARY KEY,
	workshop_id TEXT REFERENCES workshops(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('template', 'drejebog')),
	created_at INTEGER NOT NULL,
	retired_from TEXT REFERENCES workshops(id) ON DELETE CASCADE,
	retired_at INTEGER,
	UNIQUE (workshop_id, kind),
	CHECK ((workshop_id IS NULL) = (retired_from IS NOT NULL)),
	CHECK ((retired_from IS NULL) = (retired_at IS NULL))
);
INSERT INTO documents_rebuilt (id, workshop_id, kind, created_at)
	SELECT id, workshop_id, kind, created_at FROM documents;
DROP TABLE documents;
ALTER TABLE documents_rebuilt RENAME TO documents;
CREATE INDEX documents_retired_from ON documents(retired_from);

CREATE TABLE publications (
	id TEXT PRIMARY KEY,
	workshop_id TEXT NOT NULL REFERENCES workshops(id),
	org_id TEXT NOT NULL REFERENCES organisations(id),
	number INTEGER NOT NULL CHECK (number >= 1),
	note TEXT NOT NULL,
	published_by TEXT NOT NULL,
	published_by_name TEXT NOT NULL,
	published_at INTEGER NOT NULL,
	format INTEGER NOT NULL,
	template_shape_version INTEGER NOT NULL,
	drejebog_shape_version INTEGER NOT NULL,
	content TEXT NOT NULL,
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	UNIQUE (workshop_id, number)
);
CREATE INDEX publications_org ON publications(org_id, published_at);

CREATE TRIGGER publications_never_updated BEFORE UPDATE ON publications
BEGIN
	SELECT RAISE(ABORT, 'a published version cannot be changed');
END;
CREATE TRIGGER publications_never_deleted BEFORE DELETE ON publications
BEGIN
	SELECT RAISE(ABORT, 'a published version cannot be deleted');
END;
-- INSERT OR REPLACE deletes the row it conflicts with without firing DELETE triggers (unless
-- recursive triggers are on), so an insert that would replace a version is refused before it.
CREATE TRIGGER publications_never_replaced BEFORE INSERT ON publications
WHEN EXISTS (
	SELECT 1 FROM publications
	WHERE id = NEW.id OR (workshop_id = NEW.workshop_id AND number = NEW.number)
)
BEGIN
	SELECT RAISE(ABORT, 'a published version cannot be replaced');
END;

CREATE TABLE workshop_drafts (
	id TEXT PRIMARY KEY,
	workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	from_publication_id TEXT NOT NULL REFERENCES publications(id),
	opened_by TEXT NOT NULL,
	opened_at INTEGER NOT NULL
);
CREATE INDEX workshop_drafts_workshop ON workshop_drafts(workshop_id, opened_at);
`
};
