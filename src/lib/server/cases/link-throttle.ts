/**
 * The throttle against guessing link tokens: at most `MAX_PER_ADDRESS` unknown tokens per address
 * in a sliding window. A token has 256 bits, so this is about noise and load more than odds; the
 * check and the count are synchronous statements, so tries sent together are counted in turn.
 */
import { getDb } from '../platform/db.ts';
import { RateLimitedError } from '#lib/domain/errors.ts';

const WINDOW_MS = 10 * 60 * 1000;
const MAX_PER_ADDRESS = 20;

/** @throws RateLimitedError while the address has used up its unknown tokens. */
export function checkLinkThrottle(address: string, now = Date.now()): void {
	const db = getDb();
	db.prepare('DELETE FROM case_link_failures WHERE failed_at <= ?').run(now - WINDOW_MS);
	const rows = db
		.prepare(
			'SELECT failed_at FROM case_link_failures WHERE key = ? ORDER BY failed_at DESC LIMIT ?'
		)
		.all(`addr:${address}`, MAX_PER_ADDRESS) as { failed_at: number }[];
	if (rows.length >= MAX_PER_ADDRESS) {
		const retryMs = rows[MAX_PER_ADDRESS - 1].failed_at + WINDOW_MS - now;
		throw new RateLimitedError(Math.max(1, Math.ceil(retryMs / 1000)), 'cases.link.throttled');
	}
}

/** Counts one unknown token against the address. */
export function recordLinkFailure(address: string, now = Date.now()): void {
	getDb()
		.prepare('INSERT INTO case_link_failures (key, failed_at) VALUES (?, ?)')
		.run(`addr:${address}`, now);
}
