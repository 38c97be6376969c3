/**
 * The API plumbing on its own: real `Request` objects through `readJson` and `apiRoute`, for the
 * cases the running server cannot be pushed into on purpose (an unexpected exception, a chunked
 * body without Content-Length, invalid UTF-8) and for the error mapping in both languages.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RequestEvent } from '@sveltejs/kit';
import { ConflictError, NotFoundError, RateLimitedError } from '#lib/domain/errors.ts';
import { MAX_JSON_BODY_BYTES } from '#lib/domain/limits.ts';
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';
import type { Locale } from '#lib/domain/schemas.ts';

// The unexpected-error case logs at error level on purpose; keep the test output clean.
process.env.LOG_LEVEL = 'silent';
const { ApiFailure, apiRoute, readJson } = await import('#lib/server/http/api.ts');

const ORIGIN = 'http://formvaerk.test';

/** The parts of a RequestEvent the API plumbing reads. */
function eventFor(request: Request, locale: Locale = 'da'): RequestEvent {
	const locals: App.Locals = {
		user: null,
		sessionToken: undefined,
		locale,
		requestId: 'req-42',
		audit: { reads: [], changed: false },
		runEventsAtStart: 0
	};
	// A partial event: apiRoute only touches request, url and locals.
	return { request, url: new URL(request.url), locals } as unknown as RequestEvent;
}

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
	return new Request(`${ORIGIN}/api/v1/x`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
		// Needed for a ReadableStream body in Node's fetch implementation.
		duplex: 'half'
	} as RequestInit);
}

async function run(
	handler: (event: RequestEvent) => Response | Promise<Response>,
	event: RequestEvent
) {
	const response = await apiRoute(handler)(event);
	const text = await response.text();
	return { response, text, error: apiErrorSchema.parse(JSON.parse(text)).error };
}

const schema = z.object({ title: z.string({ error: 'field.required' }) });
const echo = async ({ request }: RequestEvent) => Response.json(await readJson(request, schema));

describe('apiRoute', () => {
	it('answers an unexpected error with 500, a request id and no internals', async () => {
		const { response, text, error } = await run(
			() => {
				throw new Error('SELECT secret FROM users near line 12');
			},
			eventFor(post('{}'))
		);
		expect(response.status).toBe(500);
		expect(error).toEqual({
			code: 'unexpected',
			message: 'Noget gik galt hos os. Prøv igen om lidt.',
			requestId: 'req-42'
		});
		expect(text).not.toMatch(/secret|SELECT|at .*\.ts/);
	});

	it('maps domain errors to status, code and a translated message', async () => {
		const notFound = await run(
			() => {
				throw new NotFoundError('workshop');
			},
			eventFor(post('{}'))
		);
		expect(notFound.response.status).toBe(404);
		expect(notFound.error.code).toBe('not_found');

		const conflict = await run(
			() => {
				throw new ConflictError('invitation_revoked', 'invitation.revoked');
			},
			eventFor(post('{}'), 'en')
		);
		expect(conflict.response.status).toBe(409);
		expect(conflict.error).toEqual({
			code: 'invitation_revoked',
			message: 'The invitation has been revoked.'
		});

		const unknownKey = await run(
			() => {
				throw new ConflictError('something_new', 'no.such.key');
			},
			eventFor(post('{}'))
		);
		expect(unknownKey.error.message).toBe('Det kan ikke lade sig gøre lige nu.');
	});

	it('answers throttling with 429 and Retry-After', async () => {
		const { response, error } = await run(
			() => {
				throw new RateLimitedError(125);
			},
			eventFor(post('{}'))
		);
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('125');
		expect(error.message).toBe('For mange forsøg. Prøv igen om 3 minut(ter).');
	});

	it('refuses a state-changing request from another origin before running the handler', async () => {
		let hasRun = false;
		const { response, error } = await run(
			() => {
				hasRun = true;
				return new Response(null, { status: 204 });
			},
			eventFor(post('{}', { origin: 'https://evil.example' }))
		);
		expect(response.status).toBe(403);
		expect(error.code).toBe('cross_origin');
		expect(hasRun).toBe(false);
	});

	it('passes through successful answers, marked as not cacheable', async () => {
		const response = await apiRoute(echo)(eventFor(post('{"title":"Forløb"}', { origin: ORIGIN })));
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({ title: 'Forløb' });
	});

	it('keeps ApiFailure headers and variables', async () => {
		const { response, error } = await run(
			() => {
				throw new ApiFailure(401, 'unauthenticated', 'api.error.unauthenticated', {
					headers: { 'x-test': 'yes' }
				});
			},
			eventFor(post('{}'), 'en')
		);
		expect(response.headers.get('x-test')).toBe('yes');
		expect(error.message).toMatch(/not logged in/);
	});
});

describe('readJson', () => {
	it('translates field messages, with a fallback for messages that are not keys', async () => {
		const { response, error } = await run(echo, eventFor(post('{"title": 5}')));
		expect(response.status).toBe(400);
		expect(error.fields).toEqual({ title: 'Udfyld feltet.' });

		const strict = z.object({ code: z.string().regex(/^\d+$/) });
		const raw = await run(
			async ({ request }) => Response.json(await readJson(request, strict)),
			eventFor(post('{"code":"abc"}'))
		);
		expect(raw.error.fields).toEqual({ code: 'Værdien er ikke gyldig.' });
	});

	it('refuses a body without a JSON content type', async () => {
		const request = new Request(`${ORIGIN}/x`, { method: 'POST', body: '{"title":"x"}' });
		const { error } = await run(echo, eventFor(request));
		expect(error.code).toBe('invalid_json');
	});

	it('answers a chunked body at the limit, and gives up reading an endless one', async () => {
		let sent = 0;
		const chunk = new Uint8Array(16 * 1024).fill(0x20);
		const { promise: cancelled, resolve: onCancel } = Promise.withResolvers<void>();
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				// An endless body: only the limit can end this request.
				sent += chunk.byteLength;
				controller.enqueue(chunk);
			},
			cancel: () => onCancel()
		});
		const { response, error } = await run(echo, eventFor(post(stream)));
		expect(response.status).toBe(413);
		expect(error.code).toBe('payload_too_large');
		// The rest is read and dropped (so the client can read the 413), but not for ever.
		await cancelled;
		expect(sent).toBeLessThan(MAX_JSON_BODY_BYTES + 2 * 1024 * 1024);
	});

	it('refuses invalid UTF-8 and bodies that are not objects', async () => {
		const badBytes = await run(echo, eventFor(post(new Uint8Array([0x7b, 0xff, 0x7d]))));
		expect(badBytes.error.code).toBe('invalid_json');
		for (const body of ['null', '"text"', '[]', '42', '']) {
			const { response, error } = await run(echo, eventFor(post(body)));
			expect(response.status, body).toBe(400);
			expect(error.code, body).toBe('invalid_json');
		}
	});
});
