/**
 * FORMVAERK_ORIGIN against the real server. Request URLs come from the configured origin even
 * when the Host header differs (nginx's default proxy settings pass the upstream address), so
 * logins through the API and the login form, invitation links, the collaboration socket's origin
 * check and the run-event stream all work with it, and a page on the Host's own address counts
 * as another site. The value is used normalised everywhere: `HTTPS://FORMVAERK.EXAMPLE ` gives
 * a Secure cookie, HSTS, and links that start with https://formvaerk.example.
 */
import http from 'node:http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type TestServer } from '../support/server.ts';
import { rawRequest, type RawResponse } from '../support/raw-http.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { apiErrorSchema, createdInvitationSchema } from '#lib/domain/api-schemas.ts';

/** The Host nginx passes by default (`proxy_pass http://formvaerk-upstream:3000`). */
const UPSTREAM_HOST = 'formvaerk-upstream:3000';

function sessionCookie(response: RawResponse): string {
	const cookie = response.headers['set-cookie']?.find((c) => c.startsWith('formvaerk_session='));
	return cookie ?? '';
}

/** Logs the first demo facilitator in through the API, with the given extra headers. */
function apiLogin(server: TestServer, headers: Record<string, string>): Promise<RawResponse> {
	const { email, password } = server.logins.facilitator[0];
	return rawRequest(server.url, {
		method: 'POST',
		path: '/api/v1/session',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify({ email, password })
	});
}

/** Invites someone through the API and answers the link the server wrote. */
async function inviteLink(server: TestServer, headers: Record<string, string>): Promise<string> {
	const { workshopId } = demoDocuments(server);
	const response = await rawRequest(server.url, {
		method: 'POST',
		path: `/api/v1/workshops/${workshopId}/invitations`,
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify({ email: `ny-${Date.now()}@kommune.dk`, role: 'member' })
	});
	expect(response.status).toBe(201);
	return createdInvitationSchema.parse(JSON.parse(response.body)).url;
}

describe('FORMVAERK_ORIGIN=http://127.0.0.1:PORT', () => {
	let server: TestServer;
	let origin: string;
	beforeAll(async () => {
		const port = await freePort();
		origin = `http://127.0.0.1:${port}`;
		server = await startServer({ port, env: { FORMVAERK_ORIGIN: origin } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('logs in through the API with an Origin header', async () => {
		const response = await apiLogin(server, { origin });
		expect(response.status).toBe(200);
		expect(sessionCookie(response)).toMatch(/^formvaerk_session=.+; /);
	});

	it('logs in through the API when the proxy passes another Host', async () => {
		const response = await apiLogin(server, { origin, host: UPSTREAM_HOST });
		expect(response.status).toBe(200);
		expect(sessionCookie(response)).not.toBe('');
	});

	it('logs in through the login form when the proxy passes another Host', async () => {
		const { email, password } = server.logins.facilitator[0];
		const response = await rawRequest(server.url, {
			method: 'POST',
			path: '/login',
			headers: {
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				origin,
				host: UPSTREAM_HOST
			},
			body: new URLSearchParams({ email, password }).toString()
		});
		expect(response.status).toBe(303);
		expect(response.headers.location).toBe('/workshops');
		expect(sessionCookie(response)).not.toBe('');
	});

	it('treats a page on the Host’s own address as another site', async () => {
		const upstreamOrigin = `http://${UPSTREAM_HOST}`;
		const api = await apiLogin(server, { origin: upstreamOrigin, host: UPSTREAM_HOST });
		expect(api.status).toBe(403);
		expect(apiErrorSchema.parse(JSON.parse(api.body)).error.code).toBe('cross_origin');
		const form = await rawRequest(server.url, {
			method: 'POST',
			path: '/login',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: upstreamOrigin,
				host: UPSTREAM_HOST
			},
			body: 'email=a%40b.dk&password=x'
		});
		expect(form.status).toBe(403);
	});

	describe('signed in behind the proxy', () => {
		let cookie = '';
		beforeAll(async () => {
			cookie = sessionCookie(await apiLogin(server, { origin, host: UPSTREAM_HOST }));
			expect(cookie).not.toBe('');
		});

		it('writes invitation links with the configured origin', async () => {
			const url = await inviteLink(server, { origin, host: UPSTREAM_HOST, cookie });
			expect(url).toMatch(new RegExp(`^${origin}/invitations/[A-Za-z0-9_-]+$`));
		});

		/** Opens a collaboration socket; resolves with 101 when it opens, else the refusal. */
		function upgrade(pageOrigin: string): Promise<number> {
			const { template } = demoDocuments(server);
			const url = `ws://127.0.0.1:${server.port}/collab/${template}`;
			const ws = new WebSocket(url, {
				origin: pageOrigin,
				headers: { cookie, host: UPSTREAM_HOST }
			});
			return new Promise((resolve, reject) => {
				ws.on('open', () => {
					ws.close();
					resolve(101);
				});
				ws.on('unexpected-response', (_req, res) => {
					res.resume();
					resolve(res.statusCode ?? 0);
				});
				ws.on('error', reject);
			});
		}

		it('lets the collaboration socket in from the configured origin only', async () => {
			expect(await upgrade(origin)).toBe(101);
			// A page on the upstream address is not where Formværk is served.
			expect(await upgrade(`http://${UPSTREAM_HOST}`)).toBe(403);
			expect(await upgrade('https://evil.example')).toBe(403);
		});

		it('opens the run-event stream', async () => {
			const { workshopId } = demoDocuments(server);
			const { status, type, firstBytes } = await new Promise<{
				status: number;
				type: string | undefined;
				firstBytes: string;
			}>((resolve, reject) => {
				const req = http.get(
					{
						host: '127.0.0.1',
						port: server.port,
						path: `/api/v1/workshops/${workshopId}/run/events`,
						headers: { accept: 'text/event-stream', cookie, host: UPSTREAM_HOST },
						agent: false
					},
					(res) => {
						res.setEncoding('utf8');
						res.once('data', (chunk: string) => {
							resolve({
								status: res.statusCode ?? 0,
								type: res.headers['content-type'],
								firstBytes: chunk
							});
							req.destroy();
						});
					}
				);
				req.on('error', reject);
			});
			expect(status).toBe(200);
			expect(type).toMatch(/^text\/event-stream/);
			expect(firstBytes.length).toBeGreaterThan(0);
		});
	});
});

describe("FORMVAERK_ORIGIN='  HTTPS://FORMVAERK.EXAMPLE  ' (upper case, spaces)", () => {
	const RAW = '  HTTPS://FORMVAERK.EXAMPLE  ';
	const ORIGIN = 'https://formvaerk.example';
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({ env: { FORMVAERK_ORIGIN: RAW } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('logs in with a Secure session cookie', async () => {
		const response = await apiLogin(server, { origin: ORIGIN });
		expect(response.status).toBe(200);
		expect(sessionCookie(response)).toMatch(/; Secure/i);
		expect(sessionCookie(response)).toMatch(/; HttpOnly/i);
	});

	it('writes invitation links that start with the normalised origin', async () => {
		const cookie = sessionCookie(await apiLogin(server, { origin: ORIGIN })).split(';')[0];
		const url = await inviteLink(server, { origin: ORIGIN, cookie });
		expect(url).toMatch(/^https:\/\/formvaerk\.example\/invitations\/[A-Za-z0-9_-]+$/);
	});

	it.each(['/login', '/api/v1/me', '/favicon.svg', '/service-worker.js'])(
		'sends HSTS on %s',
		async (path) => {
			const response = await rawRequest(server.url, { path });
			expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
		}
	);

	it("names the socket's wss origin in the page's connect-src", async () => {
		const response = await rawRequest(server.url, { path: '/login' });
		expect(response.headers['content-security-policy']).toContain(
			`connect-src 'self' wss://formvaerk.example;`
		);
	});

	it('prints the first-start setup link with the normalised origin', async () => {
		const fresh = await startServer({ env: { FORMVAERK_ORIGIN: RAW, FORMVAERK_DEMO: '0' } });
		try {
			expect(fresh.output()).toMatch(/^ {2}https:\/\/formvaerk\.example\/setup\/[\w-]+$/m);
		} finally {
			await fresh.stop();
		}
	});
});
