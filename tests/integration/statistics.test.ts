/**
 * The team lead's statistics over HTTP against the real server (issue 14): six closed cases of
 * uddannelsesparate young people and two open ones of aktivitetsparate, seeded through the cases
 * module on a version in operation. The team lead and the administrator read them; the
 * jobkonsulent, the sagsbehandler, staff and the facilitator are refused (403), another
 * municipality's administrator does not find the version (404). The group of two is suppressed
 * with a Danish notice, not refused; the CSV holds the same figures, "< 5" where hidden.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import {
	caseWorld,
	dayFromNow,
	download,
	seedWorldCases,
	userWithRole,
	type CaseWorld
} from '../support/cases.ts';
import type { ApiClient } from '../support/http.ts';
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';
import { statisticsSchema } from '#lib/domain/privacy/api-schemas.ts';
import type { StatisticsView } from '#lib/domain/privacy/statistics-view.ts';
import { seedCase } from '#lib/server/platform/demo-cases.ts';
import { statementIndex } from '#lib/domain/cases/plan.ts';
import { areaLevel } from '#lib/domain/privacy/statistics.ts';
import type { CaseSummary, CaseView } from '#lib/domain/cases/types.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let w: CaseWorld;
let teamleder: ApiClient;

beforeAll(async () => {
	server = await startServer();
	w = await caseWorld(server);
	teamleder = (await userWithRole(server, w.orgId, 'teamleder', 'Tina Teamleder')).client;
	await seedWorldCases(server, w, (s, { open, closed }) => {
		for (let i = 0; i < 6; i++) {
			const start = dayFromNow(-140);
			seedCase(s, { ...closed, firstName: `Ung${i}`, start, end: dayFromNow(-84) });
		}
		for (let i = 0; i < 2; i++) {
			const start = dayFromNow(-28);
			seedCase(s, { ...open, firstName: `Aktiv${i}`, start, end: dayFromNow(28) });
		}
	});
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

const path = (query: string) => `/api/v1/statistics?publication=${w.versionId}${query}`;

async function read(client: ApiClient, query = ''): Promise<StatisticsView> {
	const response = await client.request('GET', path(query));
	expect(response.status, JSON.stringify(response.body)).toBe(200);
	return statisticsSchema.parse(response.body);
}

describe('GET /api/v1/statistics', () => {
	it('gives the team lead and the administrator the figures of five and more', async () => {
		for (const client of [teamleder, w.admin]) {
			const stats = await read(client);
			expect(stats.youngPeople).toBe(8);
			expect(stats.versionNumber).toBe(1);
			// Two open cases: their stage is hidden, and so is every other one ("closed": 8 - 6
			// would give the two away; an empty stage: a 0 would tell where they are).
			expect(stats.casesByStage.map((s) => s.cases)).toEqual([null, null, null, null]);
			// Only the six closed cases are measured at the first and the last point, and all moved
			// up; but "6 of 8" would give the two open ones away as well, so the count is hidden.
			expect(stats.progression.length).toBeGreaterThan(0);
			for (const area of stats.progression) {
				expect(area.youngPeople).toBeNull();
				expect(area.movedUpShare).toBe(1);
			}
			// The same for the six with a next step.
			expect(stats.nextSteps.find((n) => n.kind === 'education')?.youngPeople).toBeNull();
			expect(stats.notice).toBe(da.statistics.notice.someHidden);
		}
	});

	it('suppresses a target group of two with a Danish notice, not an error', async () => {
		const stats = await read(teamleder, '&targetGroup=aktivitetsparat');
		expect(stats.targetGroup).toBe('aktivitetsparat');
		expect(stats.youngPeople).toBeNull();
		expect(stats.casesByStage.every((s) => s.cases === null || s.cases === 0)).toBe(true);
		expect(stats.notice).toBe(da.statistics.notice.groupUnderFive);
		// The six could be subtracted from the eight: hidden as well.
		const rest = await read(teamleder, '&targetGroup=uddannelsesparat');
		expect(rest.youngPeople).toBeNull();
		expect(rest.notice).toBe(da.statistics.notice.groupUnderFive);
		// An empty target group is everyone.
		expect((await read(teamleder, '&targetGroup=')).youngPeople).toBe(8);
	});

	it('refuses the roles without statistics and another municipality', async () => {
		for (const client of [w.konsulent, w.sagsbehandler, w.staff, w.facilitator]) {
			const response = await client.request('GET', path(''));
			expect(response.status).toBe(403);
			expect(apiErrorSchema.parse(response.body).error.message).toBe(da.statistics.forbidden);
			expect(
				(await download(server, client, path('').replace('statistics', 'statistics.csv'))).status
			).toBe(403);
		}
		const elsewhere = await w.otherAdmin.request('GET', path(''));
		expect(elsewhere.status).toBe(404);
		const unknown = await teamleder.request('GET', '/api/v1/statistics?publication=nope');
		expect(unknown.status).toBe(404);
	});

	it('refuses bad input in Danish', async () => {
		const missing = await teamleder.request('GET', '/api/v1/statistics');
		expect(missing.status).toBe(400);
		expect(apiErrorSchema.parse(missing.body).error.fields?.publication).toBe(
			da.statistics.publicationRequired
		);
		const group = await teamleder.request('GET', path('&targetGroup=alle'));
		expect(group.status).toBe(400);
		expect(apiErrorSchema.parse(group.body).error.fields?.targetGroup).toBe(
			da.statistics.badTargetGroup
		);
	});
});

describe('GET /api/v1/statistics.csv', () => {
	it('holds the same figures as the JSON, "< 5" where hidden', async () => {
		for (const query of ['', '&targetGroup=aktivitetsparat']) {
			const stats = await read(w.admin, query);
			const file = await download(
				server,
				w.admin,
				path(query).replace('statistics', 'statistics.csv')
			);
			expect(file.status).toBe(200);
			expect(file.type).toContain('text/csv');
			const lines = new TextDecoder()
				.decode(file.bytes)
				.replace(/^\uFEFF/, '')
				.trimEnd()
				.split('\r\n');
			const figures = lines.slice(3).map((line) => line.split(';').at(-1));
			const show = (f: number | null, isShare = false) =>
				f === null ? '< 5' : isShare ? `${Math.round(f * 100)} %` : String(f);
			expect(figures).toEqual([
				show(stats.youngPeople),
				...stats.casesByStage.map((s) => show(s.cases)),
				...stats.progression.flatMap((p) => [
					show(p.youngPeople),
					// A share of nobody is no figure.
					p.youngPeople === 0 ? '–' : show(p.movedUpShare, true)
				]),
				...stats.levels.flatMap((l) => l.counts.map((c) => show(c.youngPeople))),
				...stats.nextSteps.map((n) => show(n.youngPeople))
			]);
		}
	});
});

describe('the levels per point and area', () => {
	it('are the lower median of each case’s ratings there, counted per young person', async () => {
		const index = statementIndex(w.template);
		const list = await w.konsulent.request<CaseSummary[]>('GET', '/api/v1/cases');
		const expected = new Map<string, Set<string>>();
		for (const summary of list.body) {
			const view = (await w.konsulent.request<CaseView>('GET', `/api/v1/cases/${summary.id}`)).body;
			const byCell = new Map<string, number[]>();
			for (const r of view.ratings) {
				const info = index.get(r.statementId);
				const level = info?.levels.findIndex((l) => l.id === r.level) ?? -1;
				if (!info || level < 0) continue;
				const key = `${r.pointId}:${info.area.id}`;
				byCell.set(key, [...(byCell.get(key) ?? []), level]);
			}
			for (const [key, levels] of byCell) {
				const area = key.split(':')[1];
				const scale = w.template.areas.find((a) => a.id === area)!.scale.levels;
				const cell = `${key}:${scale[areaLevel(levels)!].id}`;
				expected.set(cell, (expected.get(cell) ?? new Set()).add(view.youngPerson.id));
			}
		}
		const stats = await read(teamleder);
		const shown = stats.levels.flatMap((l) =>
			l.counts
				.filter((c) => c.youngPeople !== null)
				.map((c) => [`${l.pointId}:${l.areaId}:${c.levelId}`, c.youngPeople])
		);
		expect(shown.length).toBeGreaterThan(0);
		for (const [cell, count] of shown) {
			expect(count, String(cell)).toBe(expected.get(cell as string)?.size ?? 0);
		}
		expect(shown.some(([, count]) => (count as number) > 0)).toBe(true);
	});
});
