/**
 * Session expiry against the real server with shortened lifetimes: a session left alone expires
 * after the idle time, one in use stays alive past it, and every session ends at the absolute
 * lifetime however active it is.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';

/**
 * Short enough for a fast test; the absolute lifetime leaves room for the idle check (idle time
 * plus margin after two slow scrypt logins) to happen while the active session is still valid.
 */
const IDLE_SECONDS = 2;
const ABSOLUTE_SECONDS = 6;

let server: TestServer;

beforeAll(async () => {
	server = await startServer({
		env: {
			FORMVAERK_SESSION_IDLE_SECONDS: String(IDLE_SECONDS),
			FORMVAERK_SESSION_ABSOLUTE_SECONDS: String(ABSOLUTE_SECONDS)
		}
	});
});
afterAll(async () => {
	await server?.stop();
});

/** Real time has to pass for a session to expire; there is no state to wait on instead. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('expires idle sessions, keeps active ones until the absolute lifetime', async () => {
	const { email, password } = server.logins.facilitator[0];
	const active = new ApiClient(server.url);
	const idle = new ApiClient(server.url);
	// The active session was created between these two instants (a login takes a while).
	const activeNotBefore = Date.now();
	expect((await active.login(email, password)).status).toBe(200);
	const activeNotAfter = Date.now();
	expect((await idle.login(email, password)).status).toBe(200);
	const idleSince = Date.now();

	// Use `active` every 400 ms until well past the idle time; leave `idle` alone.
	while (Date.now() - idleSince < (IDLE_SECONDS + 0.8) * 1000) {
		expect((await active.request('GET', '/api/v1/me')).status).toBe(200);
		await sleep(400);
	}
	const expired = await idle.request('GET', '/api/v1/me');
	expect(expired.status).toBe(401);
	expect(apiErrorSchema.parse(expired.body).error.code).toBe('unauthenticated');
	expect((await active.request('GET', '/api/v1/me')).status).toBe(200);

	// Still in use, still valid until shortly before the absolute lifetime …
	while (Date.now() - activeNotBefore < (ABSOLUTE_SECONDS - 0.5) * 1000) {
		expect((await active.request('GET', '/api/v1/me')).status).toBe(200);
		await sleep(400);
	}
	// … and gone after it, however active.
	while (Date.now() - activeNotAfter < (ABSOLUTE_SECONDS + 0.3) * 1000) {
		await active.request('GET', '/api/v1/me');
		await sleep(200);
	}
	expect((await active.request('GET', '/api/v1/me')).status).toBe(401);
});
