/**
 * Server-side sessions. The cookie holds a random token; the database holds only its hash.
 * Sessions expire after an idle period and after an absolute lifetime, and can be revoked.
 */
import { getDb } from '../platform/db.ts';
import { hashToken, newToken } from '../platform/ids.ts';
import { notifyAccessChanged } from '../platform/access-events.ts';
import {
	SESSION_ABSOLUTE_SECONDS,
	SESSION_IDLE_SECONDS,
	SESSION_TOUCH_SECONDS
} from '#lib/domain/limits.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'formvaerk_session';

export type SessionLifetimes = { idleSeconds: number; absoluteSeconds: number };

/** Lifetimes from the environment (tests shorten them) or the defaults in limits.ts. */
export function sessionLifetimes(): SessionLifetimes {
	const idle = Number(process.env.FORMVAERK_SESSION_IDLE_SECONDS);
	const absolute = Number(process.env.FORMVAERK_SESSION_ABSOLUTE_SECONDS);
	return {
		idleSeconds: Number.isInteger(idle) && idle > 0 ? idle : SESSION_IDLE_SECONDS,
		absoluteSeconds:
			Number.isInteger(absolute) && absolute > 0 ? absolute : SESSION_ABSOLUTE_SECONDS
	};
}

/** Creates a new session for `userId` and returns its token (for the cookie). */
export function createSession(userId: string, now = Date.now()): string {
	const token = newToken();
	getDb()
		.prepare(
			'INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)'
		)
		.run(hashToken(token), userId, now, now);
	return token;
}

/**
 * Returns the user id of a live session and refreshes its idle timer, or null when the token is
 * unknown, idle too long or past its absolute lifetime (expired rows are deleted on sight).
 */
export function validateSession(token: string | undefined, now = Date.now()): string | null {
	if (!token) return null;
	const db = getDb();
	const tokenHash = hashToken(token);
	const row = db
		.prepare('SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?')
		.get(tokenHash) as { user_id: string; created_at: number; last_seen_at: number } | undefined;
	if (!row) return null;
	const { idleSeconds, absoluteSeconds } = sessionLifetimes();
	const isIdle = now - row.last_seen_at > idleSeconds * 1000;
	const isTooOld = now - row.created_at > absoluteSeconds * 1000;
	if (isIdle || isTooOld) {
		db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
		return null;
	}
	// Touch at most every SESSION_TOUCH_SECONDS, but at least twice per idle period: with a very
	// short idle lifetime (tests, strict deployments) an active session must not expire.
	const touchMs = Math.min(SESSION_TOUCH_SECONDS, idleSeconds / 2) * 1000;
	if (now - row.last_seen_at > touchMs) {
		db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, tokenHash);
	}
	return row.user_id;
}

/**
 * Ends one session (logout). Announced as an access change of its user, so open event streams
 * re-check their session at once rather than at their next heartbeat.
 */
export function revokeSession(token: string): void {
	const row = getDb()
		.prepare('DELETE FROM sessions WHERE token_hash = ? RETURNING user_id')
		.get(hashToken(token)) as { user_id: string } | undefined;
	if (row) notifyAccessChanged({ userId: row.user_id });
}

/** Ends every session of a user except, optionally, the one with `keepToken` (announced too). */
export function revokeUserSessions(userId: string, keepToken?: string): void {
	getDb()
		.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash != ?')
		.run(userId, keepToken ? hashToken(keepToken) : '');
	notifyAccessChanged({ userId });
}
