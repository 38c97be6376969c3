import type { Migration } from './index.ts';

/**
 * "Follow me" (issue 5): at most one follow target per workshop, the place of the template the
 * facilitator points at. No row means nobody is being led. The label is what the element was
 * called when it was pointed at, so reading the target never has to load the template.
 */
export const m004Follow: Migration = {
	version: 4,
	name: 'follow',
	sql: `
CREATE TABLE run_follow (
	workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
	document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	element_id TEXT NOT NULL,
	element_kind TEXT NOT NULL CHECK (element_kind IN ('section', 'area', 'statement', 'level', 'scale')),
	element_label TEXT NOT NULL,
	set_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	set_at INTEGER NOT NULL
);
`
};
