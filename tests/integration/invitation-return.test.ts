/**
 * Back to where the person started: `/login?next=…` remembers a path on this site in a cookie,
 * and an account made from an invitation (whose e-mail link knows nothing of it) leads there
 * instead of into the workshop, as for a new colleague who opened a Dag 3 join link logged out.
 * Only paths the safe return-path rule accepts are remembered or followed; a login that arrives
 * forgets the path, unless it leads to an invitation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';

const COOKIE = 'formvaerk_return';
let server: TestServer;
let facilitator: ApiClient;
let workshopId: string;
let invited = 0;

beforeAll(async () => {
	server = await startServer();
	facilitator = new ApiClient(server.url);
	const { email, password } = server.logins.facilitator[0];
	expect((await facilitator.login(email, password)).status).toBe(200);
	const workshops = await facilitator.request<{ id: string }[]>('GET', '/api/v1/workshops');
	workshopId = workshops.body[0].id;
});
afterAll(async () => {
	await server?.stop();
});

/** A new staff invitation's path (`/invitations/<token>`). */
async function invitationPath(): Promise<string> {
	const created = await facilitator.request<{ url: string }>(
		'POST',
		`/api/v1/workshops/${workshopId}/invitations`,
		{ email: `ny.${++invited}.${Date.now()}@kommune.example`, role: 'staff' }
	);
	expect(created.status).toBe(201);
	return new URL(created.body.url).pathname;
}

/** A form POST as a browser without JavaScript sends it, with `cookie` if given. */
function postForm(path: string, fields: Record<string, string>, cookie = '') {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url,
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual'
	});
}

/** The `formvaerk_return` Set-Cookie of `response` (name=value; attributes), if any. */
function returnCookie(response: Response): string | undefined {
	return response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
}

const HINT = 'Opret den fra invitationen i din e-mail';

/**
 * Opens the login page logged out with `next`: the cookie it sets, as a request header, and
 * whether the page points to the invitation (it does exactly when it remembered the path).
 */
async function openLogin(next: string): Promise<string | undefined> {
	const response = await fetch(`${server.url}/login?next=${encodeURIComponent(next)}`, {
		redirect: 'manual'
	});
	expect(response.status).toBe(200);
	const cookie = returnCookie(response)?.split(';')[0];
	expect((await response.text()).includes(HINT)).toBe(cookie !== undefined);
	return cookie;
}

function register(invitation: string, cookie = '') {
	return postForm(
		`${invitation}?/register`,
		{ name: 'Nina Nyansat', password: 'et-langt-kodeord-1' },
		cookie
	);
}

describe('registering from an invitation', () => {
	it('leads back to the join link the person opened logged out, once', async () => {
		const cookie = await openLogin('/join?code=ABCD23');
		expect(cookie).toBe(`${COOKIE}=${encodeURIComponent('/join?code=ABCD23')}`);
		const response = await register(await invitationPath(), cookie);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/join?code=ABCD23');
		// Taken: the cookie is cleared, so a later invitation leads into its workshop again.
		expect(returnCookie(response)).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
	});

	it('leads into the workshop without a remembered path', async () => {
		const response = await register(await invitationPath());
		expect(response.headers.get('location')).toBe(`/workshops/${workshopId}`);
	});

	it.each([
		'//evil.example',
		'https://evil.example/join',
		'/\\evil.example',
		'/.//evil.example',
		'/invitations/someone-elses'
	])('ignores a forged cookie %s and leads into the workshop', async (value) => {
		const response = await register(
			await invitationPath(),
			`${COOKIE}=${encodeURIComponent(value)}`
		);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/workshops/${workshopId}`);
	});
});

describe('the login page', () => {
	it.each(['//evil.example', 'https://evil.example', '/workshops', '/invitations/abc'])(
		'remembers nothing for next=%s',
		async (next) => {
			expect(await openLogin(next)).toBeUndefined();
		}
	);

	it('forgets the path when the login arrives, keeps it when the login leads to an invitation', async () => {
		const cookie = await openLogin('/join?code=ABCD23');
		const { email, password } = server.logins.medarbejder[0];
		const toInvitation = await postForm(
			`/login?next=${encodeURIComponent('/invitations/abc')}`,
			{ email, password },
			cookie
		);
		expect(toInvitation.headers.get('location')).toBe('/invitations/abc');
		expect(returnCookie(toInvitation)).toBeUndefined();
		const elsewhere = await postForm(
			`/login?next=${encodeURIComponent('/join?code=ABCD23')}`,
			{ email, password },
			cookie
		);
		expect(elsewhere.headers.get('location')).toBe('/join?code=ABCD23');
		expect(returnCookie(elsewhere)).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
	});
});
