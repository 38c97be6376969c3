/**
 * The throttle against guessing join codes: at most `MAX_PER_PERSON` wrong codes per person and
 * `MAX_PER_ADDRESS` per address in a sliding window. Both the check and the count are synchronous
 * SQLite statements with no `await` between a request's check and its count, so requests that
 * arrive together are counted one after another and fifty guesses sent at once get at most five
 * tries. A right code never resets the count.
 */
import { getDb } from '../platform/db.ts';
import { RateLimitedError } from '#lib/domain/errors.ts';

const WINDOW_MS = 10 * 60 * 1000;
const MAX_PER_PERSON = 5;
const MAX_PER_ADDRESS = 20;

function keys(userId: string, address: string): [string, number][] {
	return [
		[`user:${userId}`, MAX_PER_PERSON],
		[`addr:${address}`, MAX_PER_ADDRESS]
	];
}

/** @throws RateLimitedError while the person or the address has used up its wrong codes. */
export function checkJoinThrottle(userId: string, address: string, now = Date.now()): void {
	const db = getDb();
	db.prepare('DELETE FROM rollout_join_failures WHERE failed_at <= ?').run(now - WINDOW_MS);
	for (const [key, max] of keys(userId, address)) {
		const rows = db
			.prepare(
				'SELECT failed_at FROM rollout_join_failures WHERE key = ? ORDER BY failed_at DESC LIMIT ?'
			)
			.all(key, max) as { failed_at: number }[];
		if (rows.length >= max) {
			const retryMs = rows[max - 1].failed_at + WINDOW_MS - now;
			throw new RateLimitedError(Math.max(1, Math.ceil(retryMs / 1000)), 'rollout.join.throttled');
		}
	}
}

/** Counts one wrong code against the person and the address. */
export function recordJoinFailure(userId: string, address: string, now = Date.now()): void {
	const insert = getDb().prepare(
		'INSERT INTO rollout_join_failures (key, failed_at) VALUES (?, ?)'
	);
	for (const [key] of keys(userId, address)) insert.run(key, now);
}
