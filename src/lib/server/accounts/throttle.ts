/**
 * Login throttling per account and per client address. Failures are counted in a window; past the
 * limit the key is locked for a period that doubles with each further failure.
 *
 * Hashing a password is asynchronous, so many attempts can be checked at the same time. Each
 * attempt therefore takes a slot before its password is hashed (`reserveAttempt`, one SQLite
 * transaction that checks the lock and counts the attempt as in flight) and settles it afterwards
 * (`settleAttempt`): a slot is given only while the failures counted so far plus the attempts in
 * flight cannot pass the limit, so five parallel guesses at most are ever checked, however many
 * arrive at once. Unknown emails take and settle slots exactly like known ones, so neither the
 * answers nor the throttle reveal which accounts exist.
 */
import { getDb, transaction } from '../platform/db.ts';
import { RateLimitedError } from '#lib/domain/errors.ts';
import {
	LOGIN_FAILURE_WINDOW_SECONDS,
	LOGIN_LOCKOUT_MAX_SECONDS,
	LOGIN_LOCKOUT_SECONDS,
	LOGIN_MAX_FAILURES,
	LOGIN_MAX_FAILURES_PER_ADDRESS
} from '#lib/domain/limits.ts';

/**
 * A login takes well under a second; slots older than this were left by a process that died
 * mid-login and stop counting, so a crash cannot lock anyone out for longer.
 */
const PENDING_STALE_MS = 60_000;

type Row = {
	failures: number;
	first_failure_at: number;
	locked_until: number;
	pending: number;
	pending_since: number;
};

const NO_ATTEMPTS: Row = {
	failures: 0,
	first_failure_at: 0,
	locked_until: 0,
	pending: 0,
	pending_since: 0
};

/** A key's state at `now`: failures outside the window and stale slots no longer count. */
function current(key: string, now: number): Row {
	const row = getDb()
		.prepare(
			`SELECT failures, first_failure_at, locked_until, pending, pending_since
			 FROM login_failures WHERE key = ?`
		)
		.get(key) as Row | undefined;
	if (!row) return { ...NO_ATTEMPTS };
	const isWindowOver = now - row.first_failure_at > LOGIN_FAILURE_WINDOW_SECONDS * 1000;
	const isStale = now - row.pending_since > PENDING_STALE_MS;
	return {
		...row,
		failures: isWindowOver ? 0 : row.failures,
		first_failure_at: isWindowOver ? 0 : row.first_failure_at,
		pending: isStale ? 0 : row.pending
	};
}

function store(key: string, row: Row): void {
	const db = getDb();
	if (row.failures === 0 && row.pending === 0 && row.locked_until === 0) {
		db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
		return;
	}
	db.prepare(
		`INSERT INTO login_failures (key, failures, first_failure_at, locked_until, pending, pending_since)
		 VALUES (?, ?, ?, ?, ?, ?)
		 ON CONFLICT(key) DO UPDATE SET failures = excluded.failures,
		 first_failure_at = excluded.first_failure_at, locked_until = excluded.locked_until,
		 pending = excluded.pending, pending_since = excluded.pending_since`
	).run(key, row.failures, row.first_failure_at, row.locked_until, row.pending, row.pending_since);
}

function limitOf(key: string): number {
	return key.startsWith('address:') ? LOGIN_MAX_FAILURES_PER_ADDRESS : LOGIN_MAX_FAILURES;
}

/** How long a key is locked once it has `failures` failures (0 below the limit). */
function lockoutMs(failures: number, limit: number): number {
	const over = failures - limit;
	if (over < 0) return 0;
	return Math.min(LOGIN_LOCKOUT_SECONDS * 2 ** over, LOGIN_LOCKOUT_MAX_SECONDS) * 1000;
}

/**
 * Attempts that may be in flight at once: as many as failures are left before the limit, and one
 * after a lockout has passed (if it fails, the next lockout is twice as long).
 */
function slots(row: Row, limit: number): number {
	return row.failures < limit ? limit - row.failures : 1;
}

/**
 * Takes an attempt slot for every key, before the password is checked.
 * @throws RateLimitedError when a key is locked, or when the attempts already in flight would
 * lock it if they failed; nothing is counted then.
 */
export function reserveAttempt(keys: string[], now = Date.now()): void {
	transaction(getDb(), () => {
		const rows = keys.map((key) => ({ key, row: current(key, now), limit: limitOf(key) }));
		let waitMs = 0;
		for (const { row, limit } of rows) {
			if (row.locked_until > now) waitMs = Math.max(waitMs, row.locked_until - now);
			else if (row.pending >= slots(row, limit)) {
				// Told to wait as long as the lock these attempts set if they all fail.
				waitMs = Math.max(waitMs, lockoutMs(row.failures + row.pending, limit));
			}
		}
		if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));
		for (const { key, row } of rows) {
			store(key, { ...row, locked_until: 0, pending: row.pending + 1, pending_since: now });
		}
	});
}

/**
 * Settles the slots `reserveAttempt` took. A failure is counted for every key and locks those
 * past their limit. A success forgets the account's failures (its owner knows the password) but
 * not the address's: a person logging into their own account from an address that has been
 * guessing at others must not wipe that count.
 */
export function settleAttempt(keys: string[], isSuccess: boolean, now = Date.now()): void {
	transaction(getDb(), () => {
		for (const key of keys) {
			const row = current(key, now);
			const settled: Row = { ...row, pending: Math.max(0, row.pending - 1) };
			if (!isSuccess) {
				settled.failures = row.failures + 1;
				settled.first_failure_at = row.failures === 0 ? now : row.first_failure_at;
				const lockMs = lockoutMs(settled.failures, limitOf(key));
				settled.locked_until = lockMs > 0 ? now + lockMs : row.locked_until;
			} else if (key.startsWith('account:')) {
				Object.assign(settled, { failures: 0, first_failure_at: 0, locked_until: 0 });
			}
			store(key, settled);
		}
	});
}

/** The throttle keys for one login attempt. */
export function throttleKeys(email: string, address: string): string[] {
	return [`account:${email.toLowerCase()}`, `address:${address}`];
}
