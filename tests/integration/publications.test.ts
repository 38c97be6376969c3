/**
 * Publishing versions against the real server: who may publish (only the facilitator; nothing is
 * stored otherwise), every refusal (a bad note, a draft with problems in the template or in the
 * drejebog checked against it, a step linked to a part that is gone, unchanged content), what a
 * version holds (number, note, who, when, shape versions, the structured template and drejebog,
 * the SHA-256 of the exact canonical JSON the API answers with), the demo published at once on
 * Dag 2, who may read it (the whole municipality, nobody else), the diff, and immutability: no
 * route changes a version, and the database itself refuses UPDATE, DELETE and REPLACE of a
 * published row. Also the phase rule: Dag 3 needs a published version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import type { Municipality } from '../support/db.ts';
import { openDataDir } from '../support/collab-server.ts';
import {
	editDrejebog,
	editTemplate,
	listVersions,
	publish,
	setUpMunicipalities,
	startDrejebog,
	type RoleClients,
	storedDrejebog,
	storedTemplate,
	workshopDocuments
} from '../support/publications.ts';
import { apiErrorSchema, workshopSummarySchema } from '#lib/domain/api-schemas.ts';
import { publicationDiffSchema } from '#lib/domain/publications/api-schemas.ts';
import { canonicalContent, checkContent, parseContent } from '#lib/domain/publications/content.ts';
import { MAX_PUBLICATION_NOTE_LENGTH } from '#lib/domain/publications/schemas.ts';
import { TEMPLATE_SHAPE_VERSION } from '#lib/collab/template/template-shape.ts';
import { DREJEBOG_SHAPE_VERSION } from '#lib/collab/drejebog/drejebog-shape.ts';
import { sha256Hex } from '#lib/server/publications/content-hash.ts';
import { starter } from '../fixtures/template.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let other: Municipality;
let as: RoleClients;
let demoId: string;
let orgId: string;
let docs: { template: string; drejebog: string };
/** Version 1 of the demo workshop, as published, and its stored row. */
let v1: { id: string; sha256: string };

const publications = (workshopId: string) => `/api/v1/workshops/${workshopId}/publications`;

/** The demo workshop's stored versions (the demo's workshop in Drift has its own). */
function countRows(): number {
	const db = openDataDir(server.dataDir);
	try {
		const count = db.prepare('SELECT COUNT(*) AS n FROM publications WHERE workshop_id = ?');
		return (count.get(demoId) as { n: number }).n;
	} finally {
		db.close();
	}
}

function errorOf(response: { body: unknown }) {
	return apiErrorSchema.parse(response.body).error;
}

/**
 * A new workshop of the facilitator, its template started from the retail starter and its
 * drejebog from STAR's steps made for that template.
 */
async function startedWorkshop(title: string): Promise<string> {
	const created = await as.facilitator.request('POST', '/api/v1/workshops', { title });
	const { id } = workshopSummarySchema.parse(created.body);
	const { template } = await workshopDocuments(as.facilitator, id);
	await editTemplate(server, as.facilitator, template, (t) => t.initTemplate(starter('detail')));
	await startDrejebog(as.facilitator, id);
	return id;
}

beforeAll(async () => {
	server = await startServer();
	({ as, other, demoId, orgId } = await setUpMunicipalities(server));
	docs = await workshopDocuments(as.facilitator, demoId);
});
afterAll(async () => {
	await server?.stop();
});

describe('POST /api/v1/workshops/{id}/publications', () => {
	it('refuses the work group, staff and the administrator (403) and stores nothing', async () => {
		for (const client of [as.member, as.staff, as.admin]) {
			const response = await client.request('POST', publications(demoId), { note: 'Version 1' });
			expect(response.status).toBe(403);
			expect(errorOf(response).code).toBe('forbidden');
		}
		const foreign = await as.otherAdmin.request('POST', publications(demoId), { note: 'x' });
		expect(foreign.status).toBe(404);
		expect(countRows()).toBe(0);
	});

	it('refuses a missing, blank, too long or control-character note (400) and stores nothing', async () => {
		const notes: unknown[] = [
			undefined,
			'   ',
			'x'.repeat(MAX_PUBLICATION_NOTE_LENGTH + 1),
			'Klar\u0007',
			'Klar \u202eigen',
			42
		];
		for (const note of notes) {
			const response = await as.facilitator.request('POST', publications(demoId), { note });
			expect(response.status, JSON.stringify(note)).toBe(400);
			expect(Object.keys(errorOf(response).fields ?? {})).toEqual(['note']);
		}
		expect(countRows()).toBe(0);
	});

	it('refuses a draft with problems (409 draft_invalid), listing them by document', async () => {
		const created = await as.facilitator.request('POST', '/api/v1/workshops', { title: 'Tom' });
		const { id } = workshopSummarySchema.parse(created.body);
		const response = await as.facilitator.request('POST', publications(id), {
			note: 'For tidligt'
		});
		expect(response.status).toBe(409);
		const error = errorOf(response);
		expect(error.code).toBe('draft_invalid');
		expect(error.message).toBe(da.publications.error.invalid);
		expect(error.problems).toEqual(
			expect.arrayContaining([
				{
					code: 'title.empty',
					path: ['template', 'title'],
					message: da.template.problem.title.empty
				},
				expect.objectContaining({ code: 'areas.none', path: ['template', 'areas'] }),
				// The drejebog was never started: it has no stages, said in Danish too.
				{
					code: 'stages.none',
					path: ['drejebog', 'stages'],
					message: da.drejebog.problem.stages.none
				}
			])
		);
		expect(countRows()).toBe(0);
	});

	it('refuses a drejebog with problems against a valid template, listing them in Danish', async () => {
		const id = await startedWorkshop('Uden mål');
		const { template, drejebog } = await workshopDocuments(as.facilitator, id);
		const [area] = storedTemplate(server, template).areas;
		const goalSteps = storedDrejebog(server, drejebog)
			.stages.flatMap((stage) => stage.steps)
			.filter((step) => step.link?.kind === 'goals');
		expect(goalSteps.length).toBeGreaterThan(0);
		// A step now linked to an area the facilitator then removes, and no goal setting at all.
		const [linked] = goalSteps;
		await editDrejebog(server, as.facilitator, drejebog, (d) => {
			for (const step of goalSteps) d.setStepLink({ stepId: step.id, link: null });
			d.setStepLink({ stepId: linked.id, link: { kind: 'area', id: area.id } });
		});
		await editTemplate(server, as.facilitator, template, (t) => t.removeArea({ areaId: area.id }));
		const response = await as.facilitator.request('POST', publications(id), { note: 'Klar?' });
		expect(response.status).toBe(409);
		const error = errorOf(response);
		expect(error.code).toBe('draft_invalid');
		expect(error.problems?.map((p) => [p.code, p.path, p.message])).toEqual([
			[
				'step.link.unknown',
				['drejebog', 'stages', expect.any(String), 'steps', linked.id, 'link'],
				da.drejebog.problem.step.link.unknown.replace('{{step}}', linked.title)
			],
			[
				'coverage.goalSetting',
				['drejebog', 'coverage', 'goalSetting'],
				da.drejebog.problem.coverage.goalSetting
			]
		]);
		expect(countRows()).toBe(0);
	});

	it('publishes the demo as version 1 at once on Dag 2 (201): number, note, who, when, shapes, SHA-256', async () => {
		// A new user moves the demo workshop to Dag 2; its template and drejebog are ready as seeded.
		const moved = await as.facilitator.request('POST', `/api/v1/workshops/${demoId}/phase`, {
			phase: 'drejebog'
		});
		expect(moved.status, JSON.stringify(moved.body)).toBe(200);
		const before = Date.now();
		const version = await publish(
			as.facilitator,
			demoId,
			'Første version til jobcentret.\nGod fornøjelse.'
		);
		expect(version).toMatchObject({
			number: 1,
			workshopId: demoId,
			orgId,
			note: 'Første version til jobcentret.\nGod fornøjelse.',
			format: 1,
			shapeVersions: { template: TEMPLATE_SHAPE_VERSION, drejebog: DREJEBOG_SHAPE_VERSION },
			isLatest: true,
			isInOperation: false
		});
		expect(version.publishedBy.name).not.toBe('');
		expect(Date.parse(version.publishedAt)).toBeGreaterThanOrEqual(before - 1000);
		v1 = version;

		// The body is the exact canonical JSON the hash covers.
		const response = await fetch(`${server.url}/api/v1/publications/${version.id}`, {
			headers: { cookie: as.staff.cookieHeader }
		});
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(sha256Hex(text)).toBe(version.sha256);
		expect(response.headers.get('etag')).toBe(`"${version.sha256}"`);
		expect(response.headers.get('repr-digest')).toBe(
			`sha-256=:${Buffer.from(version.sha256, 'hex').toString('base64')}:`
		);
		expect(canonicalContent(parseContent(text))).toBe(text);

		// And it holds the template and the structured drejebog exactly as the server had stored them.
		const stored = storedDrejebog(server, docs.drejebog);
		const checked = checkContent(storedTemplate(server, docs.template), stored);
		expect(checked.ok && canonicalContent(checked.content)).toBe(text);
		const content = parseContent(text);
		expect(content.drejebog.stages.map((stage) => stage.label)).toEqual([
			'Før praktik',
			'Under praktik',
			'Mod afslutningen'
		]);
		expect(content.drejebog.stages.every((stage) => stage.steps.length > 0)).toBe(true);
	});

	it('refuses unchanged content (409 no_changes) and stores nothing', async () => {
		const response = await as.facilitator.request('POST', publications(demoId), { note: 'Igen' });
		expect(response.status).toBe(409);
		expect(errorOf(response)).toMatchObject({
			code: 'no_changes',
			message: da.publications.error.unchanged
		});
		expect(countRows()).toBe(1);
	});

	it('publishes version 2 after an edit; the diff from version 1 names it word by word', async () => {
		const [area] = storedTemplate(server, docs.template).areas;
		const statement = area.statements[0];
		await editTemplate(server, as.facilitator, docs.template, (t) =>
			t.updateStatement({ statementId: statement.id, text: `${statement.text} hver dag` })
		);
		const v2 = await publish(as.facilitator, demoId, 'Præciseret et udsagn.');
		expect(v2.number).toBe(2);
		const diff = await as.member.request('GET', `/api/v1/publications/${v1.id}/diff/${v2.id}`);
		expect(diff.status).toBe(200);
		const { changes, from, to } = publicationDiffSchema.parse(diff.body);
		expect([from.number, to.number]).toEqual([1, 2]);
		// Shape 3 stores the CV phrase, so it stays as it was written.
		expect(changes.map((c) => c.message)).toEqual([
			`Udsagn ændret i ${area.label}: »${statement.text} hver dag«`
		]);
		expect(changes[0]).toMatchObject({
			kind: 'changed',
			subject: 'statement',
			path: ['template', 'areas', area.id, 'statements', statement.id, 'text'],
			words: [
				{ text: `${statement.text} `, change: 'same' },
				{ text: 'hver dag', change: 'added' }
			]
		});
	});
});

describe('reading versions', () => {
	it('everyone in the municipality lists and reads them, staff included; the latest is marked', async () => {
		for (const client of [as.staff, as.member, as.admin, as.facilitator]) {
			// The demo's workshop in Drift has its own version 1 in the same municipality.
			const list = (await listVersions(client, orgId)).filter((v) => v.workshopId === demoId);
			expect(list.map((v) => [v.number, v.isLatest])).toEqual([
				[2, true],
				[1, false]
			]);
			const content = await client.request('GET', `/api/v1/publications/${v1.id}`);
			expect(content.status).toBe(200);
		}
	});

	it('another municipality gets 404 for the list, a version and a diff', async () => {
		const [v2] = await listVersions(as.staff, orgId);
		for (const path of [
			`/api/v1/publications?organisation=${orgId}`,
			`/api/v1/publications/${v1.id}`,
			`/api/v1/publications/${v1.id}/diff/${v2.id}`
		]) {
			const response = await as.otherAdmin.request('GET', path);
			expect(response.status, path).toBe(404);
		}
		expect(await listVersions(as.otherAdmin, other.orgId)).toEqual([]);
	});

	it('a diff across workshops is a clear 400', async () => {
		const otherWorkshop = await startedWorkshop('Lager');
		const theirs = await publish(as.facilitator, otherWorkshop, 'Lagerets første version');
		expect(theirs.number).toBe(1);
		const response = await as.staff.request(
			'GET',
			`/api/v1/publications/${v1.id}/diff/${theirs.id}`
		);
		expect(response.status).toBe(400);
		expect(errorOf(response).message).toBe(da.publications.diff.otherWorkshop);
	});

	it('names a missing or malformed organisation (400) and an unknown version (404)', async () => {
		const missing = await as.staff.request('GET', '/api/v1/publications');
		expect(missing.status).toBe(400);
		expect(Object.keys(errorOf(missing).fields ?? {})).toEqual(['organisation']);
		const malformed = await as.staff.request('GET', '/api/v1/publications?organisation=%21');
		expect(malformed.status).toBe(400);
		const unknown = await as.staff.request('GET', '/api/v1/publications/abcdefghijklmnop');
		expect(unknown.status).toBe(404);
	});
});

describe('a published version never changes', () => {
	function storedRow(id: string) {
		const db = openDataDir(server.dataDir);
		try {
			return { ...(db.prepare('SELECT * FROM publications WHERE id = ?').get(id) as object) };
		} finally {
			db.close();
		}
	}

	it('no route changes it: every other method on its paths is 405, and the row stays', async () => {
		const before = storedRow(v1.id);
		const [latest] = await listVersions(as.facilitator, orgId);
		const paths = [
			'/api/v1/publications',
			`/api/v1/publications/${v1.id}`,
			`/api/v1/publications/${v1.id}/diff/${latest.id}`
		];
		for (const path of paths) {
			for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
				const response = await as.facilitator.request(method, path, { note: 'Ændret' });
				expect(response.status, `${method} ${path}`).toBe(405);
			}
		}
		expect(storedRow(v1.id)).toEqual(before);
	});

	it('the database itself refuses UPDATE, DELETE and REPLACE of a published row', () => {
		const before = storedRow(v1.id);
		const db = openDataDir(server.dataDir, false);
		try {
			db.exec('PRAGMA busy_timeout = 5000');
			expect(() =>
				db.prepare("UPDATE publications SET note = 'x' WHERE id = ?").run(v1.id)
			).toThrow(/cannot be changed/);
			expect(() => db.prepare('DELETE FROM publications WHERE id = ?').run(v1.id)).toThrow(
				/cannot be deleted/
			);
			expect(() =>
				db
					.prepare(
						`INSERT OR REPLACE INTO publications SELECT id, workshop_id, org_id, number, 'x',
						 published_by, published_by_name, published_at, format, template_shape_version,
						 drejebog_shape_version, content, sha256 FROM publications WHERE id = ?`
					)
					.run(v1.id)
			).toThrow(/cannot be replaced/);
			expect(() =>
				db
					.prepare(
						`INSERT INTO publications SELECT * FROM publications WHERE id = ?
						 ON CONFLICT (id) DO UPDATE SET note = 'x'`
					)
					.run(v1.id)
			).toThrow(/cannot be/);
		} finally {
			db.close();
		}
		expect(storedRow(v1.id)).toEqual(before);
	});
});

describe('the phase rule', () => {
	it('Dag 3 needs a published version (409 no_publication); with one it is allowed', async () => {
		const id = await startedWorkshop('Køkken');
		const move = (phase: string) =>
			as.facilitator.request('POST', `/api/v1/workshops/${id}/phase`, { phase });
		expect((await move('drejebog')).status).toBe(200);
		for (const phase of ['rollout', 'drift']) {
			const refused = await move(phase);
			expect(refused.status).toBe(409);
			expect(errorOf(refused)).toMatchObject({
				code: 'no_publication',
				message: da.phaseChange.noPublication
			});
		}
		expect((await workshopDocuments(as.facilitator, id)).phase).toBe('drejebog');
		await publish(as.facilitator, id, 'Klar til Dag 3');
		expect((await move('rollout')).status).toBe(200);
		expect((await move('drift')).status).toBe(200);
		expect((await move('drejebog')).status).toBe(200);
	});
});
