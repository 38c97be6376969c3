/**
 * `/login?next=…` against the real server: the login form's POST and the login page of someone
 * already logged in send people on only to paths on this site; anything else (another site in
 * any disguise, header injection, characters a Location header cannot carry) leads to
 * /workshops, never to a 500 and never to an error page after the cookie was set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

/** Logs in through the login form's POST (as a browser without JavaScript sends it). */
async function postLogin(query: string): Promise<Response> {
	const { email, password } = server.logins.facilitator[0];
	return fetch(`${server.url}/login${query}`, {
		method: 'POST',
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url
		},
		body: new URLSearchParams({ email, password }).toString(),
		redirect: 'manual'
	});
}

function sessionCookie(response: Response): string | undefined {
	return response.headers
		.getSetCookie()
		.find((c) => c.startsWith('formvaerk_session='))
		?.split(';')[0];
}

/** Query strings exactly as they would stand in the address bar. */
const OFF_SITE = [
	'?next=/%5Cevil.example',
	'?next=/%5C/evil.example',
	'?next=/%09/evil.example',
	'?next=/%0A/evil.example',
	'?next=//evil.example',
	'?next=%2F%2Fevil.example',
	'?next=/%2F/evil.example',
	'?next=/.//evil.example',
	'?next=https://evil.example/workshops',
	'?next=https:%2F%2Fevil.example',
	'?next=javascript:alert(1)',
	'?next=/%0D%0ASet-Cookie:%20x=y',
	'?next=evil.example'
];

describe('POST /login?next=…', () => {
	it.each(OFF_SITE)('%s logs in and leads to /workshops', async (query) => {
		const response = await postLogin(query);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/workshops');
		expect(sessionCookie(response)).toBeTruthy();
	});

	it.each([
		['?next=/account', '/account'],
		['?next=%2Fworkshops%3Fx%3D1', '/workshops?x=1'],
		// A character a Location header cannot carry raw is sent percent-encoded.
		['?next=/workshops/%E2%82%AC', '/workshops/%E2%82%AC']
	])('%s leads to the path on this site', async (query, location) => {
		const response = await postLogin(query);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(location);
	});
});

describe('GET /login?next=… when already logged in', () => {
	let cookie = '';
	beforeAll(async () => {
		cookie = sessionCookie(await postLogin('')) ?? '';
		expect(cookie).not.toBe('');
	});

	it.each(OFF_SITE)('%s leads to /workshops', async (query) => {
		const response = await fetch(`${server.url}/login${query}`, {
			headers: { cookie, accept: 'text/html' },
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/workshops');
	});

	it('follows a path on this site', async () => {
		const response = await fetch(`${server.url}/login?next=/account`, {
			headers: { cookie, accept: 'text/html' },
			redirect: 'manual'
		});
		expect(response.headers.get('location')).toBe('/account');
	});
});
