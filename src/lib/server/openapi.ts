/**
 * The OpenAPI 3.1 document of the JSON API, served at /api/v1/openapi.json. It is generated from
 * the same zod schemas the routes validate with (requests) and answer with (responses), so it
 * cannot describe fields the server does not check. `API_OPERATIONS` is also what the tests use
 * to check that every route is documented and behaves as documented.
 */
import { z } from 'zod';
import {
	changePasswordSchema,
	changePhaseSchema,
	createInvitationSchema,
	createWorkshopSchema,
	emailSchema,
	loginSchema,
	registerSchema
} from '#lib/domain/schemas.ts';
import {
	acceptedInvitationSchema,
	apiErrorSchema,
	createdInvitationSchema,
	invitationSchema,
	meSchema,
	phaseChangedSchema,
	registeredSchema,
	userSchema,
	workshopDetailSchema,
	workshopSummarySchema
} from '#lib/domain/api-schemas.ts';
import { SESSION_COOKIE } from './sessions.ts';

/** One documented operation: the route file under src/routes/api/v1 must export `method`. */
export type ApiOperation = {
	method: 'get' | 'post' | 'delete';
	/** OpenAPI path with `{param}` placeholders. */
	path: string;
	operationId: string;
	summary: string;
	tag: 'session' | 'workshops' | 'invitations' | 'meta';
	/** Works without a session. */
	isPublic?: boolean;
	/** The schema the route passes to `readJson`, and a body it accepts. */
	request?: { schema: z.ZodType; example: Record<string, unknown> };
	success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
	/** Error statuses the operation can answer besides 500. */
	errors: number[];
};

const V1 = '/api/v1';

export const API_OPERATIONS: readonly ApiOperation[] = [
	{
		method: 'post',
		path: `${V1}/session`,
		operationId: 'login',
		summary: 'Log in; sets the session cookie',
		tag: 'session',
		isPublic: true,
		request: {
			schema: loginSchema,
			example: { email: 'frida@kommune.dk', password: 'hemmelig-kode' }
		},
		success: { status: 200, description: 'Logged in', schema: userSchema },
		errors: [400, 401, 413, 429]
	},
	{
		method: 'delete',
		path: `${V1}/session`,
		operationId: 'logout',
		summary: 'Log out; ends this session',
		tag: 'session',
		isPublic: true,
		success: { status: 204, description: 'Logged out (also when no session existed)' },
		errors: []
	},
	{
		method: 'get',
		path: `${V1}/me`,
		operationId: 'getMe',
		summary: 'The signed-in user with organisations and workshop roles',
		tag: 'session',
		success: { status: 200, description: 'The user', schema: meSchema },
		errors: [401]
	},
	{
		method: 'post',
		path: `${V1}/me/password`,
		operationId: 'changePassword',
		summary: "Change the signed-in user's password; other sessions end",
		tag: 'session',
		request: {
			schema: changePasswordSchema,
			example: {
				currentPassword: 'gammel-kode-123',
				newPassword: 'ny-lang-kode-456',
				confirmPassword: 'ny-lang-kode-456'
			}
		},
		success: { status: 204, description: 'Changed' },
		errors: [400, 401, 413]
	},
	{
		method: 'get',
		path: `${V1}/workshops`,
		operationId: 'listWorkshops',
		summary: 'Workshops the user may see',
		tag: 'workshops',
		success: { status: 200, description: 'Workshops', schema: z.array(workshopSummarySchema) },
		errors: [401]
	},
	{
		method: 'post',
		path: `${V1}/workshops`,
		operationId: 'createWorkshop',
		summary: 'Create a workshop; the creator becomes its facilitator',
		tag: 'workshops',
		request: { schema: createWorkshopSchema, example: { title: 'Læringsbevis for unge' } },
		success: { status: 201, description: 'Created', schema: workshopSummarySchema },
		errors: [400, 401, 403, 413]
	},
	{
		method: 'get',
		path: `${V1}/workshops/{id}`,
		operationId: 'getWorkshop',
		summary: 'A workshop with phase, format, members and documents',
		tag: 'workshops',
		success: { status: 200, description: 'The workshop', schema: workshopDetailSchema },
		errors: [401, 404]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/phase`,
		operationId: 'changePhase',
		summary: 'Move the workshop to another phase (facilitators)',
		tag: 'workshops',
		request: { schema: changePhaseSchema, example: { phase: 'drejebog' } },
		success: { status: 200, description: 'Moved', schema: phaseChangedSchema },
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'delete',
		path: `${V1}/workshops/{id}/members/{userId}`,
		operationId: 'removeMember',
		summary: 'Remove a person from the workshop (facilitators, administrators)',
		tag: 'workshops',
		success: { status: 204, description: 'Removed' },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'get',
		path: `${V1}/workshops/{id}/invitations`,
		operationId: 'listInvitations',
		summary: "The workshop's invitations, newest first",
		tag: 'invitations',
		success: { status: 200, description: 'Invitations', schema: z.array(invitationSchema) },
		errors: [401, 403, 404]
	},
	{
		method: 'post',
		path: `${V1}/workshops/{id}/invitations`,
		operationId: 'createInvitation',
		summary: 'Invite someone by link (facilitators, administrators)',
		tag: 'invitations',
		request: {
			schema: createInvitationSchema,
			example: { email: 'jonas@kommune.dk', role: 'member' }
		},
		success: {
			status: 201,
			description: 'Created; token and url are shown only here',
			schema: createdInvitationSchema
		},
		errors: [400, 401, 403, 404, 413]
	},
	{
		method: 'delete',
		path: `${V1}/invitations/{id}`,
		operationId: 'revokeInvitation',
		summary: 'Revoke a pending invitation',
		tag: 'invitations',
		success: { status: 204, description: 'Revoked' },
		errors: [401, 403, 404, 409]
	},
	{
		method: 'post',
		path: `${V1}/invitations/{token}/accept`,
		operationId: 'acceptInvitation',
		summary: 'Accept an invitation as the signed-in user',
		tag: 'invitations',
		success: { status: 200, description: 'Joined', schema: acceptedInvitationSchema },
		errors: [401, 404, 409]
	},
	{
		method: 'post',
		path: `${V1}/invitations/{token}/register`,
		operationId: 'registerWithInvitation',
		summary: 'Create an account from an invitation, log in and join the workshop',
		tag: 'invitations',
		isPublic: true,
		request: {
			schema: registerSchema,
			example: { name: 'Jonas Jensen', password: 'en-lang-kode-789' }
		},
		success: { status: 201, description: 'Registered and logged in', schema: registeredSchema },
		errors: [400, 404, 409, 413]
	},
	{
		method: 'get',
		path: `${V1}/openapi.json`,
		operationId: 'getOpenApi',
		summary: 'This document',
		tag: 'meta',
		isPublic: true,
		success: { status: 200, description: 'OpenAPI 3.1 document' },
		errors: []
	}
];

const ERROR_DESCRIPTIONS: Record<number, string> = {
	400: 'Invalid input (`invalid`, with `fields`) or a body that is not a JSON object (`invalid_json`)',
	401: 'No valid session (`unauthenticated`), or wrong credentials at login (`invalid_credentials`)',
	403: 'The role does not allow this (`forbidden`), or a request from another origin (`cross_origin`)',
	404: 'Unknown, or not visible to you (`not_found`)',
	409: 'Invitation already used, revoked or expired (`invitation_accepted`, `invitation_revoked`, `invitation_expired`), or email taken (`email_taken`)',
	413: 'Body larger than the limit (`payload_too_large`)',
	429: 'Too many failed logins (`rate_limited`); see Retry-After',
	500: 'Unexpected error (`unexpected`, with `requestId` for the logs)'
};

type JsonSchema = Record<string, unknown>;

/** A zod schema as a JSON Schema 2020-12 object (OpenAPI 3.1 uses that dialect as is). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
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
	return rest;
}

function operationObject(op: ApiOperation): JsonSchema {
	const params = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
		name,
		in: 'path',
		required: true,
		schema: { type: 'string' }
	}));
	const success = op.success.schema
		? { content: { 'application/json': { schema: jsonSchema(op.success.schema, 'output') } } }
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
