/**
 * Login throttling per account and per client address. Failures are counted in a window; past the
 * limit the key is locked for a period that doubles with each further failure. Unknown emails are
 * counted like known ones so the throttle reveals nothing about which accounts exist.
 */
import { getDb } from '../platform/db.ts';
import {
	LOGIN_FAILURE_WINDOW_SECONDS,
	LOGIN_LOCKOUT_MAX_SECONDS,
	LOGIN_LOCKOUT_SECONDS,
	LOGIN_MAX_FAILURES,
	LOGIN_MAX_FAILURES_PER_ADDRESS
} from '#lib/domain/limits.ts';

type Row = { failures: number; first_failure_at: number; locked_until: number };

/** Seconds until `keys` may try again, or 0 when none of them is locked. */
export function lockedForSeconds(keys: string[], now = Date.now()): number {
	const db = getDb();
	let longest = 0;
	for (const key of keys) {
		const row = db.prepare('SELECT locked_until FROM login_failures WHERE key = ?').get(key) as
			Pick<Row, 'locked_until'> | undefined;
		if (row && row.locked_until > now) longest = Math.max(longest, row.locked_until - now);
	}
	return Math.ceil(longest / 1000);
}

/** Records a failed attempt for each key and locks those past the limit. */
export function recordFailure(keys: string[], now = Date.now()): void {
	const db = getDb();
	for (const key of keys) {
		const row = db
			.prepare('SELECT failures, first_failure_at, locked_until FROM login_failures WHERE key = ?')
			.get(key) as Row | undefined;
		const isFresh = !row || now - row.first_failure_at > LOGIN_FAILURE_WINDOW_SECONDS * 1000;
		const failures = isFresh ? 1 : row.failures + 1;
		const firstAt = isFresh ? now : row.first_failure_at;
		const limit = key.startsWith('address:') ? LOGIN_MAX_FAILURES_PER_ADDRESS : LOGIN_MAX_FAILURES;
		const over = failures - limit;
		const lockedUntil =
			over >= 0
				? now + Math.min(LOGIN_LOCKOUT_SECONDS * 2 ** over, LOGIN_LOCKOUT_MAX_SECONDS) * 1000
				: 0;
		db.prepare(
			`INSERT INTO login_failures (key, failures, first_failure_at, locked_until) VALUES (?, ?, ?, ?)
			 ON CONFLICT(key) DO UPDATE SET failures = excluded.failures,
			 first_failure_at = excluded.first_failure_at, locked_until = excluded.locked_until`
		).run(key, failures, firstAt, lockedUntil);
	}
}

/** Forgets failures for `keys` after a successful login. */
export function clearFailures(keys: string[]): void {
	const db = getDb();
	for (const key of keys) db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
}

/** The throttle keys for one login attempt. */
export function throttleKeys(email: string, address: string): string[] {
	return [`account:${email.toLowerCase()}`, `address:${address}`];
}
