/**
 * The OpenAPI document against the code and the running server: every route file under
 * src/routes/api/v1 is documented (and nothing else is), the documented request schemas are the
 * ones the server validates with (probed with bodies that break each documented rule), and the
 * documented need for a session matches the server's answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { API_OPERATIONS, type ApiOperation } from '#lib/server/http/api-operations.ts';
import { apiErrorSchema, workshopSummarySchema } from '#lib/domain/api-schemas.ts';

const API_DIR = path.resolve(import.meta.dirname, '../../src/routes/api/v1');

type JsonSchema = {
	properties?: Record<string, JsonSchema>;
	required?: string[];
	maxLength?: number;
	minLength?: number;
	minimum?: number;
	maximum?: number;
	pattern?: string;
	enum?: unknown[];
	minItems?: number;
	maxItems?: number;
	items?: JsonSchema;
};
type OpenApi = {
	openapi: string;
	paths: Record<
		string,
		Record<
			string,
			{
				security?: unknown[];
				requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
			}
		>
	>;
};

/** Every (method, path) a +server.ts under src/routes/api/v1 exports, in OpenAPI spelling. */
function routesInCode(): string[] {
	const found: string[] = [];
	for (const file of fs.readdirSync(API_DIR, { recursive: true, encoding: 'utf8' })) {
		if (path.basename(file) !== '+server.ts') continue;
		const dir = path.dirname(file);
		if (dir.includes('[...')) continue; // the catch-all that answers unknown paths with 404
		const apiPath = `/api/v1/${dir === '.' ? '' : dir}`
			.replace(/\\/g, '/')
			.replace(/\[(\w+)\]/g, '{$1}');
		const source = fs.readFileSync(path.join(API_DIR, file), 'utf8');
		for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
			found.push(`${method.toLowerCase()} ${apiPath}`);
		}
	}
	return found.sort();
}

let server: TestServer;
let document: OpenApi;
let facilitator: ApiClient;
let demoId: string;

beforeAll(async () => {
	server = await startServer();
	facilitator = new ApiClient(server.url);
	const { email, password } = server.logins.facilitator[0];
	expect((await facilitator.login(email, password)).status).toBe(200);
	const list = await facilitator.request('GET', '/api/v1/workshops');
	demoId = z.array(workshopSummarySchema).parse(list.body)[0].id;
	const response = await new ApiClient(server.url).request<OpenApi>('GET', '/api/v1/openapi.json');
	expect(response.status).toBe(200);
	document = response.body;
});
afterAll(async () => {
	await server?.stop();
});

/** A concrete URL for a documented path: the demo workshop, an unknown token or user. */
function urlFor(op: ApiOperation): string {
	return op.path
		.replace('{id}', op.path.startsWith('/api/v1/invitations/') ? 'abcdefghijklmnop' : demoId)
		.replace('{token}', 'unknown-token')
		.replace('{userId}', 'abcdefghijklmnop');
}

describe('the OpenAPI document', () => {
	it('is OpenAPI 3.1 and served without a session', () => {
		expect(document.openapi).toMatch(/^3\.1\./);
	});

	it('documents exactly the routes the code has', () => {
		const documented = Object.entries(document.paths)
			.flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`))
			.sort();
		expect(documented).toEqual(routesInCode());
		expect(API_OPERATIONS.map((op) => `${op.method} ${op.path}`).sort()).toEqual(documented);
	});

	it('has examples the request schemas accept', () => {
		for (const op of API_OPERATIONS.filter((o) => o.request)) {
			expect(op.request?.schema.safeParse(op.request.example).success, op.operationId).toBe(true);
		}
	});
});

describe('the server validates with the documented request schemas', () => {
	const withBodies = API_OPERATIONS.filter((op) => op.request);

	function documentedRequestSchema(op: ApiOperation): JsonSchema {
		const body = document.paths[op.path][op.method].requestBody;
		if (!body) throw new Error(`${op.operationId} documents no request body`);
		return body.content['application/json'].schema;
	}

	/** Sends `body`, expects a 400 that names `fields` (exactly, with `isExact`). */
	async function expectRejected(op: ApiOperation, body: object, fields: string[], isExact = true) {
		const client = op.isPublic ? new ApiClient(server.url) : facilitator;
		const response = await client.request(op.method.toUpperCase(), urlFor(op), body);
		const label = `${op.operationId} ${JSON.stringify(body).slice(0, 80)}`;
		expect(response.status, label).toBe(400);
		const error = apiErrorSchema.parse(response.body).error;
		expect(error.code, label).toBe('invalid');
		// A rule broken inside a list names the item ("choices.0"): it belongs to its field.
		const named = Object.keys(error.fields ?? {}).map((field) =>
			isExact ? field : field.split('.')[0]
		);
		if (isExact) expect(named.sort(), label).toEqual([...fields].sort());
		else expect(named, label).toEqual(expect.arrayContaining(fields));
	}

	it.each(withBodies.map((op) => [op.operationId, op] as const))(
		'%s: an empty body names the required fields',
		async (_, op) => {
			const schema = documentedRequestSchema(op);
			expect(schema.required?.length).toBeGreaterThan(0);
			await expectRejected(op, {}, schema.required ?? []);
		}
	);

	it.each(withBodies.map((op) => [op.operationId, op] as const))(
		'%s: each documented limit is enforced',
		async (_, op) => {
			const schema = documentedRequestSchema(op);
			const example = op.request?.example ?? {};
			let probes = 0;
			for (const [name, property] of Object.entries(schema.properties ?? {})) {
				const bad: unknown[] = [];
				if (property.maxLength !== undefined) bad.push('x'.repeat(property.maxLength + 1));
				if (property.minLength !== undefined && property.minLength > 1) {
					bad.push('x'.repeat(property.minLength - 1));
				}
				if (property.enum) bad.push('not-one-of-them');
				if (property.minimum !== undefined) bad.push(property.minimum - 1);
				if (property.maximum !== undefined) bad.push(property.maximum + 1);
				if (property.pattern) bad.push('!');
				// Lists: too few or too many items, or an item over its length.
				const sample = (example as Record<string, unknown[]>)[name]?.[0] ?? 'x';
				if (property.minItems !== undefined && property.minItems > 0) bad.push([]);
				if (property.maxItems !== undefined) {
					bad.push(Array.from({ length: property.maxItems + 1 }, () => sample));
				}
				if (property.items?.maxLength !== undefined) {
					bad.push(['x'.repeat(property.items.maxLength + 1)]);
				}
				for (const value of bad) {
					// Not exact: breaking newPassword also breaks its match with confirmPassword.
					await expectRejected(op, { ...example, [name]: value }, [name], false);
					probes++;
				}
			}
			expect(probes, 'every request schema documents at least one rule').toBeGreaterThan(0);
		}
	);

	it('answers 401 exactly where the document asks for a session', async () => {
		const anonymous = new ApiClient(server.url);
		for (const op of API_OPERATIONS) {
			const body = op.method === 'get' ? undefined : {};
			const response = await anonymous.request(op.method.toUpperCase(), urlFor(op), body);
			const isPublic = document.paths[op.path][op.method].security?.length === 0;
			expect(isPublic, op.operationId).toBe(op.isPublic === true);
			if (isPublic) expect(response.status, op.operationId).not.toBe(401);
			else expect(response.status, op.operationId).toBe(401);
		}
	});
});
