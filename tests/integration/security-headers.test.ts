/**
 * Security headers on every kind of response of the real server (no FORMVAERK_ORIGIN): pages
 * with SvelteKit's Content-Security-Policy and a fresh nonce, API JSON, API and page errors,
 * static files and the service worker. HSTS only with an https origin (public-origin.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { rawRequest, type RawResponse } from '../support/raw-http.ts';
import { NON_PAGE_CSP } from '#lib/server/http/security-headers.ts';

let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

function expectBaseHeaders(response: RawResponse): void {
	expect(response.headers['x-content-type-options']).toBe('nosniff');
	expect(response.headers['referrer-policy']).toBe('same-origin');
	expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
	// Plain http and no configured origin: nothing to pin.
	expect(response.headers['strict-transport-security']).toBeUndefined();
}

/** The directives of a policy by name. */
function directives(csp: string | string[] | undefined): Map<string, string[]> {
	return new Map(
		String(csp ?? '')
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...values]) => [name, values])
	);
}

describe('pages', () => {
	it('carry the page policy with a fresh nonce for Kit’s inline script', async () => {
		const first = await rawRequest(server.url, { path: '/login' });
		const second = await rawRequest(server.url, { path: '/login' });
		expect(first.status).toBe(200);
		expectBaseHeaders(first);
		const policy = directives(first.headers['content-security-policy']);
		expect(policy.get('default-src')).toEqual(["'self'"]);
		expect(policy.get('connect-src')).toEqual(["'self'"]);
		expect(policy.get('object-src')).toEqual(["'none'"]);
		expect(policy.get('base-uri')).toEqual(["'none'"]);
		expect(policy.get('form-action')).toEqual(["'self'"]);
		expect(policy.get('style-src-elem')).toEqual(["'self'"]);
		expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
		const scripts = policy.get('script-src') ?? [];
		expect(scripts).toContain("'self'");
		expect(scripts.join(' ')).not.toMatch(/unsafe/);
		const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
		expect(nonce).toBeTruthy();
		expect(first.body).toContain(`<script nonce="${nonce}">`);
		expect(second.headers['content-security-policy']).not.toContain(nonce);
	});

	it.each([
		['an unknown page', '/finnes-ikke', 404],
		['a malformed path', '/workshops/%ff', 400],
		['a page that needs a login', '/workshops', 303]
	])('%s carries them too', async (_, path, status) => {
		const response = await rawRequest(server.url, { path, headers: { accept: 'text/html' } });
		expect(response.status).toBe(status);
		expectBaseHeaders(response);
	});
});

describe('everything that is not a page', () => {
	it.each([
		['API JSON', '/api/v1/openapi.json', 200],
		['an API error', '/api/v1/me', 401],
		['an unknown API path', '/api/v1/finnes-ikke', 404],
		['a malformed API path', '/api/v1/workshops/%ff%fe', 400],
		['a static file', '/favicon.svg', 200],
		['the service worker', '/service-worker.js', 200],
		['a missing static file', '/_app/immutable/finnes-ikke.js', 404]
	])('%s carries the base headers and the non-page policy', async (_, path, status) => {
		const response = await rawRequest(server.url, { path });
		expect(response.status).toBe(status);
		expectBaseHeaders(response);
		expect(response.headers['content-security-policy']).toBe(NON_PAGE_CSP);
	});

	it('a built script carries them', async () => {
		const page = await rawRequest(server.url, { path: '/login' });
		const script = /\/_app\/immutable\/[\w/.-]+\.js/.exec(page.body)?.[0];
		expect(script).toBeTruthy();
		const response = await rawRequest(server.url, { path: script! });
		expect(response.status).toBe(200);
		expectBaseHeaders(response);
	});

	it('a form action answered to a script (use:enhance) carries them', async () => {
		const response = await rawRequest(server.url, {
			method: 'POST',
			path: '/login',
			headers: {
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded',
				origin: server.url,
				'x-sveltekit-action': 'true'
			},
			body: 'email=&password='
		});
		expect(response.status).toBe(200);
		expectBaseHeaders(response);
	});
});
