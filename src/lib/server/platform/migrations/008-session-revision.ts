import type { Migration } from './index.ts';

/**
 * A counter that changes whenever a session row is deleted (logout, password change or reset,
 * expiry, a deleted account), whichever process deletes it. The running server reads this one
 * row a few times a second to notice that the CLI, another process, has ended sessions, and
 * re-checks its open sockets and streams only when the number moved (session-watch.ts).
 */
export const m008SessionRevision: Migration = {
	version: 8,
	name: 'session-revision',
	sql: `
CREATE TABLE session_revision (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	revision INTEGER NOT NULL
);
INSERT INTO session_revision (id, revision) VALUES (1, 0);
CREATE TRIGGER sessions_deleted_revision AFTER DELETE ON sessions
BEGIN
	UPDATE session_revision SET revision = revision + 1 WHERE id = 1;
END;
`
};
