/**
 * The OpenAPI 3.1 document of the JSON API, served at /api/v1/openapi.json. It is generated from
 * the same zod schemas the routes validate with (requests) and answer with (responses), so it
 * cannot describe fields the server does not check. The operations themselves are listed in
 * `api-operations.ts`.
 */
import { z } from 'zod';
import { emailSchema } from '#lib/domain/schemas.ts';
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';
import { API_OPERATIONS, type ApiOperation } from './api-operations.ts';
import { SESSION_COOKIE } from '../accounts/sessions.ts';

const ERROR_DESCRIPTIONS: Record<number, string> = {
	400: 'Invalid input (`invalid`, with `fields`), a body that is not a JSON object (`invalid_json`), or a request that cannot be read, such as a malformed path (`bad_request`)',
	401: 'No valid session (`unauthenticated`), or wrong credentials at login (`invalid_credentials`)',
	403: 'The role does not allow this (`forbidden`), or a request from another origin (`cross_origin`)',
	404: 'Unknown, or not visible to you (`not_found`)',
	409: 'Invitation already used, revoked or expired (`invitation_accepted`, `invitation_revoked`, `invitation_expired`), email taken (`email_taken`), a template that is not ready for Dag 2 (`template_invalid`, with `problems`), Dag 3 before a published version (`no_publication`), publishing a draft with problems (`draft_invalid`, with `problems` whose paths start with `template` or `drejebog`) or unchanged since the latest version (`no_changes`), a new draft before any version (`no_publication`), a rollout for a version already in operation (`in_operation`) or with a session open (`session_open`), a closed session (`closed`), a question already answered (`already_answered`)',
	413: 'Body larger than the limit (`payload_too_large`)',
	428: 'A case route called without a purpose (`purpose_required`): send `X-Formvaerk-Purpose`',
	429: 'Too many failed logins or wrong join codes (`rate_limited`); see Retry-After',
	500: 'Unexpected error (`unexpected`, with `requestId` for the logs)'
};

type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as a JSON Schema 2020-12 object (OpenAPI 3.1 uses that dialect as is). A recursive
 * schema (rich text) comes with `$defs` and refs like `#/$defs/…`; `id` gives it an `$id`, so
 * those refs resolve inside the schema rather than against the OpenAPI document's root.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', id?: string): JsonSchema {
	const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
		io,
		override: ({ zodSchema, jsonSchema: s }) => {
			// The ISO date-time regex zod emits is noise next to `format: date-time`.
			if (s.format === 'date-time') delete s.pattern;
			// The input side of the email pipe is a plain string; say what it must contain.
			if (zodSchema === emailSchema) s.format = 'email';
			// Answers may gain fields in later versions without breaking clients.
			if (io === 'output' && s.additionalProperties === false) delete s.additionalProperties;
		}
	});
	return '$defs' in rest && id ? { $id: `urn:formvaerk:schema:${id}`, ...rest } : rest;
}

function operationObject(op: ApiOperation): JsonSchema {
	const params = [
		...[...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
			name,
			in: 'path',
			required: true,
			schema: { type: 'string' }
		})),
		...(op.query ?? []).map((q) => ({
			name: q.name,
			in: 'query',
			required: q.isRequired,
			description: q.description,
			schema: { type: 'string' }
		}))
	];
	const successSchema =
		op.success.schema && jsonSchema(op.success.schema, 'output', `${op.operationId}.response`);
	const success = successSchema
		? { content: { 'application/json': { schema: successSchema } } }
		: op.success.isEventStream
			? { content: { 'text/event-stream': { schema: { type: 'string' } } } }
			: op.success.fileType
				? {
						content: {
							[op.success.fileType]: {
								schema: { type: 'string', contentMediaType: op.success.fileType }
							}
						},
						headers: {
							'Content-Disposition': {
								description:
									'attachment, with the Danish file name in `filename*` (RFC 5987) and in ASCII in `filename`',
								schema: { type: 'string' }
							}
						}
					}
				: {};
	const responses: JsonSchema = {
		[op.success.status]: { description: op.success.description, ...success }
	};
	for (const status of [...op.errors, 500]) {
		responses[status] = { $ref: `#/components/responses/Error${status}` };
	}
	return {
		operationId: op.operationId,
		summary: op.summary,
		tags: [op.tag],
		...(op.isPublic ? { security: [] } : {}),
		...(params.length ? { parameters: params } : {}),
		...(op.request
			? {
					requestBody: {
						required: true,
						content: {
							'application/json': {
								schema: jsonSchema(op.request.schema, 'input'),
								example: op.request.example
							}
						}
					}
				}
			: {}),
		responses
	};
}

/** Builds the OpenAPI 3.1 document (a few milliseconds; not cached, so it holds no state). */
export function openApiDocument(): JsonSchema {
	const paths: Record<string, JsonSchema> = {};
	for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
	const errorSchema = jsonSchema(apiErrorSchema, 'output');
	const responses = Object.fromEntries(
		Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
			`Error${status}`,
			{
				description,
				content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
			}
		])
	);
	return {
		openapi: '3.1.0',
		info: {
			title: 'Formværk API',
			version: '1',
			description:
				'JSON API of Formværk. Sessions are cookies: log in with POST /api/v1/session and send the cookie back. Error messages are Danish unless the user chose English. See docs/api.md.'
		},
		servers: [{ url: '/' }],
		security: [{ sessionCookie: [] }],
		tags: [
			{ name: 'session', description: 'Logging in and out, the signed-in user' },
			{ name: 'workshops', description: 'Workshops (udviklingsforløb), members, phases' },
			{ name: 'invitations', description: 'Invitations by link' },
			{
				name: 'publications',
				description: 'Published versions (template and drejebog), their diffs, new drafts'
			},
			{
				name: 'rollouts',
				description:
					'Dag 3: rollout sessions, the walkthrough, completion and the version in operation'
			},
			{
				name: 'cases',
				description: 'Drift: young people’s cases, ratings, rating links, closing and outputs'
			},
			{
				name: 'privacy',
				description:
					'Drift: the audit log of case access, retention of closed cases, statistics, access requests'
			},
			{ name: 'meta', description: 'About the API' }
		],
		paths,
		components: {
			securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
			schemas: { Error: errorSchema },
			responses
		}
	};
}
