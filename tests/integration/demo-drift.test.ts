/**
 * The demo of Drift on a fresh demo server: besides the Dag 1 workshop (unchanged, still the
 * oldest and the only one its members see), Demo Kommune has a second workshop that has been
 * through all three days, with version 1 in operation through a closed Dag 3 session, a
 * jobkonsulent and a sagsbehandler login, and two cases of invented young people that both see
 * through the cases API (one in progress with a disagreement, one closed with its læringsbevis).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import { demoClient } from '../support/rollouts.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { withServerDb } from '../support/db.ts';
import type { ApiClient } from '../support/http.ts';
import { meSchema, workshopSummarySchema } from '#lib/domain/api-schemas.ts';
import { publicationListSchema } from '#lib/domain/publications/api-schemas.ts';
import { pdfReaders } from '../support/exports.ts';
import { download } from '../support/cases.ts';
import type { CaseSummary, CaseView } from '#lib/domain/cases/types.ts';

const DAG_1_TITLE = 'Læringsbevis for unge i virksomhedspraktik';
const DRIFT_TITLE = 'Læringsbevis i drift – demo';

let server: TestServer;
let admin: ApiClient;
const pdf = pdfReaders();

beforeAll(async () => {
	server = await startServer();
	admin = await demoClient(server, 'administrator');
});
afterAll(async () => {
	await server?.stop();
});

async function workshops(client: ApiClient) {
	const response = await client.request('GET', '/api/v1/workshops');
	expect(response.status).toBe(200);
	return z.array(workshopSummarySchema).parse(response.body);
}

describe('the demo workshop in Drift', () => {
	it('is in phase Drift with version 1 in operation, put there by a closed Dag 3 session', async () => {
		const drift = (await workshops(admin)).find((w) => w.title === DRIFT_TITLE)!;
		expect(drift).toMatchObject({ orgName: 'Demo Kommune', phase: 'drift' });
		const response = await admin.request('GET', `/api/v1/publications?organisation=${drift.orgId}`);
		expect(response.status).toBe(200);
		const versions = publicationListSchema.parse(response.body);
		expect(versions.filter((v) => v.workshopId === drift.id)).toEqual([
			expect.objectContaining({ number: 1, isInOperation: true })
		]);
		const sessions = await withServerDb(server.dataDir, (db) =>
			db
				.prepare(
					`SELECT r.closed_at IS NOT NULL AS closed, o.retired_at FROM rollouts r
					 JOIN publication_operation o ON o.rollout_id = r.id WHERE r.workshop_id = ?`
				)
				.all(drift.id)
		);
		expect(sessions).toEqual([{ closed: 1, retired_at: null }]);
	});

	it('leaves the Dag 1 workshop first, at Dag 1, and the only one its members see', async () => {
		const first = demoDocuments(server);
		const all = await workshops(admin);
		expect(all.find((w) => w.id === first.workshopId)).toMatchObject({
			title: DAG_1_TITLE,
			phase: 'format'
		});
		expect(all.map((w) => w.title).sort()).toEqual([DAG_1_TITLE, DRIFT_TITLE].sort());
		for (const role of ['facilitator', 'arbejdsgruppe', 'medarbejder']) {
			const list = await workshops(await demoClient(server, role));
			expect(list.map((w) => w.id)).toEqual([first.workshopId]);
		}
		const versions = publicationListSchema.parse(
			(await admin.request('GET', `/api/v1/publications?organisation=${all[0].orgId}`)).body
		);
		expect(versions.filter((v) => v.workshopId === first.workshopId)).toEqual([]);
	});

	it('prints a jobkonsulent and a sagsbehandler login that work, with those roles', async () => {
		for (const role of ['jobkonsulent', 'sagsbehandler']) {
			expect(server.logins[role]).toHaveLength(1);
			const client = await demoClient(server, role);
			const me = meSchema.parse((await client.request('GET', '/api/v1/me')).body);
			expect(me.orgs).toEqual([expect.objectContaining({ name: 'Demo Kommune', role })]);
			// Neither takes part in a workshop.
			expect(await workshops(client)).toEqual([]);
		}
	});
});

const PURPOSE = { 'x-formvaerk-purpose': 'followUp' };

/** GET `path` as `client`, answered 200. */
async function read<T>(client: ApiClient, path: string): Promise<T> {
	const response = await client.request<T>('GET', path);
	expect(response.status, path).toBe(200);
	return response.body;
}

describe('the demo cases', () => {
	let consultant: ApiClient;
	let cases: CaseSummary[];
	let views: CaseView[];
	beforeAll(async () => {
		consultant = await demoClient(server, 'jobkonsulent');
		// Reading a case states why (issue 14): without a purpose the server answers 428.
		Object.assign(consultant.headers, PURPOSE);
		cases = await read<CaseSummary[]>(consultant, '/api/v1/cases');
		views = await Promise.all(
			cases.map((c) => read<CaseView>(consultant, `/api/v1/cases/${c.id}`))
		);
	});

	it('are two invented young people on the version in operation, both assigned to the caseworker', async () => {
		const drift = (await workshops(admin)).find((w) => w.title === DRIFT_TITLE)!;
		expect(cases.map((c) => [c.youngPerson.firstName, c.stage]).sort()).toEqual([
			['Emma', 'during'],
			['Oliver', 'closed']
		]);
		const caseworker = await demoClient(server, 'sagsbehandler');
		Object.assign(caseworker.headers, PURPOSE);
		const theirs = await read<CaseSummary[]>(caseworker, '/api/v1/cases');
		expect(theirs.map((c) => c.id).sort()).toEqual(cases.map((c) => c.id).sort());
		for (const view of views) {
			expect(view.workshopTitle).toBe(drift.title);
			expect(view.versionNumber).toBe(1);
			expect(view.staff.map((s) => s.role).sort()).toEqual(['jobkonsulent', 'sagsbehandler']);
		}
	});

	it('the case in progress has ratings from all three raters at the first points and one disagreement', () => {
		const open = views.find((v) => v.closedAt === null)!;
		const raters = new Set(open.ratings.map((r) => r.raterId));
		expect(raters.size).toBe(3);
		const points = new Set(open.ratings.map((r) => r.pointId));
		expect(points.size).toBe(2);
		expect(open.ratings.filter((r) => r.by === 'link').length).toBeGreaterThan(0);
		expect(open.disagreements).toHaveLength(1);
		expect(open.signatures).toEqual([]);
	});

	it('the closed case has agreed levels, own words, next step and every signature in its læringsbevis', async () => {
		const closed = views.find((v) => v.closedAt !== null)!;
		expect(closed.agreedLevels.length).toBe(closed.statementIds.length);
		expect(closed.nextStep.kind).toBe('education');
		expect(closed.signatures.map((s) => s.name).sort()).toEqual(
			[
				'Julie Jobkonsulent',
				'Karsten Mentorsen',
				'Oliver Eksempelsen',
				'Simon Sagsbehandler'
			].sort()
		);
		const file = await download(server, consultant, `/api/v1/cases/${closed.id}/laeringsbevis.pdf`);
		expect(file.status).toBe(200);
		const text = await pdf.text(file.bytes);
		for (const expected of [
			'Oliver Eksempelsen',
			'Plejehjemmet Lærkereden (demo)',
			'Jeg har lært at tale roligt med beboerne',
			'Søger ind på social- og sundhedshjælperuddannelsen til sommer.',
			'Karsten Mentorsen',
			'Simon Sagsbehandler'
		]) {
			expect(text).toContain(expected);
		}
	});
});
