/**
 * Workshops through the JSON API against the real server: list, create, get, phases and members,
 * and the authorization answers (403 for a role that may not, 404 for what one may not even see,
 * including another municipality's workshop).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { createMunicipality, type Municipality } from '../support/db.ts';
import {
	apiErrorSchema,
	meSchema,
	phaseChangedSchema,
	workshopDetailSchema,
	workshopSummarySchema
} from '#lib/domain/api-schemas.ts';
import { MAX_TITLE_LENGTH } from '#lib/domain/limits.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let other: Municipality;
/** The demo workshop, its organisation, and one client per demo role. */
let demoId: string;
let demoOrgId: string;
let as: Record<'admin' | 'facilitator' | 'member' | 'staff' | 'otherAdmin', ApiClient>;

async function loggedIn(email: string, password: string): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	expect((await client.login(email, password)).status).toBe(200);
	return client;
}

beforeAll(async () => {
	server = await startServer();
	other = await createMunicipality(server.dataDir, 'Anden Kommune');
	const demo = (key: string) => server.logins[key][0];
	const [admin, facilitator, member, staff, otherAdmin] = await Promise.all([
		loggedIn(demo('administrator').email, demo('administrator').password),
		loggedIn(demo('facilitator').email, demo('facilitator').password),
		loggedIn(demo('arbejdsgruppe').email, demo('arbejdsgruppe').password),
		loggedIn(demo('medarbejder').email, demo('medarbejder').password),
		loggedIn(other.admin.email, other.admin.password)
	]);
	as = { admin, facilitator, member, staff, otherAdmin };
	const list = await as.facilitator.request('GET', '/api/v1/workshops');
	const [demoWorkshop] = z.array(workshopSummarySchema).parse(list.body);
	demoId = demoWorkshop.id;
	demoOrgId = demoWorkshop.orgId;
});
afterAll(async () => {
	await server?.stop();
});

function errorCode(response: { body: unknown }): string {
	return apiErrorSchema.parse(response.body).error.code;
}

async function listIds(client: ApiClient): Promise<string[]> {
	const response = await client.request('GET', '/api/v1/workshops');
	expect(response.status).toBe(200);
	return z
		.array(workshopSummarySchema)
		.parse(response.body)
		.map((w) => w.id);
}

describe('GET /api/v1/workshops', () => {
	it('lists the demo workshop for each of its members with their role', async () => {
		for (const [client, role] of [
			[as.facilitator, 'facilitator'],
			[as.member, 'member'],
			[as.staff, 'staff']
		] as const) {
			const response = await client.request('GET', '/api/v1/workshops');
			const list = z.array(workshopSummarySchema).parse(response.body);
			expect(list).toEqual([
				expect.objectContaining({
					id: demoId,
					title: 'Læringsbevis for unge i virksomhedspraktik',
					orgName: 'Demo Kommune',
					phase: 'format',
					role
				})
			]);
		}
	});
});

describe('POST /api/v1/workshops and GET /api/v1/workshops/{id}', () => {
	let createdId: string;

	it('creates a workshop in the default organisation; the creator facilitates it', async () => {
		const response = await as.facilitator.request('POST', '/api/v1/workshops', {
			title: '  Progressionsskema 2027  '
		});
		expect(response.status).toBe(201);
		const created = workshopSummarySchema.parse(response.body);
		expect(created).toMatchObject({
			title: 'Progressionsskema 2027',
			orgId: demoOrgId,
			phase: 'format',
			role: 'facilitator'
		});
		createdId = created.id;
		expect(await listIds(as.facilitator)).toContain(createdId);
	});

	it('answers the workshop with phase, format, members and documents', async () => {
		const me = meSchema.parse((await as.facilitator.request('GET', '/api/v1/me')).body);
		const response = await as.facilitator.request('GET', `/api/v1/workshops/${createdId}`);
		expect(response.status).toBe(200);
		const detail = workshopDetailSchema.parse(response.body);
		expect(detail).toMatchObject({ id: createdId, orgId: demoOrgId, phase: 'format' });
		expect(detail.members).toEqual([
			{ userId: me.id, name: 'Frida Facilitator', email: me.email, role: 'facilitator' }
		]);
		expect(detail.documents.map((d) => d.kind).sort()).toEqual(['drejebog', 'template']);
		expect(new Set(detail.documents.map((d) => d.id)).size).toBe(2);
		expect(detail.format.days.map((d) => d.phase)).toEqual(['format', 'drejebog', 'rollout']);
	});

	it('shows the demo workshop with every member and role', async () => {
		const detail = workshopDetailSchema.parse(
			(await as.member.request('GET', `/api/v1/workshops/${demoId}`)).body
		);
		expect(detail.members.map((m) => m.role)).toEqual(['facilitator', 'member', 'member', 'staff']);
	});

	it('a member of workshop A cannot see workshop B of the same municipality', async () => {
		const response = await as.member.request('GET', `/api/v1/workshops/${createdId}`);
		expect(response.status).toBe(404);
		expect(errorCode(response)).toBe('not_found');
		expect(await listIds(as.member)).toEqual([demoId]);
	});

	it('the administrator sees every workshop of the municipality without a role', async () => {
		const ids = await listIds(as.admin);
		// The third is the demo's workshop in Drift, facilitated by the administrator.
		const [drift] = ids.filter((id) => id !== demoId && id !== createdId);
		expect(ids.sort()).toEqual([demoId, createdId, drift].sort());
		const driftResponse = await as.admin.request('GET', `/api/v1/workshops/${drift}`);
		expect(workshopDetailSchema.parse(driftResponse.body)).toMatchObject({
			title: 'Læringsbevis i drift – demo',
			role: 'facilitator'
		});
		const detail = workshopDetailSchema.parse(
			(await as.admin.request('GET', `/api/v1/workshops/${createdId}`)).body
		);
		expect(detail.role).toBeNull();
	});

	it('refuses a work-group member creating a workshop with 403', async () => {
		const response = await as.member.request('POST', '/api/v1/workshops', { title: 'Mit eget' });
		expect(response.status).toBe(403);
		expect(errorCode(response)).toBe('forbidden');
	});

	it('answers invalid titles with 400 and the field, creating nothing', async () => {
		const before = await listIds(as.facilitator);
		const missing = await as.facilitator.request('POST', '/api/v1/workshops', { title: ' ' });
		expect(missing.status).toBe(400);
		expect(apiErrorSchema.parse(missing.body).error.fields).toEqual({ title: 'Udfyld feltet.' });
		const long = await as.facilitator.request('POST', '/api/v1/workshops', {
			title: 'x'.repeat(MAX_TITLE_LENGTH + 1)
		});
		expect(apiErrorSchema.parse(long.body).error.fields).toEqual({ title: 'Teksten er for lang.' });
		expect(await listIds(as.facilitator)).toEqual(before);
	});

	it('refuses titles with control characters, bidi overrides or nothing visible', async () => {
		const before = await listIds(as.facilitator);
		const invalid = { title: da.field.invalidCharacters };
		const empty = { title: da.field.required };
		for (const [title, fields] of [
			['Plan\u0000lægning', invalid],
			['\u001b[2J\u001b[31mRød titel', invalid],
			['Praktik \u202Efdp.exe', invalid],
			['kursus\u2066', invalid],
			['Dag 1\nDag 2', invalid],
			['\u200B\u200D', empty],
			[' \uFEFF\u00AD ', empty]
		] as const) {
			const response = await as.facilitator.request('POST', '/api/v1/workshops', { title });
			expect(response.status, JSON.stringify(title)).toBe(400);
			expect(apiErrorSchema.parse(response.body).error.fields, JSON.stringify(title)).toEqual(
				fields
			);
		}
		expect(await listIds(as.facilitator)).toEqual(before);
	});

	it('answers unknown and malformed ids with 404, never 500', async () => {
		for (const id of ['abcdefghijklmnop', 'x', '%20%27%3B--', 'a'.repeat(500), '..%2F..%2Fetc']) {
			const response = await as.facilitator.request('GET', `/api/v1/workshops/${id}`);
			expect(response.status, id).toBe(404);
			expect(errorCode(response)).toBe('not_found');
		}
	});
});

describe('another municipality', () => {
	it('a user of municipality X cannot see municipality Y', async () => {
		for (const client of [as.admin, as.facilitator, as.member]) {
			expect(await listIds(client)).not.toContain(other.workshopId);
			const response = await client.request('GET', `/api/v1/workshops/${other.workshopId}`);
			expect(response.status).toBe(404);
		}
		const invite = await as.admin.request(
			'POST',
			`/api/v1/workshops/${other.workshopId}/invitations`,
			{
				email: 'x@y.dk',
				role: 'member'
			}
		);
		expect(invite.status).toBe(404);
	});

	it("and Y's administrator sees only Y", async () => {
		expect(await listIds(as.otherAdmin)).toEqual([other.workshopId]);
		expect((await as.otherAdmin.request('GET', `/api/v1/workshops/${demoId}`)).status).toBe(404);
		const phase = await as.otherAdmin.request('POST', `/api/v1/workshops/${demoId}/phase`, {
			phase: 'drift'
		});
		expect(phase.status).toBe(404);
	});

	it("refuses creating a workshop in another municipality's organisation", async () => {
		const response = await as.otherAdmin.request('POST', '/api/v1/workshops', {
			title: 'Indtrængen',
			orgId: demoOrgId
		});
		expect(response.status).toBe(403);
		expect(await listIds(as.admin)).not.toContain((response.body as { id?: string }).id);
	});
});

describe('POST /api/v1/workshops/{id}/phase', () => {
	it('only the facilitator moves the phase', async () => {
		for (const client of [as.member, as.staff, as.admin]) {
			const response = await client.request('POST', `/api/v1/workshops/${demoId}/phase`, {
				phase: 'drejebog'
			});
			expect(response.status).toBe(403);
		}
		const moved = await as.facilitator.request('POST', `/api/v1/workshops/${demoId}/phase`, {
			phase: 'drejebog'
		});
		expect(moved.status).toBe(200);
		expect(phaseChangedSchema.parse(moved.body)).toEqual({ id: demoId, phase: 'drejebog' });
		const detail = workshopDetailSchema.parse(
			(await as.member.request('GET', `/api/v1/workshops/${demoId}`)).body
		);
		expect(detail.phase).toBe('drejebog');
	});

	it('names an unknown phase', async () => {
		const response = await as.facilitator.request('POST', `/api/v1/workshops/${demoId}/phase`, {
			phase: 'dag-4'
		});
		expect(response.status).toBe(400);
		expect(apiErrorSchema.parse(response.body).error.fields).toEqual({ phase: 'Vælg en fase.' });
	});
});

describe('DELETE /api/v1/workshops/{id}/members/{userId}', () => {
	it('refuses members, keeps the last facilitator, and removes others', async () => {
		const staffMe = meSchema.parse((await as.staff.request('GET', '/api/v1/me')).body);
		const facilitatorMe = meSchema.parse((await as.facilitator.request('GET', '/api/v1/me')).body);
		const path = (userId: string) => `/api/v1/workshops/${demoId}/members/${userId}`;

		expect((await as.member.request('DELETE', path(staffMe.id))).status).toBe(403);
		const last = await as.facilitator.request('DELETE', path(facilitatorMe.id));
		expect(last.status).toBe(400);
		expect(apiErrorSchema.parse(last.body).error.message).toBe(da.workshop.lastFacilitator);
		expect((await as.facilitator.request('DELETE', path('abcdefghijklmnop'))).status).toBe(404);

		expect((await as.facilitator.request('DELETE', path(staffMe.id))).status).toBe(204);
		expect((await as.staff.request('GET', `/api/v1/workshops/${demoId}`)).status).toBe(404);
		expect(await listIds(as.staff)).toEqual([]);
		expect((await as.facilitator.request('DELETE', path(staffMe.id))).status).toBe(404);
	});
});
