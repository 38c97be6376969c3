/**
 * Server-side sessions. The cookie holds a random token; the database holds only its hash.
 * Sessions expire after an idle period and after an absolute lifetime, and can be revoked.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
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

type SessionRow = { user_id: string; created_at: number; last_seen_at: number };

/**
 * Prepared statements kept per database handle: these run on every request and before every
 * stored edit, and preparing costs about ten times what running them does.
 */
const statements = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

function statement(sql: string): StatementSync {
	const db = getDb();
	let byDb = statements.get(db);
	if (!byDb) {
		byDb = new Map<string, StatementSync>();
		statements.set(db, byDb);
	}
	let prepared = byDb.get(sql);
	if (!prepared) byDb.set(sql, (prepared = db.prepare(sql)));
	return prepared;
}

/** A live session as the database holds it. */
export type LiveSession = { userId: string; lastSeenAt: number; expiresAt: number };

/**
 * When a session with these times expires: after its idle period since it was last used, or at
 * its absolute lifetime, whichever comes first. It is expired once `now` is past this instant.
 */
function expiresAt(row: SessionRow, lifetimes: SessionLifetimes): number {
	return Math.min(
		row.last_seen_at + lifetimes.idleSeconds * 1000,
		row.created_at + lifetimes.absoluteSeconds * 1000
	);
}

/**
 * Reads a session by its token hash without touching it: null when unknown or expired (an
 * expired row is deleted on sight, which also tells the session watch).
 */
export function readLiveSession(tokenHash: string, now = Date.now()): LiveSession | null {
	const row = statement(
		'SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?'
	).get(tokenHash) as SessionRow | undefined;
	if (!row) return null;
	const expires = expiresAt(row, sessionLifetimes());
	if (now > expires) {
		statement('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
		return null;
	}
	return { userId: row.user_id, lastSeenAt: row.last_seen_at, expiresAt: expires };
}

/**
 * Records use of a session (its idle period starts again), at most every SESSION_TOUCH_SECONDS,
 * so reads do not turn into writes on every request, but at least twice per idle period: with a
 * very short idle lifetime (tests, strict deployments) an active session must not expire.
 * Answers the `last_seen_at` the session now has.
 */
export function touchSession(tokenHash: string, lastSeenAt: number, now = Date.now()): number {
	const touchMs = Math.min(SESSION_TOUCH_SECONDS, sessionLifetimes().idleSeconds / 2) * 1000;
	if (now - lastSeenAt <= touchMs) return lastSeenAt;
	statement('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, tokenHash);
	return now;
}

/**
 * Returns the user id of a live session and refreshes its idle timer, or null when the token is
 * unknown, idle too long or past its absolute lifetime (expired rows are deleted on sight).
 */
export function validateSession(token: string | undefined, now = Date.now()): string | null {
	if (!token) return null;
	const tokenHash = hashToken(token);
	const session = readLiveSession(tokenHash, now);
	if (!session) return null;
	touchSession(tokenHash, session.lastSeenAt, now);
	return session.userId;
}

/**
 * A number that changes whenever any session row is deleted, by this process or another (the
 * CLI): a trigger counts the deletions (migration 008). One read of one row.
 */
export function sessionsRevision(): number {
	const row = statement('SELECT revision FROM session_revision WHERE id = 1').get() as
		{ revision: number } | undefined;
	return row?.revision ?? 0;
}

/**
 * Ends one session (logout). Announced as an access change of its user, so the session watch
 * ends the session's sockets and event streams at once (session-watch.ts).
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
