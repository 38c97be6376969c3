/**
 * "Mine forløb" says the same of every case as the case's own view (issue 13): the list plans,
 * and reads statements and ratings for, only its open cases, and computes today once, while the
 * case view works each case out in full. A consultant with closed cases and open ones before,
 * during and near the end of their internship, some with a point due this week and some that
 * need attention, seeded through the cases module; both read over HTTP from the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { caseWorld, dayFromNow, seedWorldCases, type CaseWorld } from '../support/cases.ts';
import type { CaseSummary, CaseView } from '#lib/domain/cases/types.ts';
import { seedCase } from '#lib/server/platform/demo-cases.ts';

let server: TestServer;
let w: CaseWorld;

beforeAll(async () => {
	server = await startServer();
	w = await caseWorld(server);
	await seedWorldCases(server, w, (s, { open, closed }) => {
		for (let i = 0; i < 4; i++) {
			const start = dayFromNow(-150 + i * 7);
			seedCase(s, { ...closed, firstName: `Slut${i}`, start, end: dayFromNow(-90) });
		}
		// Starts from ten weeks ago to a week ahead, eight weeks each; none, one or two points
		// rated, so some are due this week and some have missed a rating.
		for (let i = 0; i < 12; i++) {
			const start = -70 + i * 7;
			seedCase(s, {
				...open,
				firstName: `Åben${i}`,
				start: dayFromNow(start),
				end: dayFromNow(start + 56),
				pointsRated: i % 3
			});
		}
	});
}, 180_000);
afterAll(async () => {
	await server?.stop();
});

const SUMMARY_KEYS = [
	'id',
	'youngPerson',
	'company',
	'start',
	'end',
	'targetGroup',
	'stage',
	'publicationId',
	'versionNumber',
	'workshopTitle',
	'closedAt',
	'dueThisWeek',
	'needsAttention',
	'myRole'
] as const satisfies readonly (keyof CaseSummary)[];

describe('"Mine forløb" of a consultant with closed and open cases', () => {
	it('gives each case the stage, due points and attention of its case view', async () => {
		const response = await w.konsulent.request<CaseSummary[]>('GET', '/api/v1/cases');
		expect(response.status).toBe(200);
		const list = response.body;
		expect(list).toHaveLength(16);
		for (const summary of list) {
			const view = await w.konsulent.request<CaseView>('GET', `/api/v1/cases/${summary.id}`);
			expect(view.status).toBe(200);
			const expected = Object.fromEntries(SUMMARY_KEYS.map((k) => [k, view.body[k]]));
			expect(summary).toEqual(expected);
		}
		// The data has what the list must get right: every stage, due points, attention.
		expect(new Set(list.map((c) => c.stage))).toEqual(
			new Set(['before', 'during', 'ending', 'closed'])
		);
		expect(list.some((c) => c.dueThisWeek.length > 0)).toBe(true);
		expect(list.some((c) => c.needsAttention.length > 0)).toBe(true);
		// Open cases first, then by start, newest first.
		const open = list.filter((c) => c.closedAt === null);
		expect(list.slice(0, open.length)).toEqual(open);
		expect(open.map((c) => c.start)).toEqual(
			open
				.map((c) => c.start)
				.sort()
				.reverse()
		);
	});
});
