/**
 * "Follow me" through the JSON API against the real server, bypassing the UI: only the
 * facilitator sets or clears the follow target (a work-group member and staff get 403 with a
 * Danish message and nothing changes), the target must exist in the stored template, and
 * everyone in the workshop sees it in the run view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { demoDocuments, type DemoDocuments } from '../support/demo-documents.ts';
import {
	apiErrorSchema,
	commentsSchema,
	followTargetSchema,
	runViewSchema
} from '#lib/domain/api-schemas.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let docs: DemoDocuments;
let as: Record<'facilitator' | 'member' | 'staff', ApiClient>;
let elements: z.infer<typeof commentsSchema>['elements'];

async function loggedIn(key: string): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	const { email, password } = server.logins[key][0];
	expect((await client.login(email, password)).status).toBe(200);
	return client;
}

beforeAll(async () => {
	server = await startServer();
	docs = demoDocuments(server);
	const [facilitator, member, staff] = await Promise.all(
		['facilitator', 'arbejdsgruppe', 'medarbejder'].map(loggedIn)
	);
	as = { facilitator, member, staff };
	const comments = await facilitator.request(
		'GET',
		`/api/v1/workshops/${docs.workshopId}/documents/${docs.template}/comments`
	);
	elements = commentsSchema.parse(comments.body).elements;
});
afterAll(async () => {
	await server?.stop();
});

const followUrl = () => `/api/v1/workshops/${docs.workshopId}/run/follow`;

async function followOf(client: ApiClient) {
	const response = await client.request('GET', `/api/v1/workshops/${docs.workshopId}/run`);
	expect(response.status).toBe(200);
	return runViewSchema.parse(response.body).follow;
}

function point(client: ApiClient, elementId: string, documentId = docs.template) {
	return client.request('PUT', followUrl(), { documentId, elementId });
}

describe('follow me over the API', () => {
	it('starts with nobody being led', async () => {
		for (const client of Object.values(as)) expect(await followOf(client)).toBeNull();
	});

	it('lets the facilitator point at an area; everyone in the workshop sees it', async () => {
		const area = elements.find((e) => e.kind === 'area')!;
		const response = await point(as.facilitator, area.id);
		expect(response.status).toBe(200);
		const target = followTargetSchema.parse(response.body);
		expect(target).toMatchObject({
			documentId: docs.template,
			elementId: area.id,
			kind: 'area',
			label: area.label
		});
		expect(target.setByName).toBeTruthy();
		for (const client of [as.member, as.staff]) expect(await followOf(client)).toEqual(target);
	});

	it('accepts sections, scales, statements and levels', async () => {
		const area = elements.find((e) => e.kind === 'area')!;
		const statement = elements.find((e) => e.kind === 'statement')!;
		const level = elements.find((e) => e.kind === 'level')!;
		const cases = [
			['section-assessment', 'section', 'assessment'],
			[`scale-${area.id}`, 'scale', area.label],
			[statement.id, 'statement', statement.label],
			[level.id, 'level', level.label]
		] as const;
		for (const [elementId, kind, label] of cases) {
			const response = await point(as.facilitator, elementId);
			expect(response.status, elementId).toBe(200);
			expect(followTargetSchema.parse(response.body)).toMatchObject({ elementId, kind, label });
		}
	});

	it('refuses a work-group member and staff with a Danish message; nothing changes', async () => {
		const before = await followOf(as.facilitator);
		expect(before).not.toBeNull();
		const other = elements.find((e) => e.kind === 'area' && e.id !== before?.elementId)!;
		for (const client of [as.member, as.staff]) {
			for (const response of [
				await point(client, other.id),
				await point(client, 'section-header'),
				await client.request('DELETE', followUrl())
			]) {
				expect(response.status).toBe(403);
				expect(apiErrorSchema.parse(response.body).error).toEqual({
					code: 'forbidden',
					message: da.follow.error.forbidden
				});
			}
		}
		expect(await followOf(as.facilitator)).toEqual(before);
	});

	it('refuses what is not in the stored template with a Danish message; nothing changes', async () => {
		const before = await followOf(as.facilitator);
		const unknown = await point(as.facilitator, 'abcdefghijklmnop');
		expect(unknown.status).toBe(400);
		expect(apiErrorSchema.parse(unknown.body).error).toMatchObject({
			code: 'invalid',
			message: da.follow.error.unknownElement,
			fields: { elementId: da.follow.error.unknownElement }
		});
		const unknownSection = await point(as.facilitator, 'section-nowhere');
		expect(unknownSection.status).toBe(400);
		// The drejebog can be followed too (run-days.test.ts), but it has no template parts.
		const drejebog = await point(as.facilitator, 'section-header', docs.drejebog);
		expect(drejebog.status).toBe(400);
		expect(apiErrorSchema.parse(drejebog.body).error.message).toBe(da.follow.error.unknownElement);
		const elsewhere = await point(as.facilitator, 'section-header', 'abcdefghijklmnopqrstuv');
		expect(elsewhere.status).toBe(404);
		const malformed = await point(as.facilitator, 'no spaces <b>');
		expect(malformed.status).toBe(400);
		expect(apiErrorSchema.parse(malformed.body).error.fields).toEqual({
			elementId: da.follow.error.unknownElement
		});
		expect(await followOf(as.facilitator)).toEqual(before);
	});

	it('lets the facilitator clear the target, also when nothing is set', async () => {
		expect((await as.facilitator.request('DELETE', followUrl())).status).toBe(204);
		expect(await followOf(as.member)).toBeNull();
		expect((await as.facilitator.request('DELETE', followUrl())).status).toBe(204);
	});

	it('keeps the target across a server restart', async () => {
		const target = followTargetSchema.parse(
			(await point(as.facilitator, 'section-signature')).body
		);
		expect(await server.stop()).toBe(0);
		server = await startServer({ dataDir: server.dataDir });
		// Sessions live in the database too: the member's cookie still works on the new port.
		const response = await new ApiClient(server.url).request(
			'GET',
			`/api/v1/workshops/${docs.workshopId}/run`,
			undefined,
			{ cookie: as.member.cookieHeader }
		);
		expect(response.status).toBe(200);
		expect(runViewSchema.parse(response.body).follow).toEqual(target);
	});
});
