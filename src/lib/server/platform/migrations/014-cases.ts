import type { Migration } from './index.ts';

/**
 * Drift: cases (forløb) of real young people on a version in operation.
 *
 * - `org_members` is rebuilt to allow the organisation roles `jobkonsulent` and `sagsbehandler`
 *   (001's CHECK cannot be altered in place).
 * - `young_people`: a person of one municipality (first and last name only; never a CPR number);
 *   several cases may name the same young person.
 * - `cases`: one internship on one published version (`publication_id`: cases keep the version
 *   they started with), with the period, target group, company and mentor, the goal as agreed,
 *   the next step and when it was closed. `previous_case_id` is the case it started from.
 * - `case_staff`: who the case is assigned to (the jobkonsulent who started it, optionally a
 *   sagsbehandler); "Mine forløb" reads it by user.
 * - `case_statements`: the version's statements chosen for this internship, in order.
 * - `case_sub_goals` and `case_sub_goal_statuses`: the sub-goals agreed and their status per
 *   measurement point.
 * - `case_ratings`: one current rating per case, point, rater and statement (`level_id` null is
 *   "ikke vurderet"), given by a user or through a link.
 * - `case_agreed_levels`: the level the raters agreed on per statement.
 * - `case_point_progress`: hours per week and tasks per measurement point.
 * - `case_own_words`: the young person's own words per free-text section of the template.
 * - `case_signatures`: who signed (the template's signer id), by name, when, by user or link.
 * - `case_links`: rating and signing links; only the SHA-256 of the token is stored.
 * - `case_link_failures`: unknown tokens per address, for the throttle.
 *
 * Everything hangs off `cases` with ON DELETE CASCADE, so deleting a case removes all of it.
 */
export const m014Cases: Migration = {
	version: 14,
	name: 'cases',
	isTableRebuild: true,
	sql: `
CREATE TABLE org_members_new (
	org_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'member', 'jobkonsulent', 'sagsbehandler')),
	PRIMARY KEY (org_id, user_id)
);
INSERT INTO org_members_new (org_id, user_id, role) SELECT org_id, user_id, role FROM org_members;
DROP TABLE org_members;
ALTER TABLE org_members_new RENAME TO org_members;
CREATE INDEX org_members_user ON org_members(user_id);

CREATE TABLE young_people (
	id TEXT PRIMARY KEY,
	org_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	first_name TEXT NOT NULL,
	last_name TEXT NOT NULL,
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX young_people_org ON young_people(org_id, last_name, first_name);

CREATE TABLE cases (
	id TEXT PRIMARY KEY,
	org_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	publication_id TEXT NOT NULL REFERENCES publications(id),
	young_person_id TEXT NOT NULL REFERENCES young_people(id) ON DELETE CASCADE,
	previous_case_id TEXT REFERENCES cases(id) ON DELETE SET NULL,
	target_group TEXT CHECK (target_group IN ('uddannelsesparat', 'aktivitetsparat')),
	company TEXT NOT NULL,
	mentor_name TEXT NOT NULL DEFAULT '',
	start_date TEXT NOT NULL,
	end_date TEXT NOT NULL,
	hours_at_start REAL,
	goal TEXT NOT NULL DEFAULT '',
	goal_agreed_on TEXT,
	next_step_kind TEXT
		CHECK (next_step_kind IN ('internship', 'wageSubsidy', 'job', 'education', 'flexJob', 'other')),
	next_step_text TEXT NOT NULL DEFAULT '',
	closed_at INTEGER,
	closed_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK (end_date >= start_date)
);
CREATE INDEX cases_org ON cases(org_id, closed_at);
CREATE INDEX cases_publication ON cases(publication_id, target_group, closed_at);
CREATE INDEX cases_young_person ON cases(young_person_id, start_date);
CREATE INDEX cases_previous ON cases(previous_case_id);

CREATE TABLE case_staff (
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('jobkonsulent', 'sagsbehandler')),
	assigned_at INTEGER NOT NULL,
	PRIMARY KEY (case_id, user_id)
) WITHOUT ROWID;
CREATE INDEX case_staff_user ON case_staff(user_id, case_id);

CREATE TABLE case_statements (
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	statement_id TEXT NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (case_id, statement_id)
) WITHOUT ROWID;

CREATE TABLE case_sub_goals (
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	id TEXT NOT NULL,
	position INTEGER NOT NULL,
	text TEXT NOT NULL,
	statement_ids TEXT NOT NULL DEFAULT '[]',
	PRIMARY KEY (case_id, id)
) WITHOUT ROWID;

CREATE TABLE case_sub_goal_statuses (
	case_id TEXT NOT NULL,
	sub_goal_id TEXT NOT NULL,
	point_id TEXT NOT NULL,
	status_id TEXT,
	updated_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (case_id, sub_goal_id, point_id),
	FOREIGN KEY (case_id, sub_goal_id) REFERENCES case_sub_goals(case_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE case_links (
	id TEXT PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('rate', 'sign')),
	rater_id TEXT,
	point_id TEXT,
	signer_id TEXT,
	expires_at INTEGER NOT NULL,
	used_at INTEGER,
	revoked_at INTEGER,
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	CHECK ((kind = 'rate' AND rater_id IS NOT NULL AND point_id IS NOT NULL)
		OR (kind = 'sign' AND signer_id IS NOT NULL))
);
CREATE INDEX case_links_case ON case_links(case_id, created_at);

CREATE TABLE case_ratings (
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	point_id TEXT NOT NULL,
	rater_id TEXT NOT NULL,
	statement_id TEXT NOT NULL,
	level_id TEXT,
	comment TEXT NOT NULL DEFAULT '',
	by_user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
	by_link_id TEXT REFERENCES case_links(id) ON DELETE SET NULL,
	rated_at INTEGER NOT NULL,
	PRIMARY KEY (case_id, point_id, rater_id, statement_id)
) WITHOUT ROWID;

CREATE TABLE case_agreed_levels (
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	statement_id TEXT NOT NULL,
	level_id TEXT,
	agreed_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	agreed_at INTEGER NOT NULL,
	PRIMARY KEY (case_id, statement_id)
) WITHOUT ROWID;

CREATE TABLE case_point_progress (
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	point_id TEXT NOT NULL,
	hours REAL,
	tasks TEXT NOT NULL DEFAULT '',
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (case_id, point_id)
) WITHOUT ROWID;

CREATE TABLE case_own_words (
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	section_id TEXT NOT NULL,
	text TEXT NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (case_id, section_id)
) WITHOUT ROWID;

CREATE TABLE case_signatures (
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	signer_id TEXT NOT NULL,
	name TEXT NOT NULL,
	signed_at INTEGER NOT NULL,
	by_user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
	by_link_id TEXT REFERENCES case_links(id) ON DELETE SET NULL,
	PRIMARY KEY (case_id, signer_id)
) WITHOUT ROWID;

CREATE TABLE case_link_failures (
	key TEXT NOT NULL,
	failed_at INTEGER NOT NULL
);
CREATE INDEX case_link_failures_key ON case_link_failures(key, failed_at);
`
};
