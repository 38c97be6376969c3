/**
 * Plumbing shared by the JSON API routes (`src/routes/api/v1`): reading a JSON body against a
 * schema, requiring a session, and turning every failure into `{ error: { code, message,
 * fields? } }` with a translated message. Each route wraps its handler in `apiRoute`.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { isDomainError, RateLimitedError, type FieldErrors } from '#lib/domain/errors.ts';
import { fieldErrors } from '#lib/domain/schemas.ts';
import { MAX_JSON_BODY_BYTES } from '#lib/domain/limits.ts';
import type { ApiErrorBody } from '#lib/domain/api-schemas.ts';
import { translator, type Translate } from '#lib/i18n/translate.ts';
import type { Locale } from '#lib/domain/schemas.ts';
import { log } from '../platform/log.ts';
import { noteDatabaseError } from '../platform/db-health.ts';
import type { SessionUser } from '../accounts/accounts.ts';

type Vars = Record<string, string | number>;

/**
 * A failure the API itself detects (no session, bad JSON, a body too large). `messageKey` is an
 * i18n key, translated into the requester's language when the response is built.
 */
export class ApiFailure extends Error {
	readonly status: number;
	readonly code: string;
	readonly fields: FieldErrors | undefined;
	readonly vars: Vars | undefined;
	readonly headers: Record<string, string> | undefined;
	constructor(
		status: number,
		code: string,
		messageKey: string,
		extra: { fields?: FieldErrors; vars?: Vars; headers?: Record<string, string> } = {}
	) {
		super(messageKey);
		this.status = status;
		this.code = code;
		this.fields = extra.fields;
		this.vars = extra.vars;
		this.headers = extra.headers;
	}
}

/** Looks like an i18n key (`field.required`), not a library's English sentence. */
const MESSAGE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/;

/** The first of `keys` that has a translation, else the generic message. */
function translateFirst(t: Translate, keys: string[], vars?: Vars): string {
	for (const key of keys) {
		if (!MESSAGE_KEY.test(key)) continue;
		const text = t(key, vars);
		if (text !== key) return text;
	}
	return t('api.error.unexpected');
}

function translateFields(t: Translate, fields: FieldErrors): FieldErrors {
	return Object.fromEntries(
		Object.entries(fields).map(([field, key]) => [
			field,
			translateFirst(t, [key, 'api.fieldInvalid'])
		])
	);
}

/** Builds an error response in the API's one error shape. */
export function apiError(
	status: number,
	error: ApiErrorBody['error'],
	headers: Record<string, string> = {}
): Response {
	return json({ error } satisfies ApiErrorBody, {
		status,
		headers: { 'cache-control': 'no-store', ...headers }
	});
}

/** An empty success answer (204), for deletions and commands with nothing to report. */
export function noContent(): Response {
	return new Response(null, { status: 204 });
}

/** The signed-in user of an API request. @throws ApiFailure 401 without a live session. */
export function requireApiUser(locals: App.Locals): SessionUser {
	if (!locals.user) throw new ApiFailure(401, 'unauthenticated', 'api.error.unauthenticated');
	return locals.user;
}

/** Reads the body as text, giving up as soon as it exceeds `limit` bytes (chunked uploads too). */
async function readLimitedText(request: Request, limit: number): Promise<string> {
	const tooLarge = new ApiFailure(413, 'payload_too_large', 'api.error.payload_too_large');
	if (Number(request.headers.get('content-length')) > limit) throw tooLarge;
	if (!request.body) return '';
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			// Cancelling at once would destroy the request, and with it the socket, before the
			// client has read our 413 (it sees a connection reset). Read on and drop the rest.
			void discardRest(reader, MAX_DISCARDED_BYTES);
			throw tooLarge;
		}
		chunks.push(value);
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
	} catch {
		throw new ApiFailure(400, 'invalid_json', 'api.error.invalid_json');
	}
}

/**
 * How much of a too-large body is read and dropped before the connection is given up. In the
 * built server the adapter's BODY_SIZE_LIMIT (512 KiB) ends the stream first and Node discards
 * the rest, as for any body a handler does not read; this bounds it without the adapter too.
 */
const MAX_DISCARDED_BYTES = 1024 * 1024;

/** Reads up to `limit` more bytes of a body without keeping them, then cancels the rest. */
async function discardRest(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	limit: number
): Promise<void> {
	let discarded = 0;
	try {
		while (discarded <= limit) {
			const { done, value } = await reader.read();
			if (done) return;
			discarded += value.byteLength;
		}
		await reader.cancel();
	} catch {
		// The body ended in an error (the adapter's limit, a lost connection): nothing to do, the
		// 413 is already on its way.
	}
}

/**
 * Parses a JSON object body with `schema`.
 * @throws ApiFailure 400 `invalid_json` (wrong content type, unparsable, not an object), 413 when
 * larger than MAX_JSON_BODY_BYTES, 400 `invalid` with `fields` when the schema rejects it.
 */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<z.output<S>> {
	// Requiring application/json also keeps other sites out: a cross-site form cannot send it,
	// and a cross-site fetch that does needs a CORS preflight we never grant.
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) {
		throw new ApiFailure(400, 'invalid_json', 'api.error.content_type');
	}
	const text = await readLimitedText(request, MAX_JSON_BODY_BYTES);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new ApiFailure(400, 'invalid_json', 'api.error.invalid_json');
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new ApiFailure(400, 'invalid_json', 'api.error.not_object');
	}
	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		throw new ApiFailure(400, 'invalid', 'api.error.invalid', {
			fields: fieldErrors(parsed.error)
		});
	}
	return parsed.data;
}

/** Maps anything a handler throws to a response; unexpected errors are logged, never shown. */
function failureResponse(event: RequestEvent, error: unknown): Response {
	const t = translator(event.locals.locale);
	if (error instanceof ApiFailure) {
		const fields = error.fields && translateFields(t, error.fields);
		const message = translateFirst(t, [error.message], error.vars);
		return apiError(error.status, { code: error.code, message, fields }, error.headers);
	}
	if (error instanceof RateLimitedError) {
		const minutes = Math.ceil(error.retryAfterSeconds / 60);
		return apiError(
			429,
			{
				code: error.code,
				message: translateFirst(t, [error.message, 'login.throttled'], { minutes })
			},
			{ 'retry-after': String(error.retryAfterSeconds) }
		);
	}
	if (isDomainError(error)) {
		// Domain messages are i18n keys; the code's generic message is the fallback.
		const keys = [error.message, `api.error.${error.code}`];
		if (error.status === 409) keys.push('api.error.conflict');
		const fields = 'fields' in error && Object.keys(error.fields).length > 0;
		const problems = 'problems' in error && error.problems.length > 0 ? error.problems : null;
		return apiError(error.status, {
			code: error.code,
			message: translateFirst(t, keys),
			fields: fields ? translateFields(t, error.fields) : undefined,
			problems: problems?.map((p) => ({
				code: p.code,
				path: p.path,
				message: translateFirst(t, [p.messageKey], p.params)
			}))
		});
	}
	const requestId = event.locals.requestId;
	log.error({ requestId, err: error, path: event.url.pathname }, 'unhandled api error');
	noteDatabaseError(error);
	return apiError(500, { code: 'unexpected', message: t('api.error.unexpected'), requestId });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Wraps an API handler: refuses state-changing requests from other origins, maps every thrown
 * error to the API's error shape, and marks answers as not cacheable (they are per user).
 */
export function apiRoute<E extends RequestEvent>(
	handler: (event: E) => Response | Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			const origin = event.request.headers.get('origin');
			if (!SAFE_METHODS.has(event.request.method) && origin && origin !== event.url.origin) {
				throw new ApiFailure(403, 'cross_origin', 'api.error.cross_origin');
			}
			const response = await handler(event);
			response.headers.set('cache-control', 'no-store');
			return response;
		} catch (error) {
			return failureResponse(event, error);
		}
	};
}

/** Answers methods a route does not support (export it as the route's `fallback`). */
export const methodNotAllowed = apiRoute(() => {
	throw new ApiFailure(405, 'method_not_allowed', 'api.error.method_not_allowed');
});

/** Whether a request path (as sent, not decoded) belongs to the JSON API. */
export function isApiPath(pathname: string): boolean {
	return pathname === '/api/v1' || pathname.startsWith('/api/v1/');
}

/** Codes for errors SvelteKit answers itself, before any API route runs. */
const CODE_BY_STATUS: Record<number, string> = {
	400: 'bad_request',
	401: 'unauthenticated',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	413: 'payload_too_large'
};

/**
 * Puts an error SvelteKit produced for an API path into the API's error shape. Kit answers some
 * requests before any route runs, e.g. 400 for a path that is not valid percent-encoding
 * (`/api/v1/workshops/%ff`), with its HTML error page; API clients must get JSON. Successes and
 * JSON answers (every route's own) pass through unchanged.
 */
export function asApiError(response: Response, locale: Locale): Response {
	const type = response.headers.get('content-type') ?? '';
	if (response.status < 400 || /^application\/json\b/i.test(type)) return response;
	const code =
		CODE_BY_STATUS[response.status] ?? (response.status >= 500 ? 'unexpected' : 'bad_request');
	return apiError(response.status, { code, message: translator(locale)(`api.error.${code}`) });
}

/** Answers paths under /api/v1 that do not exist. */
export const unknownApiPath = apiRoute(() => {
	throw new ApiFailure(404, 'not_found', 'api.error.not_found');
});
