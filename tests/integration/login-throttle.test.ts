/**
 * Login throttling under load, against the real server: fifty attempts sent at the same moment
 * get at most five password checks (every attempt is counted before its password is hashed), an
 * unknown email is throttled exactly like a known one, and a successful login into one's own
 * account does not wipe the failures counted for the address. Each part has its own server,
 * because all requests of a test come from one address (127.0.0.1) and share its counter.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient, type ApiResponse } from '../support/http.ts';
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';
import { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADDRESS } from '#lib/domain/limits.ts';

/**
 * Thirty-odd scrypt hashes per test (about 3 s of CPU on a quiet machine) take several times longer
 * while the rest of the suite runs on the same two cores: a full run measured 31 s for one test.
 */
const TEST_TIMEOUT_MS = 90_000;

let server: TestServer;
// A server per test (started in a hook, whose own budget covers the first start's hashing).
beforeEach(async () => {
	server = await startServer();
});
afterEach(async () => {
	await server?.stop();
});

function attempt(email: string, password: string): Promise<ApiResponse> {
	return new ApiClient(server.url).login(email, password);
}

/** Sends every attempt at once and counts the answers by kind. */
async function burst(attempts: { email: string; password: string }[]) {
	const responses = await Promise.all(attempts.map((a) => attempt(a.email, a.password)));
	const codes = responses.map((r) =>
		r.status === 200 ? 'ok' : apiErrorSchema.parse(r.body).error.code
	);
	const count = (code: string) => codes.filter((c) => c === code).length;
	return {
		responses,
		ok: count('ok'),
		wrong: count('invalid_credentials'),
		locked: count('rate_limited'),
		statuses: responses.map((r) => r.status)
	};
}

const wrong = (email: string, n: number) =>
	Array.from({ length: n }, (_, i) => ({ email, password: `forkert-gaet-${i}` }));

describe('parallel attempts', () => {
	it(
		'checks at most the limit of fifty wrong passwords sent at once, then refuses the right one',
		async () => {
			const { email, password } = server.logins.medarbejder[0];
			const result = await burst(wrong(email, 50));
			expect(result.wrong).toBeGreaterThan(0);
			expect(result.wrong).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
			expect(result.locked).toBe(50 - result.wrong);
			for (const response of result.responses.filter((r) => r.status === 429)) {
				expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
			}
			const right = await attempt(email, password);
			expect(right.status).toBe(429);
			expect(right.headers.getSetCookie()).toEqual([]);

			// With the right password in the burst: still at most five checks in all.
			const other = server.logins.arbejdsgruppe[0];
			const mixed = await burst([
				...wrong(other.email, 49),
				{ email: other.email, password: other.password }
			]);
			expect(mixed.ok + mixed.wrong).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
			expect(mixed.locked).toBe(50 - mixed.ok - mixed.wrong);

			// An unknown email: the same answers, the same limit.
			const unknown = await burst(wrong('findes-ikke@demo.formvaerk.dk', 50));
			expect(unknown.wrong).toBeGreaterThan(0);
			expect(unknown.wrong).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
			expect(unknown.locked).toBe(50 - unknown.wrong);
			const refusedKnown = result.responses.find((r) => r.status === 401)!.body;
			const refusedUnknown = unknown.responses.find((r) => r.status === 401)!.body;
			expect(refusedUnknown).toEqual(refusedKnown);
			const lockedKnown = result.responses.find((r) => r.status === 429)!.body;
			const lockedUnknown = unknown.responses.find((r) => r.status === 429)!.body;
			expect(lockedUnknown).toEqual(lockedKnown);
		},
		TEST_TIMEOUT_MS
	);
});

describe('the address counter', () => {
	it(
		'is not reset by a successful login into one’s own account',
		async () => {
			const { email, password } = server.logins.facilitator[0];
			// One wrong password each on many accounts: under every account's limit, not the address's.
			const guess = (i: number) => attempt(`gaet-${i}@kommune.example`, 'forkert-kode');
			const first = await Promise.all(
				Array.from({ length: LOGIN_MAX_FAILURES_PER_ADDRESS - 1 }, (_, i) => guess(i))
			);
			expect(first.map((r) => r.status)).toEqual(first.map(() => 401));
			expect((await attempt(email, password)).status).toBe(200);
			// The next failure is the address's thirtieth: it is checked and locks the address.
			expect((await guess(100)).status).toBe(401);
			const after: number[] = [];
			for (let i = 101; i < 101 + LOGIN_MAX_FAILURES_PER_ADDRESS - 2; i++) {
				after.push((await guess(i)).status);
			}
			expect(after.every((status) => status === 429)).toBe(true);
			expect((await attempt(email, password)).status).toBe(429);
		},
		TEST_TIMEOUT_MS
	);
});
