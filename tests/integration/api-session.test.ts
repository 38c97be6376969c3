/**
 * Logging in and out through the JSON API against the real server: the cookie, /me, 401 without
 * a session, revocation by logout and by a password change, throttling without user enumeration,
 * and the error shape for bad requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { apiErrorSchema, meSchema, userSchema } from '#lib/domain/api-schemas.ts';
import { MAX_JSON_BODY_BYTES } from '#lib/domain/limits.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

function login(description: string, index = 0): { email: string; password: string } {
	return server.logins[description][index];
}

async function loggedIn(description: string, index = 0): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	const { email, password } = login(description, index);
	const response = await client.login(email, password);
	expect(response.status).toBe(200);
	return client;
}

/** The error body, checked against the documented shape. */
function errorOf(response: { body: unknown }): ErrorBody['error'] {
	return apiErrorSchema.parse(response.body).error;
}

describe('POST /api/v1/session', () => {
	it('logs in, sets an HttpOnly SameSite=Lax cookie and answers the user', async () => {
		const client = new ApiClient(server.url);
		const { email, password } = login('facilitator');
		const response = await client.login(email.toUpperCase(), password);
		expect(response.status).toBe(200);
		expect(userSchema.parse(response.body)).toMatchObject({ email, name: 'Frida Facilitator' });
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('formvaerk_session='));
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//);
		// Plain http without FORMVAERK_ORIGIN: a Secure cookie would never be sent back.
		expect(cookie).not.toMatch(/Secure/i);
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('issues a new session id at every login', async () => {
		const a = await loggedIn('facilitator');
		const b = await loggedIn('facilitator');
		expect(a.cookieHeader).not.toBe('');
		expect(a.cookieHeader).not.toBe(b.cookieHeader);
	});

	it('answers an unknown email and a wrong password identically', async () => {
		const client = new ApiClient(server.url);
		const unknown = await client.login('findes-ikke@demo.formvaerk.dk', 'forkert-kode');
		const wrong = await client.login(login('arbejdsgruppe', 1).email, 'forkert-kode');
		expect(unknown.status).toBe(401);
		expect(wrong.status).toBe(401);
		expect(unknown.body).toEqual(wrong.body);
		expect(errorOf(wrong)).toEqual({
			code: 'invalid_credentials',
			message: 'E-mail eller adgangskode er forkert.'
		});
	});

	it('names missing fields without counting a failed login', async () => {
		const response = await new ApiClient(server.url).request('POST', '/api/v1/session', {});
		expect(response.status).toBe(400);
		expect(errorOf(response)).toEqual({
			code: 'invalid',
			message: 'Ret de markerede felter.',
			fields: { email: 'Udfyld feltet.', password: 'Udfyld feltet.' }
		});
	});
});

describe('GET /api/v1/me', () => {
	it('answers the user with organisations and workshop roles', async () => {
		const client = await loggedIn('facilitator');
		const response = await client.request('GET', '/api/v1/me');
		expect(response.status).toBe(200);
		const me = meSchema.parse(response.body);
		expect(me.email).toBe(login('facilitator').email);
		expect(me.orgs.map(({ name, role }) => ({ name, role }))).toEqual([
			{ name: 'Demo Kommune', role: 'facilitator' }
		]);
		expect(Object.values(me.workshopRoles)).toEqual(['facilitator']);
	});

	it('answers 401 in Danish without a session, and for a made-up cookie', async () => {
		const anonymous = new ApiClient(server.url);
		for (const [method, path] of [
			['GET', '/api/v1/me'],
			['GET', '/api/v1/workshops'],
			['POST', '/api/v1/workshops'],
			['GET', '/api/v1/workshops/abcdefgh12345678'],
			['POST', '/api/v1/invitations/abcdefgh/accept']
		]) {
			const response = await anonymous.request(method, path);
			expect(response.status, `${method} ${path}`).toBe(401);
			expect(errorOf(response).code).toBe('unauthenticated');
			expect(errorOf(response).message).toMatch(/ikke logget ind/);
		}
		const forged = await anonymous.request('GET', '/api/v1/me', undefined, {
			cookie: 'formvaerk_session=forged-token'
		});
		expect(forged.status).toBe(401);
	});
});

describe('DELETE /api/v1/session', () => {
	it('revokes the session on the server, not only the cookie', async () => {
		const client = await loggedIn('facilitator');
		const stolenCopy = client.clone();
		const response = await client.request('DELETE', '/api/v1/session');
		expect(response.status).toBe(204);
		expect(response.headers.getSetCookie().join()).toMatch(/formvaerk_session=;/);
		// A shared laptop keeps no workshop content: the browser drops its offline cache.
		expect(response.headers.get('clear-site-data')).toBe('"cache", "storage"');
		expect((await client.request('GET', '/api/v1/me')).status).toBe(401);
		expect((await stolenCopy.request('GET', '/api/v1/me')).status).toBe(401);
	});

	it('is safe to repeat without a session', async () => {
		const response = await new ApiClient(server.url).request('DELETE', '/api/v1/session');
		expect(response.status).toBe(204);
	});
});

describe('POST /api/v1/me/password', () => {
	it('logs out the other sessions, keeps this one, and replaces the password', async () => {
		const { email, password } = login('arbejdsgruppe');
		const here = await loggedIn('arbejdsgruppe');
		const elsewhere = await loggedIn('arbejdsgruppe');
		const newPassword = 'en-helt-ny-kode-2026';

		const wrongCurrent = await here.request('POST', '/api/v1/me/password', {
			currentPassword: 'ikke-den-rigtige',
			newPassword,
			confirmPassword: newPassword
		});
		expect(wrongCurrent.status).toBe(400);
		expect(errorOf(wrongCurrent).fields).toEqual({
			currentPassword: 'Den nuværende adgangskode er forkert.'
		});
		const mismatch = await here.request('POST', '/api/v1/me/password', {
			currentPassword: password,
			newPassword,
			confirmPassword: 'noget-helt-andet'
		});
		expect(errorOf(mismatch).fields).toEqual({
			confirmPassword: 'De to adgangskoder er ikke ens.'
		});
		expect((await elsewhere.request('GET', '/api/v1/me')).status).toBe(200);

		const changed = await here.request('POST', '/api/v1/me/password', {
			currentPassword: password,
			newPassword,
			confirmPassword: newPassword
		});
		expect(changed.status).toBe(204);
		expect((await here.request('GET', '/api/v1/me')).status).toBe(200);
		expect((await elsewhere.request('GET', '/api/v1/me')).status).toBe(401);
		expect((await new ApiClient(server.url).login(email, password)).status).toBe(401);
		expect((await new ApiClient(server.url).login(email, newPassword)).status).toBe(200);
	});
});

describe('bad requests', () => {
	it('answers JSON that does not parse with 400 invalid_json', async () => {
		const client = await loggedIn('facilitator');
		const response = await client.request('POST', '/api/v1/workshops', '{"title": "Forløb"');
		expect(response.status).toBe(400);
		expect(errorOf(response)).toEqual({
			code: 'invalid_json',
			message: 'Data skal sendes som gyldig JSON.'
		});
		const array = await client.request('POST', '/api/v1/workshops', '[1, 2]');
		expect(errorOf(array).code).toBe('invalid_json');
	});

	it('answers a body that is not declared as JSON with 400 invalid_json', async () => {
		const client = await loggedIn('facilitator');
		const xml = await client.request('POST', '/api/v1/workshops', '<title/>', {
			'content-type': 'application/xml'
		});
		expect(xml.status).toBe(400);
		expect(errorOf(xml).code).toBe('invalid_json');
		// text/plain is a form content type: only a same-origin page can send it at all.
		const text = await client.request('POST', '/api/v1/workshops', '{"title":"x"}', {
			'content-type': 'text/plain',
			origin: server.url
		});
		expect(text.status).toBe(400);
		expect(errorOf(text).code).toBe('invalid_json');
	});

	it('refuses bodies over MAX_JSON_BODY_BYTES with 413 and changes nothing', async () => {
		const client = await loggedIn('facilitator');
		const before = (await client.request<unknown[]>('GET', '/api/v1/workshops')).body.length;
		const huge = JSON.stringify({ title: 'x', padding: 'y'.repeat(MAX_JSON_BODY_BYTES) });
		const response = await client.request('POST', '/api/v1/workshops', huge);
		expect(response.status).toBe(413);
		expect(errorOf(response).code).toBe('payload_too_large');
		expect((await client.request<unknown[]>('GET', '/api/v1/workshops')).body.length).toBe(before);
	});

	it('refuses state-changing requests from another origin', async () => {
		const client = await loggedIn('facilitator');
		const response = await client.request(
			'POST',
			'/api/v1/workshops',
			{ title: 'Ondt' },
			{
				origin: 'http://evil.example'
			}
		);
		expect(response.status).toBe(403);
		expect(errorOf(response).code).toBe('cross_origin');
	});

	it('answers unknown paths and methods in the error shape', async () => {
		const client = await loggedIn('facilitator');
		const unknown = await client.request('GET', '/api/v1/findes/ikke');
		expect(unknown.status).toBe(404);
		expect(errorOf(unknown).code).toBe('not_found');
		const method = await client.request('PUT', '/api/v1/workshops', {});
		expect(method.status).toBe(405);
		expect(errorOf(method).code).toBe('method_not_allowed');
	});
});

describe('throttling', () => {
	it('locks an account after five wrong passwords, even for the right one, with Retry-After', async () => {
		const { email, password } = login('medarbejder');
		const client = new ApiClient(server.url);
		for (let i = 0; i < 5; i++) {
			expect((await client.login(email, `forkert-${i}`)).status).toBe(401);
		}
		const locked = await client.login(email, password);
		expect(locked.status).toBe(429);
		expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(errorOf(locked).code).toBe('rate_limited');
		expect(errorOf(locked).message).toMatch(/^For mange forsøg\. Prøv igen om \d+ minut/);
		expect(locked.headers.getSetCookie()).toEqual([]);
	});

	it('throttles an unknown email the same way, so the lock reveals nothing', async () => {
		const client = new ApiClient(server.url);
		const email = 'ukendt-person@demo.formvaerk.dk';
		for (let i = 0; i < 5; i++) {
			expect((await client.login(email, `forkert-${i}`)).status).toBe(401);
		}
		const locked = await client.login(email, 'forkert-igen');
		expect(locked.status).toBe(429);
		expect(errorOf(locked).code).toBe('rate_limited');
	});
});
