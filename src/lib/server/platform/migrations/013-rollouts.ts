import type { Migration } from './index.ts';

/**
 * Dag 3: rolling a published version out to the staff, and which version is in operation.
 *
 * - `rollouts`: a session for one version (`publication_id`), with its join code while open
 *   (null once closed: the code expires with the session), the presenter's step, the follow-up
 *   learning meeting's date, the facilitator's settings (slides, learning-goal kinds) as JSON,
 *   and when and by whom it was closed.
 * - `rollout_participants`: who joined, how (`live` in the session or `self` alone later), and the
 *   step each person is at. `rollout_acks` and `rollout_answers` hold "Forstået" per step and
 *   the one answer per question (with whether it was right).
 * - `rollout_completions`: one row per person per version, written when the person has confirmed
 *   every step and answered every question (who, when, in which session, the answers).
 * - `rollout_feedback`: questions and suggestions from the session for the next version.
 * - `rollout_self_checks`: one person's self-check per version and occasion; only aggregates of
 *   five or more are ever shown.
 * - `publication_operation`: which version is "I drift" for a workshop line. Publications never
 *   change (011's triggers), so being in operation and being retired are rows here; a partial
 *   unique index allows one version in operation per workshop at a time.
 * - `rollout_join_failures`: wrong codes per person and per address, for the throttle.
 */
export const m013Rollouts: Migration = {
	version: 13,
	name: 'rollouts',
	sql: `
CREATE TABLE rollouts (
	id TEXT PRIMARY KEY,
	publication_id TEXT NOT NULL REFERENCES publications(id),
	workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	org_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	code TEXT UNIQUE,
	presenter_step_id TEXT,
	follow_up_date TEXT,
	settings TEXT NOT NULL DEFAULT '{"slides":[],"learningGoals":{}}',
	created_by TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	closed_by TEXT,
	closed_at INTEGER,
	CHECK ((closed_at IS NULL) = (code IS NOT NULL))
);
CREATE INDEX rollouts_publication ON rollouts(publication_id, created_at);
CREATE UNIQUE INDEX rollouts_one_open ON rollouts(publication_id) WHERE closed_at IS NULL;

CREATE TABLE rollout_participants (
	rollout_id TEXT NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	mode TEXT NOT NULL CHECK (mode IN ('live', 'self')),
	joined_at INTEGER NOT NULL,
	current_step_id TEXT,
	seen_at INTEGER NOT NULL,
	PRIMARY KEY (rollout_id, user_id)
);
CREATE INDEX rollout_participants_user ON rollout_participants(user_id);

CREATE TABLE rollout_acks (
	rollout_id TEXT NOT NULL,
	user_id TEXT NOT NULL,
	step_id TEXT NOT NULL,
	acked_at INTEGER NOT NULL,
	PRIMARY KEY (rollout_id, user_id, step_id),
	FOREIGN KEY (rollout_id, user_id) REFERENCES rollout_participants(rollout_id, user_id) ON DELETE CASCADE
);

CREATE TABLE rollout_answers (
	rollout_id TEXT NOT NULL,
	user_id TEXT NOT NULL,
	step_id TEXT NOT NULL,
	question_id TEXT NOT NULL,
	choices TEXT NOT NULL,
	is_correct INTEGER NOT NULL CHECK (is_correct IN (0, 1)),
	answered_at INTEGER NOT NULL,
	PRIMARY KEY (rollout_id, user_id, step_id),
	FOREIGN KEY (rollout_id, user_id) REFERENCES rollout_participants(rollout_id, user_id) ON DELETE CASCADE
);

CREATE TABLE rollout_completions (
	publication_id TEXT NOT NULL REFERENCES publications(id),
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	rollout_id TEXT NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
	mode TEXT NOT NULL CHECK (mode IN ('live', 'self')),
	completed_at INTEGER NOT NULL,
	acked INTEGER NOT NULL,
	correct INTEGER NOT NULL,
	questions INTEGER NOT NULL,
	answers TEXT NOT NULL,
	PRIMARY KEY (publication_id, user_id)
);

CREATE TABLE rollout_feedback (
	id TEXT PRIMARY KEY,
	rollout_id TEXT NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
	publication_id TEXT NOT NULL REFERENCES publications(id),
	user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
	kind TEXT NOT NULL CHECK (kind IN ('question', 'suggestion')),
	text TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	collected_at INTEGER
);
CREATE INDEX rollout_feedback_publication ON rollout_feedback(publication_id, created_at);

CREATE TABLE rollout_self_checks (
	publication_id TEXT NOT NULL REFERENCES publications(id),
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	occasion TEXT NOT NULL CHECK (occasion IN ('end', 'followUp')),
	answers TEXT NOT NULL,
	answered_at INTEGER NOT NULL,
	PRIMARY KEY (publication_id, user_id, occasion)
);

CREATE TABLE publication_operation (
	publication_id TEXT PRIMARY KEY REFERENCES publications(id),
	workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
	org_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
	rollout_id TEXT REFERENCES rollouts(id) ON DELETE SET NULL,
	since INTEGER NOT NULL,
	retired_at INTEGER
);
CREATE UNIQUE INDEX publication_operation_one_current
	ON publication_operation(workshop_id) WHERE retired_at IS NULL;

CREATE TABLE rollout_join_failures (
	key TEXT NOT NULL,
	failed_at INTEGER NOT NULL
);
CREATE INDEX rollout_join_failures_key ON rollout_join_failures(key, failed_at);
`
};
