/**
 * The JSON API answers in its error shape even for requests that break HTTP-level expectations,
 * sent raw with node:http against the real server: a path that is not valid percent-encoding,
 * and a chunked body (no Content-Length) over the 64 KiB limit, which must get a 413 instead of
 * a connection reset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { rawRequest, type RawResponse } from '../support/raw-http.ts';
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';
import { MAX_JSON_BODY_BYTES } from '#lib/domain/limits.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

/** The API error of a raw response, checked against the documented shape. */
function apiErrorOf(response: RawResponse) {
	expect(response.headers['content-type']).toMatch(/^application\/json/);
	return apiErrorSchema.parse(JSON.parse(response.body)).error;
}

describe('a path that is not valid percent-encoding', () => {
	it.each([
		'/api/v1/workshops/%ff%fe',
		'/api/v1/%ff',
		'/api/v1/workshops/%e0%a4%a',
		'/api/v1/workshops/abc/documents/%c3%28'
	])('%s answers 400 in the API error shape, not the HTML error page', async (path) => {
		const response = await rawRequest(server.url, { path, headers: { accept: '*/*' } });
		expect(response.status).toBe(400);
		expect(apiErrorOf(response)).toEqual({
			code: 'bad_request',
			message: da.api.error.bad_request
		});
		expect(response.headers['x-request-id']).toBeTruthy();
	});

	it('still gives pages outside the API the HTML error page', async () => {
		const response = await rawRequest(server.url, {
			path: '/workshops/%ff%fe',
			headers: { accept: 'text/html' }
		});
		expect(response.status).toBe(400);
		expect(response.headers['content-type']).toMatch(/^text\/html/);
	});
});

describe('a chunked JSON body over the limit', () => {
	/** `size` bytes of a JSON object, written in 16 KiB pieces without a Content-Length. */
	function chunkedBody(size: number): string[] {
		const piece = 'a'.repeat(16 * 1024);
		const pieces = ['{"email":"'];
		for (let sent = 0; sent < size; sent += piece.length) pieces.push(piece);
		pieces.push('"}');
		return pieces;
	}

	it.each([
		['just over 64 KiB', MAX_JSON_BODY_BYTES + 16 * 1024],
		['over the adapter’s own 512 KiB limit too', 640 * 1024]
	])('%s answers 413 in the API error shape, without resetting the connection', async (_, size) => {
		const response = await rawRequest(server.url, {
			method: 'POST',
			path: '/api/v1/session',
			headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
			body: chunkedBody(size)
		});
		expect(response.status).toBe(413);
		expect(apiErrorOf(response)).toEqual({
			code: 'payload_too_large',
			message: da.api.error.payload_too_large
		});
	});

	it('leaves a body under the limit alone', async () => {
		const response = await rawRequest(server.url, {
			method: 'POST',
			path: '/api/v1/session',
			headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
			body: ['{"email":"nobody@demo.formvaerk.dk",', '"password":"forkert-kode"}']
		});
		expect(response.status).toBe(401);
		expect(apiErrorOf(response).code).toBe('invalid_credentials');
	});
});
