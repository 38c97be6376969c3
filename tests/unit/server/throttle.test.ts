/**
 * The throttle's slot rules on a real database with a chosen clock: slots in flight count against
 * the limit, one attempt is let through after a lockout, slots left by a crash go stale, and a
 * success forgets the account's failures but not the address's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, initDatabase } from '#lib/server/platform/db.ts';
import { reserveAttempt, settleAttempt } from '#lib/server/accounts/throttle.ts';
import { RateLimitedError } from '#lib/domain/errors.ts';
import { LOGIN_LOCKOUT_SECONDS, LOGIN_MAX_FAILURES } from '#lib/domain/limits.ts';

let dataDir: string;
beforeAll(() => {
	closeDatabase();
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'formvaerk-throttle-'));
	initDatabase(dataDir);
});
afterAll(() => {
	closeDatabase();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

function isRefused(keys: string[], now: number): boolean {
	try {
		reserveAttempt(keys, now);
		return false;
	} catch (error) {
		if (error instanceof RateLimitedError) return true;
		throw error;
	}
}

describe('login throttle slots', () => {
	it('gives no more slots than failures are left, and one after the lockout', () => {
		const keys = ['account:a@test.example'];
		const t = 1_000_000;
		for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect(isRefused(keys, t)).toBe(false);
		expect(isRefused(keys, t)).toBe(true);
		for (let i = 0; i < LOGIN_MAX_FAILURES; i++) settleAttempt(keys, false, t + 100);
		expect(isRefused(keys, t + 200)).toBe(true);
		// After the lockout one attempt may run; a second in parallel may not.
		const after = t + 100 + LOGIN_LOCKOUT_SECONDS * 1000 + 1;
		expect(isRefused(keys, after)).toBe(false);
		expect(isRefused(keys, after)).toBe(true);
		settleAttempt(keys, false, after);
		// Its failure doubles the lockout.
		expect(isRefused(keys, after + LOGIN_LOCKOUT_SECONDS * 1000 + 1)).toBe(true);
		expect(isRefused(keys, after + 2 * LOGIN_LOCKOUT_SECONDS * 1000 + 1)).toBe(false);
	});

	it('stops counting slots left by a crash after a minute', () => {
		const keys = ['account:b@test.example'];
		const t = 5_000_000;
		for (let i = 0; i < LOGIN_MAX_FAILURES; i++) reserveAttempt(keys, t);
		expect(isRefused(keys, t + 1000)).toBe(true);
		expect(isRefused(keys, t + 61_000)).toBe(false);
	});

	it('forgets the account’s failures on success, not the address’s', () => {
		const account = 'account:c@test.example';
		const address = 'address:192.0.2.1';
		const t = 9_000_000;
		for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) {
			reserveAttempt([account, address], t);
			settleAttempt([account, address], false, t);
		}
		reserveAttempt([account, address], t);
		settleAttempt([account, address], true, t);
		// The account has all its slots again; the address still has its four failures.
		for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect(isRefused([account], t)).toBe(false);
		expect(isRefused([account], t)).toBe(true);
		for (let i = 0; i < 26; i++) expect(isRefused([address], t)).toBe(false);
		expect(isRefused([address], t)).toBe(true);
	});
});
