/**
 * The client address behind reverse proxies (FORMVAERK_PROXY_HOPS), against the real server and
 * its login throttle. Without the variable, X-Forwarded-For is ignored: a client that sends a new
 * value with every guess still shares one counter (its socket's address). With one proxy hop, the
 * address is the entry the proxy appended (the rightmost), so colleagues behind the same proxy are
 * told apart and a value a client put further left changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient, type ApiResponse } from '../support/http.ts';
import { LOGIN_MAX_FAILURES_PER_ADDRESS } from '#lib/domain/limits.ts';

/** Thirty-odd password hashes per test take several times longer while the suite runs. */
const TEST_TIMEOUT_MS = 120_000;

let server: TestServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

function login(email: string, password: string, forwardedFor: string): Promise<ApiResponse> {
	return new ApiClient(server!.url).request(
		'POST',
		'/api/v1/session',
		{ email, password },
		{ 'x-forwarded-for': forwardedFor }
	);
}

/** Uses up the address's failures, one unknown email each (so no account's own limit is hit). */
async function exhaust(forwardedFor: (i: number) => string): Promise<void> {
	for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ADDRESS; i++) {
		const response = await login(`gaet-${i}@eksempel.dk`, 'forkert-kodeord', forwardedFor(i));
		expect(response.status).toBe(401);
	}
}

describe('the client address of the login throttle', () => {
	it(
		'ignores X-Forwarded-For when no proxy is configured',
		async () => {
			server = await startServer();
			await exhaust((i) => `198.51.100.${i + 1}`);
			const { email, password } = server.logins.facilitator[0];
			expect((await login(email, password, '198.51.100.200')).status).toBe(429);
		},
		TEST_TIMEOUT_MS
	);

	it(
		'with one proxy hop, counts per address the proxy appended',
		async () => {
			server = await startServer({ env: { FORMVAERK_PROXY_HOPS: '1' } });
			// The client forges an entry on the left; the proxy appends the real address.
			await exhaust((i) => `10.0.0.${i + 1}, 203.0.113.7`);
			const { email, password } = server.logins.facilitator[0];
			expect((await login(email, password, '203.0.113.7')).status).toBe(429);
			expect((await login(email, password, '203.0.113.8')).status).toBe(200);
		},
		TEST_TIMEOUT_MS
	);
});
