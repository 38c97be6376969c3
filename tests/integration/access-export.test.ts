/**
 * The citizen's access export (indsigt, issue 14) against the real server: the administrator
 * downloads everything about one young person as a ZIP, read back with fflate and pdftotext;
 * the JSON holds what was recorded on both of their cases and nothing of another young person;
 * the access log has dates, purposes and roles but no staff name, e-mail or id; the export is
 * one audit entry per case; every refusal (a case's own staff, another municipality, an unknown
 * id, no purpose) writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { startServer, type TestServer } from '../support/server.ts';
import { withServerDb } from '../support/db.ts';
import { caseWorld, type CaseWorld } from '../support/cases.ts';
import { pdfReaders } from '../support/exports.ts';
import type { ApiClient } from '../support/http.ts';
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';
import { caseLinkOpenedSchema, createdCaseLinkSchema } from '#lib/domain/cases/api-schemas.ts';
import { PURPOSE_HEADER } from '#lib/domain/privacy/purposes.ts';

let server: TestServer;
let w: CaseWorld;
let firstCase: string;
let secondCase: string;
let strangerCase: string;
let youngPersonId: string;
let adminId: string;
const pdf = pdfReaders();

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const newCase = (firstName: string, lastName: string) => ({
	publicationId: w.versionId,
	youngPerson: { firstName, lastName },
	company: 'Brugsen Thisted',
	mentorName: 'Mette Mentor',
	start: day(-30),
	end: day(20),
	targetGroup: 'aktivitetsparat'
});

async function created(response: Promise<{ status: number; body: unknown }>): Promise<string> {
	const r = await response;
	expect(r.status, JSON.stringify(r.body)).toBe(201);
	return (r.body as { id: string }).id;
}

/** GET the export as `client`, with `purpose` as the header (null: none sent). */
async function exportAs(
	client: ApiClient,
	id: string,
	purpose: string | null = 'complaint',
	query = ''
) {
	const headers: Record<string, string> = { cookie: client.cookieHeader };
	if (purpose !== null) headers[PURPOSE_HEADER] = purpose;
	const response = await fetch(`${server.url}/api/v1/young-people/${id}/export${query}`, {
		headers
	});
	return {
		status: response.status,
		headers: response.headers,
		bytes: new Uint8Array(await response.arrayBuffer())
	};
}

const auditCount = () =>
	withServerDb(server.dataDir, (db) => {
		return (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
	});

beforeAll(async () => {
	server = await startServer();
	w = await caseWorld(server);
	adminId = ((await w.admin.request('GET', '/api/v1/me')).body as { id: string }).id;
	firstCase = await created(
		w.konsulent.request('POST', '/api/v1/cases', {
			...newCase('Åse', 'Ørsted'),
			caseworkerId: w.sagsbehandlerId
		})
	);
	// A rating in the app, with a comment.
	const rating = await w.konsulent.request('POST', `/api/v1/cases/${firstCase}/ratings`, {
		pointId: 'detail-m2',
		raterId: 'detail-r3',
		statementId: 'detail-s10',
		level: 'detail-a2-l3',
		comment: 'Hjælper kollegerne med varerne'
	});
	expect(rating.status).toBe(204);
	// A rating through the young person's link.
	const link = createdCaseLinkSchema.parse(
		(
			await w.konsulent.request('POST', `/api/v1/cases/${firstCase}/links`, {
				raterId: 'detail-r1',
				pointId: 'detail-m3'
			})
		).body
	);
	const token = link.url.split('/r/')[1];
	const holder = new (w.konsulent.constructor as new (url: string) => ApiClient)(server.url);
	const opened = caseLinkOpenedSchema.parse(
		(await holder.request('GET', `/api/v1/links/${token}`)).body
	);
	const answered = await holder.request('POST', `/api/v1/links/${token}/answers`, {
		answers: opened.statements.map((s) => ({
			statementId: s.id,
			level: s.levels[0].id,
			comment: 'Jeg lærte at tale med kunderne'
		}))
	});
	expect(answered.status, JSON.stringify(answered.body)).toBe(204);
	await withServerDb(server.dataDir, async () => {
		const { recordGoal, recordNextStep, signCase } = await import('#lib/server/cases/index.ts');
		const { loadSessionUser } = await import('#lib/server/accounts/accounts.ts');
		const ctx = { actor: loadSessionUser(w.konsulentId)!, requestId: 'test' };
		recordGoal(ctx, firstCase, {
			goal: 'Jeg vil arbejde i butik',
			agreedOn: day(-30),
			subGoals: []
		});
		recordNextStep(ctx, firstCase, { kind: 'flexJob', text: 'Fleksjob i Brugsen' });
		signCase(ctx, firstCase, { signerId: 'detail-u1', name: 'Åse Ørsted' });
	});
	// The consultant opens the case to assess it: the log must show that as a role.
	const read = await w.konsulent.request('GET', `/api/v1/cases/${firstCase}`, undefined, {
		[PURPOSE_HEADER]: 'assessment'
	});
	expect(read.status).toBe(200);
	youngPersonId = (read.body as { youngPerson: { id: string } }).youngPerson.id;
	secondCase = await created(
		w.konsulent.request('POST', '/api/v1/cases', {
			...newCase('Ignoreret', 'Navn'),
			start: day(-5),
			previousCaseId: firstCase
		})
	);
	strangerCase = await created(
		w.konsulent.request('POST', '/api/v1/cases', newCase('Bent', 'Fremmed'))
	);
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

describe('the access export', () => {
	let files: Record<string, Uint8Array>;
	const json = (name: string) => JSON.parse(strFromU8(files[name])) as Record<string, unknown>;

	it('is a ZIP with a Danish file name, one export entry per case with its purpose', async () => {
		const before = await auditCount();
		const response = await exportAs(w.admin, youngPersonId, 'complaint');
		expect(response.status, strFromU8(response.bytes)).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		const disposition = response.headers.get('content-disposition') ?? '';
		expect(disposition).toMatch(
			/^attachment; filename="Indsigt-Aase-Oersted-\d{4}-\d{2}-\d{2}\.zip"/
		);
		expect(disposition).toContain("filename*=UTF-8''Indsigt-%C3%85se-%C3%98rsted-");
		files = unzipSync(response.bytes);
		const folders = [`forloeb/1-${day(-30)}`, `forloeb/2-${day(-5)}`];
		expect(Object.keys(files).sort()).toEqual(
			[
				'LAES-MIG.txt',
				'person.json',
				'adgangslog.json',
				...folders.flatMap((f) => [
					`${f}/case.json`,
					`${f}/laeringsbevis.pdf`,
					`${f}/progressionsskema.pdf`
				])
			].sort()
		);
		const entries = await withServerDb(
			server.dataDir,
			(db) =>
				db.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id').all(before) as {
					action: string;
					case_id: string;
					purpose: string;
					actor_user_id: string;
				}[]
		);
		expect(await auditCount()).toBe(before + 2);
		expect(entries.map((e) => [e.action, e.case_id, e.purpose, e.actor_user_id])).toEqual([
			['export', firstCase, 'complaint', adminId],
			['export', secondCase, 'complaint', adminId]
		]);
	});

	it('holds the person and everything recorded on their cases, and no one else', () => {
		const person = json('person.json');
		expect(person).toMatchObject({ id: youngPersonId, fornavn: 'Åse', efternavn: 'Ørsted' });
		expect((person.forloeb as { id: string }[]).map((c) => c.id)).toEqual([firstCase, secondCase]);
		const first = json(`forloeb/1-${day(-30)}/case.json`);
		expect(first.forloeb).toMatchObject({
			id: firstCase,
			virksomhed: 'Brugsen Thisted',
			mentor: 'Mette Mentor',
			maalgruppe: 'aktivitetsparat'
		});
		expect(first.medarbejdere).toEqual([{ rolle: 'jobkonsulent' }, { rolle: 'sagsbehandler' }]);
		expect(first.maal).toMatchObject({ tekst: 'Jeg vil arbejde i butik', aftaltDen: day(-30) });
		const ratings = first.vurderinger as Record<string, unknown>[];
		const statement = w.template.areas
			.flatMap((a) => a.statements)
			.find((s) => s.id === 'detail-s10')!;
		expect(ratings).toContainEqual(
			expect.objectContaining({
				udsagn: statement.text,
				kommentar: 'Hjælper kollegerne med varerne',
				givetVia: 'app'
			})
		);
		expect(ratings).toContainEqual(
			expect.objectContaining({ kommentar: 'Jeg lærte at tale med kunderne', givetVia: 'link' })
		);
		expect(first.naesteSkridt).toEqual({ type: 'Fleksjob', tekst: 'Fleksjob i Brugsen' });
		expect(first.underskrifter).toEqual([
			expect.objectContaining({ navn: 'Åse Ørsted', givetVia: 'app' })
		]);
		expect(first.links).toEqual([
			expect.objectContaining({
				type: 'vurdering',
				brugt: expect.any(String) as unknown,
				tilbagekaldt: null
			})
		]);
		expect(json(`forloeb/2-${day(-5)}/case.json`).forloeb).toMatchObject({
			id: secondCase,
			tidligereForloeb: firstCase
		});
		const everything = Object.values(files)
			.map((f) => strFromU8(f, true))
			.join('\n');
		expect(everything).not.toContain(strangerCase);
		expect(everything).not.toContain('Fremmed');
		expect(strFromU8(files['LAES-MIG.txt'])).toContain('Indsigt i oplysninger om Åse Ørsted');
	});

	it('never holds a link token hash or a staff member’s name, e-mail or id', async () => {
		const secrets = await withServerDb(server.dataDir, (db) => {
			const hashes = db.prepare('SELECT token_hash AS v FROM case_links').all() as { v: string }[];
			const staff = db
				.prepare('SELECT id, name, email FROM users WHERE id IN (?, ?, ?)')
				.all(w.konsulentId, w.sagsbehandlerId, adminId) as Record<string, string>[];
			expect(staff.length).toBe(3);
			expect(hashes.length).toBeGreaterThan(0);
			return [...hashes.map((h) => h.v), ...staff.flatMap((u) => [u.id, u.name, u.email])];
		});
		const texts = Object.entries(files)
			.filter(([name]) => !name.endsWith('.pdf'))
			.map(([, bytes]) => strFromU8(bytes));
		for (const secret of secrets) {
			for (const text of texts) expect(text).not.toContain(secret);
		}
	});

	it('has an access log with dates, purposes and roles', () => {
		const log = JSON.parse(strFromU8(files['adgangslog.json'])) as Record<string, unknown>[];
		for (const entry of log) {
			expect(Object.keys(entry).sort()).toEqual(
				['forloeb', 'formaal', 'handling', 'rolle', 'tidspunkt'].sort()
			);
			expect(Number.isNaN(Date.parse(entry.tidspunkt as string))).toBe(false);
		}
		expect(log).toContainEqual(
			expect.objectContaining({
				forloeb: firstCase,
				handling: 'Læst',
				formaal: 'Vurdering',
				rolle: 'Jobkonsulent'
			})
		);
		expect(log).toContainEqual(
			expect.objectContaining({
				forloeb: firstCase,
				handling: 'Link brugt',
				rolle: expect.stringMatching(/^Link/) as unknown
			})
		);
		expect(log.filter((e) => e.handling === 'Udskrevet' && e.rolle === 'Administrator')).toEqual([
			expect.objectContaining({ forloeb: firstCase, formaal: 'Klage' }),
			expect.objectContaining({ forloeb: secondCase, formaal: 'Klage' })
		]);
	});

	it('holds both PDFs of each case, made as the case routes make them', async () => {
		const folder = `forloeb/1-${day(-30)}`;
		const bevis = await pdf.text(files[`${folder}/laeringsbevis.pdf`]);
		expect(bevis).toContain('Åse Ørsted');
		expect(bevis).toContain('Jeg vil arbejde i butik');
		expect(bevis).toContain('Fleksjob');
		const skema = await pdf.text(files[`${folder}/progressionsskema.pdf`]);
		expect(skema).toContain('Åse Ørsted');
		expect(skema).toContain('Hjælper kollegerne med varerne');
		expect(await pdf.text(files[`forloeb/2-${day(-5)}/laeringsbevis.pdf`])).toContain('Åse Ørsted');
	});

	it('takes the purpose as ?purpose= too', async () => {
		const response = await exportAs(w.admin, youngPersonId, null, '?purpose=printout');
		expect(response.status).toBe(200);
		expect(Object.keys(unzipSync(response.bytes))).toContain('adgangslog.json');
	});
});

describe('refusals write nothing', () => {
	it.each([
		['the case’s own jobkonsulent', () => w.konsulent, () => youngPersonId, 403],
		['its sagsbehandler', () => w.sagsbehandler, () => youngPersonId, 403],
		['staff', () => w.staff, () => youngPersonId, 403],
		['another municipality’s administrator', () => w.otherAdmin, () => youngPersonId, 404],
		['an unknown young person', () => w.admin, () => 'ukendt-ung-0000', 404]
	])('refuses %s', async (_who, client, id, status) => {
		const before = await auditCount();
		const response = await exportAs(client(), id());
		expect(response.status).toBe(status);
		const error = apiErrorSchema.parse(JSON.parse(strFromU8(response.bytes))).error;
		expect(error.message).toMatch(/[æøå]|findes ikke|administrator/i);
		expect(await auditCount()).toBe(before);
	});

	it('refuses the administrator without a purpose (428) or with a wrong one (400)', async () => {
		const before = await auditCount();
		const none = await exportAs(w.admin, youngPersonId, null);
		expect(none.status).toBe(428);
		expect(apiErrorSchema.parse(JSON.parse(strFromU8(none.bytes))).error.code).toBe(
			'purpose_required'
		);
		expect((await exportAs(w.admin, youngPersonId, 'nysgerrighed')).status).toBe(400);
		const anonymous = await fetch(`${server.url}/api/v1/young-people/${youngPersonId}/export`, {
			headers: { [PURPOSE_HEADER]: 'complaint' }
		});
		expect(anonymous.status).toBe(401);
		expect(await auditCount()).toBe(before);
	});
});
