/**
 * Drift cases over HTTP against the real server: starting a case (only from the version in
 * operation, only by a jobkonsulent or administrator), every access rule (the case's consultant
 * and sagsbehandler, another consultant, the administrator, another municipality, facilitator and
 * staff), ratings as the plan allows, every bad input of issue 13 refused with nothing stored,
 * the rating link's lifecycle (holder sees only their own statements, single use, revoked,
 * expired, unknown and throttled, each explained in Danish), closing, and both PDFs read back
 * with pdftotext.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { withServerDb } from '../support/db.ts';
import { insertVersion } from '../support/rollouts.ts';
import { caseWorld, download, type CaseWorld } from '../support/cases.ts';
import { pdfReaders } from '../support/exports.ts';
import type { ApiClient } from '../support/http.ts';
import {
	caseCvSchema,
	caseLinkOpenedSchema,
	caseListSchema,
	caseViewSchema,
	createdCaseLinkSchema
} from '#lib/domain/cases/api-schemas.ts';
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';

let server: TestServer;
let w: CaseWorld;
let caseId: string;
const pdf = pdfReaders();

function day(offset: number): string {
	return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

const NEW_CASE = () => ({
	publicationId: w.versionId,
	youngPerson: { firstName: 'Amalie', lastName: 'Testesen' },
	company: 'Brugsen Thisted',
	mentorName: 'Mette Mentor',
	start: day(-10),
	end: day(40),
	targetGroup: 'uddannelsesparat'
});

beforeAll(async () => {
	server = await startServer();
	w = await caseWorld(server);
	const created = await w.konsulent.request<{ id: string }>('POST', '/api/v1/cases', {
		...NEW_CASE(),
		caseworkerId: w.sagsbehandlerId
	});
	expect(created.status, JSON.stringify(created.body)).toBe(201);
	caseId = created.body.id;
});
afterAll(async () => {
	await server?.stop();
});

function errorOf(body: unknown) {
	return apiErrorSchema.parse(body).error;
}

async function caseCount(): Promise<number> {
	return withServerDb(server.dataDir, (db) => {
		const row = db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number };
		return row.n;
	});
}

async function ratingCount(): Promise<number> {
	return withServerDb(server.dataDir, (db) => {
		const row = db.prepare('SELECT COUNT(*) AS n FROM case_ratings').get() as { n: number };
		return row.n;
	});
}

async function view(client: ApiClient = w.konsulent, id = caseId) {
	const response = await client.request('GET', `/api/v1/cases/${id}`);
	expect(response.status, JSON.stringify(response.body)).toBe(200);
	return caseViewSchema.parse(response.body);
}

describe('starting a case', () => {
	it('lists the new case in "Mine forløb" with its stage and version', async () => {
		const list = caseListSchema.parse((await w.konsulent.request('GET', '/api/v1/cases')).body);
		const mine = list.find((c) => c.id === caseId)!;
		expect(mine.stage).toBe('during');
		expect(mine.versionNumber).toBe(1);
		expect(mine.youngPerson.firstName).toBe('Amalie');
		expect(mine.myRole).toBe('jobkonsulent');
		const theirs = caseListSchema.parse(
			(await w.sagsbehandler.request('GET', '/api/v1/cases')).body
		);
		expect(theirs.map((c) => c.id)).toEqual([caseId]);
		expect(theirs[0].myRole).toBe('sagsbehandler');
		const others = caseListSchema.parse(
			(await w.otherKonsulent.request('GET', '/api/v1/cases')).body
		);
		expect(others).toEqual([]);
	});

	it('refuses bad input with a Danish message and stores nothing', async () => {
		const before = await caseCount();
		const endBeforeStart = await w.konsulent.request('POST', '/api/v1/cases', {
			...NEW_CASE(),
			start: day(5),
			end: day(1)
		});
		expect(endBeforeStart.status).toBe(400);
		expect(errorOf(endBeforeStart.body).fields?.end).toMatch(/Slutdatoen ligger før startdatoen/);
		for (const cpr of ['010203-1234', '0102031234', 'Ring 311299-4321 i morgen']) {
			const response = await w.konsulent.request('POST', '/api/v1/cases', {
				...NEW_CASE(),
				company: cpr
			});
			expect(response.status, cpr).toBe(400);
			expect(errorOf(response.body).fields?.company).toMatch(/CPR-nummer/);
		}
		const lastName = await w.konsulent.request('POST', '/api/v1/cases', {
			...NEW_CASE(),
			youngPerson: { firstName: 'A', lastName: '120598-1111' }
		});
		expect(errorOf(lastName.body).fields?.['youngPerson.lastName']).toMatch(/CPR-nummer/);
		const notInOperation = await insertVersion(server, w.workshopId, 2);
		const response = await w.konsulent.request('POST', '/api/v1/cases', {
			...NEW_CASE(),
			publicationId: notInOperation
		});
		expect(response.status).toBe(400);
		expect(errorOf(response.body).message).toMatch(/version, der er i drift/);
		expect(await caseCount()).toBe(before);
	});

	it('is for jobkonsulenter and administrators of the version’s municipality only', async () => {
		const before = await caseCount();
		for (const client of [w.sagsbehandler, w.facilitator, w.staff]) {
			expect((await client.request('POST', '/api/v1/cases', NEW_CASE())).status).toBe(403);
		}
		for (const client of [w.otherAdmin, w.otherKonsulentElsewhere]) {
			expect((await client.request('POST', '/api/v1/cases', NEW_CASE())).status).toBe(404);
		}
		expect(await caseCount()).toBe(before);
		const byAdmin = await w.admin.request<{ id: string }>('POST', '/api/v1/cases', NEW_CASE());
		expect(byAdmin.status).toBe(201);
	});
});

describe('who sees a case', () => {
	it('its consultant, its sagsbehandler and the administrator; nobody else learns it exists', async () => {
		expect((await view(w.konsulent)).may).toEqual({
			write: true,
			manageLinks: true,
			close: true,
			delete: false
		});
		expect((await view(w.sagsbehandler)).may.manageLinks).toBe(false);
		expect((await view(w.admin)).may).toEqual({
			write: false,
			manageLinks: false,
			close: false,
			delete: true
		});
		for (const client of [w.otherKonsulent, w.facilitator, w.staff, w.otherAdmin]) {
			for (const path of ['', '/cv', '/laeringsbevis.pdf', '/progressionsskema.pdf']) {
				const response = await client.request('GET', `/api/v1/cases/${caseId}${path}`);
				expect(response.status, path).toBe(404);
			}
			const rating = await client.request('POST', `/api/v1/cases/${caseId}/ratings`, {
				pointId: 'detail-m2',
				raterId: 'detail-r3',
				statementId: 'detail-s10',
				level: 'detail-a2-l3'
			});
			expect(rating.status).toBe(404);
			const link = await client.request('POST', `/api/v1/cases/${caseId}/links`, {
				raterId: 'detail-r1',
				pointId: 'detail-m1'
			});
			expect(link.status).toBe(404);
			expect((await client.request('POST', `/api/v1/cases/${caseId}/close`)).status).toBe(404);
		}
	});

	it('the administrator and the sagsbehandler may not send links or close', async () => {
		for (const client of [w.admin, w.sagsbehandler]) {
			const link = await client.request('POST', `/api/v1/cases/${caseId}/links`, {
				raterId: 'detail-r1',
				pointId: 'detail-m1'
			});
			expect(link.status).toBe(403);
			expect((await client.request('POST', `/api/v1/cases/${caseId}/close`)).status).toBe(403);
		}
		expect(
			(
				await w.admin.request('POST', `/api/v1/cases/${caseId}/ratings`, {
					pointId: 'detail-m2',
					raterId: 'detail-r3',
					statementId: 'detail-s10',
					level: 'detail-a2-l3'
				})
			).status
		).toBe(403);
	});
});

describe('ratings', () => {
	it('stores a rating the plan allows and replaces it when given again', async () => {
		const rate = (level: string | null, comment = '') =>
			w.konsulent.request('POST', `/api/v1/cases/${caseId}/ratings`, {
				pointId: 'detail-m2',
				raterId: 'detail-r3',
				statementId: 'detail-s10',
				level,
				comment
			});
		expect((await rate('detail-a2-l2')).status).toBe(204);
		expect((await rate('detail-a2-l3', 'Hjælper kollegerne')).status).toBe(204);
		const ratings = (await view()).ratings.filter((r) => r.pointId === 'detail-m2');
		expect(ratings).toEqual([
			expect.objectContaining({ level: 'detail-a2-l3', comment: 'Hjælper kollegerne', by: 'user' })
		]);
		expect((await rate(null)).status).toBe(204);
		expect((await view()).ratings.find((r) => r.pointId === 'detail-m2')?.level).toBeNull();
	});

	it('refuses a rater the plan does not name, a level off the scale and a CPR number; nothing stored', async () => {
		const before = await ratingCount();
		const cases: [object, RegExp][] = [
			[
				{ pointId: 'detail-m1', raterId: 'detail-r3', statementId: 'detail-s10', level: null },
				/Bedømmerplanen/
			],
			[
				{ pointId: 'detail-m2', raterId: 'detail-r3', statementId: 'detail-s1', level: null },
				/Bedømmerplanen/
			],
			[
				{
					pointId: 'detail-m2',
					raterId: 'detail-r3',
					statementId: 'detail-s10',
					level: 'detail-a1-l3'
				},
				/skala/
			],
			[
				{
					pointId: 'detail-m2',
					raterId: 'detail-r3',
					statementId: 'detail-s10',
					level: 'detail-a2-l3',
					comment: 'cpr 0101901234'
				},
				/CPR-nummer/
			],
			[
				{ pointId: 'detail-m9', raterId: 'detail-r3', statementId: 'detail-s10', level: null },
				/Målepunktet/
			]
		];
		for (const [body, message] of cases) {
			const response = await w.konsulent.request('POST', `/api/v1/cases/${caseId}/ratings`, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
			expect(JSON.stringify(errorOf(response.body)), JSON.stringify(body)).toMatch(message);
		}
		expect(await ratingCount()).toBe(before);
	});

	it('shows disagreement between raters and the progression series', async () => {
		for (const [raterId, level] of [
			['detail-r1', 'detail-a2-l2'],
			['detail-r3', 'detail-a2-l4']
		]) {
			const response = await w.konsulent.request('POST', `/api/v1/cases/${caseId}/ratings`, {
				pointId: 'detail-m3',
				raterId,
				statementId: 'detail-s11',
				level
			});
			expect(response.status).toBe(204);
		}
		const v = await view();
		expect(v.disagreements).toContainEqual(
			expect.objectContaining({ pointId: 'detail-m3', statementId: 'detail-s11', spread: 2 })
		);
		const series = v.progression.find(
			(s) => s.areaId === 'detail-a2' && s.raterId === 'detail-r3'
		)!;
		expect(series.points.find((p) => p.pointId === 'detail-m3')).toEqual({
			pointId: 'detail-m3',
			value: 4,
			count: 1
		});
	});
});

async function createLink(raterId: string, pointId: string) {
	const response = await w.konsulent.request('POST', `/api/v1/cases/${caseId}/links`, {
		raterId,
		pointId
	});
	expect(response.status, JSON.stringify(response.body)).toBe(201);
	const link = createdCaseLinkSchema.parse(response.body);
	expect(link.url).toMatch(new RegExp(`^${server.url}/r/[A-Za-z0-9_-]{43}$`));
	expect(link.expiresAt - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
	return { ...link, token: link.url.split('/r/')[1] };
}

const anonymous = () => new (w.konsulent.constructor as new (url: string) => ApiClient)(server.url);

describe('rating links', () => {
	it('shows the holder only their statements, never anyone’s ratings, and works once', async () => {
		const mentor = await createLink('detail-r2', 'detail-m3');
		const holder = anonymous();
		const opened = await holder.request('GET', `/api/v1/links/${mentor.token}`);
		expect(opened.status).toBe(200);
		const form = caseLinkOpenedSchema.parse(opened.body);
		expect(form.rater?.label).toBe('Virksomheden');
		expect(form.statements.map((s) => s.id)).toEqual(
			w.template.areas[0].statements.map((s) => s.id)
		);
		expect(JSON.stringify(opened.body)).not.toMatch(/Testesen|Hjælper kollegerne|ratings/);
		const answers = form.statements.map((s, i) => ({
			statementId: s.id,
			level: i === 0 ? null : s.levels[3].id,
			comment: i === 1 ? 'Flot arbejde på lageret' : ''
		}));
		const before = await ratingCount();
		const incomplete = await holder.request('POST', `/api/v1/links/${mentor.token}/answers`, {
			answers: answers.slice(1)
		});
		expect(incomplete.status).toBe(400);
		expect(errorOf(incomplete.body).message).toMatch(/Svar på alle udsagn/);
		const withCpr = await holder.request('POST', `/api/v1/links/${mentor.token}/answers`, {
			answers: answers.map((a) => ({ ...a, comment: '150385-2345' }))
		});
		expect(withCpr.status).toBe(400);
		expect(await ratingCount()).toBe(before);
		const stored = await holder.request('POST', `/api/v1/links/${mentor.token}/answers`, {
			answers
		});
		expect(stored.status).toBe(204);
		expect(await ratingCount()).toBe(before + answers.length);
		const ratings = (await view()).ratings.filter((r) => r.raterId === 'detail-r2');
		expect(ratings).toHaveLength(answers.length);
		expect(ratings.every((r) => r.by === 'link')).toBe(true);
		// The young person's link at the same point shows nothing of the mentor's answers.
		const young = await createLink('detail-r1', 'detail-m3');
		const youngForm = await anonymous().request('GET', `/api/v1/links/${young.token}`);
		expect(JSON.stringify(youngForm.body)).not.toMatch(/Flot arbejde|"comment"|"level"/);
		// Used: explained, and nothing more stored.
		for (const request of [
			holder.request('GET', `/api/v1/links/${mentor.token}`),
			holder.request('POST', `/api/v1/links/${mentor.token}/answers`, { answers })
		]) {
			const response = await request;
			expect(response.status).toBe(409);
			expect(errorOf(response.body).message).toMatch(/allerede brugt/);
		}
		expect(await ratingCount()).toBe(before + answers.length);
	});

	it('refuses a revoked, an expired and an unknown link in Danish, and a link the plan does not name', async () => {
		const revoked = await createLink('detail-r1', 'detail-m1');
		expect(
			(await w.otherKonsulent.request('DELETE', `/api/v1/case-links/${revoked.id}`)).status
		).toBe(404);
		expect(
			(await w.sagsbehandler.request('DELETE', `/api/v1/case-links/${revoked.id}`)).status
		).toBe(403);
		expect((await w.konsulent.request('DELETE', `/api/v1/case-links/${revoked.id}`)).status).toBe(
			204
		);
		const r = await anonymous().request('GET', `/api/v1/links/${revoked.token}`);
		expect(r.status).toBe(409);
		expect(errorOf(r.body).message).toMatch(/trukket tilbage/);

		const expired = await createLink('detail-r1', 'detail-m1');
		await withServerDb(server.dataDir, (db) =>
			db
				.prepare('UPDATE case_links SET expires_at = ? WHERE id = ?')
				.run(Date.now() - 1, expired.id)
		);
		const e = await anonymous().request('GET', `/api/v1/links/${expired.token}`);
		expect(e.status).toBe(409);
		expect(errorOf(e.body).message).toMatch(/udløbet/);

		const unknown = await anonymous().request('GET', `/api/v1/links/${'x'.repeat(43)}`);
		expect(unknown.status).toBe(404);
		expect(errorOf(unknown.body).message).toMatch(/Linket findes ikke/);

		const notPlanned = await w.konsulent.request('POST', `/api/v1/cases/${caseId}/links`, {
			raterId: 'detail-r2',
			pointId: 'detail-m1'
		});
		expect(notPlanned.status).toBe(400);
	});
});

describe('outputs and closing', () => {
	it('makes the læringsbevis and progressionsskema PDFs and the CV text', async () => {
		await withServerDb(server.dataDir, async (db) => {
			const { recordAgreedLevel, recordGoal, recordNextStep } =
				await import('#lib/server/cases/index.ts');
			const { loadSessionUser } = await import('#lib/server/accounts/accounts.ts');
			const konsulentId = (
				db
					.prepare('SELECT user_id FROM case_staff WHERE case_id = ? AND role = ?')
					.get(caseId, 'jobkonsulent') as {
					user_id: string;
				}
			).user_id;
			const ctx = { actor: loadSessionUser(konsulentId)!, requestId: 'test' };
			recordAgreedLevel(ctx, caseId, { statementId: 'detail-s11', level: 'detail-a2-l5' });
			recordGoal(ctx, caseId, {
				goal: 'Jeg vil arbejde i butik',
				agreedOn: day(-10),
				subGoals: []
			});
			recordNextStep(ctx, caseId, { kind: 'flexJob', text: 'Fleksjob i Brugsen' });
		});
		const cvPhrase = w.template.areas[1].statements[1].cvPhrase;
		const laeringsbevis = await download(
			server,
			w.konsulent,
			`/api/v1/cases/${caseId}/laeringsbevis.pdf`
		);
		expect(laeringsbevis.status).toBe(200);
		expect(laeringsbevis.type).toBe('application/pdf');
		const text = await pdf.text(laeringsbevis.bytes);
		expect(text).toContain('Amalie Testesen');
		expect(text).toContain(cvPhrase);
		expect(text).toContain('Jeg vil arbejde i butik');
		expect(text).toContain('Fleksjob');
		const info = await pdf.info(laeringsbevis.bytes);
		expect(info.Tagged).toBe('yes');
		const progression = await download(
			server,
			w.admin,
			`/api/v1/cases/${caseId}/progressionsskema.pdf`
		);
		expect(progression.status).toBe(200);
		const progressionText = await pdf.text(progression.bytes);
		expect(progressionText).toContain('Virksomheden');
		expect(progressionText).toContain('Flot arbejde på lageret');
		const cv = caseCvSchema.parse(
			(await w.konsulent.request('GET', `/api/v1/cases/${caseId}/cv`)).body
		);
		expect(cv.cvPhrases).toContain(cvPhrase);
		expect(cv.minPlanText).toContain('Fleksjob i Brugsen');
	});

	it('closes the case: nothing more is recorded, links stop working', async () => {
		const link = await createLink('detail-r1', 'detail-m3');
		expect((await w.konsulent.request('POST', `/api/v1/cases/${caseId}/close`)).status).toBe(204);
		expect((await w.konsulent.request('POST', `/api/v1/cases/${caseId}/close`)).status).toBe(409);
		const rating = await w.konsulent.request('POST', `/api/v1/cases/${caseId}/ratings`, {
			pointId: 'detail-m3',
			raterId: 'detail-r3',
			statementId: 'detail-s10',
			level: null
		});
		expect(rating.status).toBe(409);
		expect(errorOf(rating.body).message).toMatch(/afsluttet/);
		const opened = await anonymous().request('GET', `/api/v1/links/${link.token}`);
		expect(opened.status).toBe(409);
		expect(errorOf(opened.body).message).toMatch(/afsluttet/);
		const list = caseListSchema.parse((await w.konsulent.request('GET', '/api/v1/cases')).body);
		expect(list.find((c) => c.id === caseId)?.stage).toBe('closed');
	});
});

describe('signatures and the next internship', () => {
	it('signs by a user and through a signing link, each signer once', async () => {
		const created = await w.konsulent.request<{ id: string }>('POST', '/api/v1/cases', NEW_CASE());
		const id = created.body.id;
		const token = await withServerDb(server.dataDir, async (db) => {
			const { createCaseLink, signCase } = await import('#lib/server/cases/index.ts');
			const { loadSessionUser } = await import('#lib/server/accounts/accounts.ts');
			void db;
			const ctx = { actor: loadSessionUser(w.konsulentId)!, requestId: 'test' };
			signCase(ctx, id, { signerId: 'detail-u3', name: 'Karen Konsulent' });
			expect(() => signCase(ctx, id, { signerId: 'detail-u3', name: 'Karen igen' })).toThrow(
				'cases.sign.already'
			);
			return createCaseLink(ctx, id, { signerId: 'detail-u1' }).token;
		});
		const form = caseLinkOpenedSchema.parse(
			(await anonymous().request('GET', `/api/v1/links/${token}`)).body
		);
		expect(form.kind).toBe('sign');
		expect(form.signer?.label).toBe('Den unge');
		expect(form.statements).toEqual([]);
		const cpr = await anonymous().request('POST', `/api/v1/links/${token}/signature`, {
			name: '010101-1234'
		});
		expect(cpr.status).toBe(400);
		const signed = await anonymous().request('POST', `/api/v1/links/${token}/signature`, {
			name: 'Amalie Testesen'
		});
		expect(signed.status).toBe(204);
		const again = await anonymous().request('POST', `/api/v1/links/${token}/signature`, {
			name: 'Amalie Testesen'
		});
		expect(again.status).toBe(409);
		const signatures = (await view(w.konsulent, id)).signatures;
		expect(signatures.map((s) => [s.signerId, s.name, s.by])).toEqual([
			['detail-u3', 'Karen Konsulent', 'user'],
			['detail-u1', 'Amalie Testesen', 'link']
		]);
	});

	it('starts a new case for the same young person from the previous case’s end ratings', async () => {
		const previous = await view(w.konsulent, caseId);
		const next = await w.konsulent.request<{ id: string }>('POST', '/api/v1/cases', {
			...NEW_CASE(),
			youngPerson: { firstName: 'Ignoreret', lastName: 'Navn' },
			previousCaseId: caseId
		});
		expect(next.status, JSON.stringify(next.body)).toBe(201);
		const started = await view(w.konsulent, next.body.id);
		expect(started.youngPerson).toEqual(previous.youngPerson);
		expect(started.ratings).toContainEqual(
			expect.objectContaining({
				pointId: 'detail-m1',
				raterId: 'detail-r1',
				statementId: 'detail-s11',
				level: 'detail-a2-l2'
			})
		);
		const strangers = await w.otherKonsulent.request('POST', '/api/v1/cases', {
			...NEW_CASE(),
			previousCaseId: caseId
		});
		expect(strangers.status).toBe(404);
	});
});

describe('deleting a case', () => {
	it('is for the administrator and removes the case with everything it holds', async () => {
		const created = await w.konsulent.request<{ id: string }>('POST', '/api/v1/cases', NEW_CASE());
		const id = created.body.id;
		const rated = await w.konsulent.request('POST', `/api/v1/cases/${id}/ratings`, {
			pointId: 'detail-m2',
			raterId: 'detail-r3',
			statementId: 'detail-s10',
			level: 'detail-a2-l3'
		});
		expect(rated.status).toBe(204);
		const counts = await withServerDb(server.dataDir, async (db) => {
			const { deleteCase } = await import('#lib/server/cases/index.ts');
			const { loadSessionUser } = await import('#lib/server/accounts/accounts.ts');
			const actor = (email: string) => {
				const user = db.prepare('SELECT id FROM users WHERE email = ?').get(email) as {
					id: string;
				};
				return { actor: loadSessionUser(user.id)!, requestId: 'test' };
			};
			expect(() =>
				deleteCase({ actor: loadSessionUser(w.konsulentId)!, requestId: 't' }, id, 'x')
			).toThrow('cases.forbidden');
			deleteCase(actor(server.logins.administrator[0].email), id, 'Borgeren har bedt om det');
			const count = (table: string) =>
				(
					db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE case_id = ?`).get(id) as {
						n: number;
					}
				).n;
			return ['case_ratings', 'case_staff', 'case_statements', 'case_sub_goals'].map(count);
		});
		expect(counts).toEqual([0, 0, 0, 0]);
		expect((await w.konsulent.request('GET', `/api/v1/cases/${id}`)).status).toBe(404);
	});
});

// Last: the throttle then refuses this address's link requests for ten minutes.
describe('the link throttle', () => {
	it('throttles unknown tokens per address', async () => {
		const guesses = await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				anonymous().request('GET', `/api/v1/links/guess-${i}-${'y'.repeat(30)}`)
			)
		);
		const statuses = guesses.map((g) => g.status);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
		expect(statuses.every((s) => s === 404 || s === 429)).toBe(true);
		const throttled = guesses.find((g) => g.status === 429)!;
		expect(errorOf(throttled.body).message).toMatch(/For mange forkerte links/);
	});
});
