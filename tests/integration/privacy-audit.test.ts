/**
 * The audit log and the retention setting against the real server: the administrator searches
 * their municipality's log by case, person and period and downloads it as CSV; another
 * municipality's administrator and the other roles are refused with a Danish message; the
 * database itself refuses UPDATE and DELETE of a log row; the retention period is set by the
 * administrator only, between 1 and 120 months.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { openDataDir } from '../support/collab-server.ts';
import { setUpMunicipalities, type RoleClients } from '../support/publications.ts';
import type { Municipality } from '../support/db.ts';
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';
import { auditSearchSchema } from '#lib/domain/privacy/api-schemas.ts';
import { writeAuditEntry } from '#lib/server/privacy/audit-log.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let as: RoleClients;
let orgId: string;
let other: Municipality;
let facilitatorId: string;

function withDb<T>(fn: (db: ReturnType<typeof openDataDir>) => T): T {
	const db = openDataDir(server.dataDir, false);
	try {
		db.exec('PRAGMA busy_timeout = 5000');
		return fn(db);
	} finally {
		db.close();
	}
}

function errorOf(response: { body: unknown }) {
	return apiErrorSchema.parse(response.body).error;
}

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

beforeAll(async () => {
	server = await startServer();
	({ as, orgId, other } = await setUpMunicipalities(server));
	const me = (await as.facilitator.request('GET', '/api/v1/me')).body as { id: string };
	facilitatorId = me.id;
	withDb((db) => {
		const base = { role: 'jobkonsulent', linkId: null, youngPersonId: 'yp-1', detail: '' };
		writeAuditEntry(db, {
			...base,
			orgId,
			action: 'read',
			caseId: 'case-1',
			userId: facilitatorId,
			purpose: { kind: 'followUp', text: '' },
			requestId: 'req-1',
			at: day('2026-03-01')
		});
		writeAuditEntry(db, {
			...base,
			orgId,
			action: 'change',
			caseId: 'case-2',
			userId: facilitatorId,
			purpose: { kind: 'other', text: 'Klage; "sag" =1' },
			requestId: 'req-2',
			at: day('2026-03-10')
		});
		writeAuditEntry(db, {
			...base,
			orgId: other.orgId,
			action: 'read',
			caseId: 'case-9',
			userId: facilitatorId,
			purpose: { kind: 'assessment', text: '' },
			requestId: 'req-9',
			at: day('2026-03-05')
		});
	});
}, 60_000);

afterAll(async () => {
	await server?.stop();
});

describe('audit log search', () => {
	it("finds the entries of the administrator's own municipality, by case, person and period", async () => {
		// Up to the end of March: the demo's own cases have entries of their own, from today.
		const all = auditSearchSchema.parse(
			(await as.admin.request('GET', '/api/v1/audit?to=2026-03-31')).body
		);
		expect(all.organisation).toBe(orgId);
		expect(all.entries.map((e) => e.requestId)).toEqual(['req-2', 'req-1']);
		expect(all.entries[0].actor).toMatchObject({ userId: facilitatorId, role: 'jobkonsulent' });

		const byCase = auditSearchSchema.parse(
			(await as.admin.request('GET', '/api/v1/audit?case=case-1')).body
		);
		expect(byCase.entries.map((e) => e.requestId)).toEqual(['req-1']);
		const byPerson = auditSearchSchema.parse(
			(await as.admin.request('GET', `/api/v1/audit?person=${facilitatorId}&from=2026-03-02`)).body
		);
		expect(byPerson.entries.map((e) => e.requestId)).toEqual(['req-2']);
		const period = auditSearchSchema.parse(
			(await as.admin.request('GET', '/api/v1/audit?from=2026-03-01&to=2026-03-01')).body
		);
		expect(period.entries.map((e) => e.requestId)).toEqual(['req-1']);
	});

	it('downloads the same search as CSV for a Danish spreadsheet', async () => {
		const response = await fetch(`${server.url}/api/v1/audit.csv?to=2026-03-31`, {
			headers: { cookie: as.admin.cookieHeader }
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
		const text = await response.text();
		const lines = text
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe(
			'Tidspunkt;Handling;Forløb;Ung;Person;Navn;Rolle;Link;Formål;Anmodning;Detaljer'
		);
		expect(lines).toHaveLength(3);
		expect(lines[1]).toContain('Ændret;case-2;yp-1');
		expect(lines[1]).toContain('"Andet: Klage; ""sag"" =1"');
		expect(text).not.toContain('req-9');
	});

	it("refuses another municipality's log, other roles and bad dates, in Danish", async () => {
		const foreign = await as.otherAdmin.request('GET', `/api/v1/audit?organisation=${orgId}`);
		expect(foreign.status).toBe(403);
		expect(errorOf(foreign).message).toBe(da.privacy.audit.otherOrg);
		const foreignCsv = await as.otherAdmin.request(
			'GET',
			`/api/v1/audit.csv?organisation=${orgId}`
		);
		expect(foreignCsv.status).toBe(403);
		// Their own log holds only their own entry.
		const own = auditSearchSchema.parse((await as.otherAdmin.request('GET', '/api/v1/audit')).body);
		expect(own.entries.map((e) => e.requestId)).toEqual(['req-9']);
		for (const client of [as.facilitator, as.member, as.staff]) {
			const refused = await client.request('GET', '/api/v1/audit');
			expect(refused.status).toBe(403);
			expect(errorOf(refused).message).toBe(da.privacy.adminOnly);
		}
		const badDate = await as.admin.request('GET', '/api/v1/audit?from=1.3.2026');
		expect(badDate.status).toBe(400);
		expect(errorOf(badDate).fields?.from).toBe(da.privacy.audit.badDate);
		const reversed = await as.admin.request('GET', '/api/v1/audit?from=2026-03-02&to=2026-03-01');
		expect(errorOf(reversed).fields?.to).toBe(da.privacy.audit.fromAfterTo);
	});

	it('is append-only in the database itself: UPDATE and DELETE are refused', () => {
		withDb((db) => {
			const count = () =>
				(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
			const before = count();
			expect(() => db.exec("UPDATE audit_log SET detail = 'x'")).toThrow(/append-only/);
			expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
			expect(() =>
				db.exec(
					"INSERT OR REPLACE INTO audit_log (id, org_id, at, actor_role, action, request_id) SELECT id, org_id, at, 'system', 'read', 'x' FROM audit_log LIMIT 1"
				)
			).toThrow(/append-only/);
			expect(count()).toBe(before);
			expect(
				(
					db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE detail = 'x'").get() as {
						n: number;
					}
				).n
			).toBe(0);
		});
	});
});

describe('retention setting', () => {
	const months = () =>
		withDb(
			(db) =>
				(
					db.prepare('SELECT retention_months AS m FROM organisations WHERE id = ?').get(orgId) as {
						m: number;
					}
				).m
		);

	it('starts at 12 months and is changed by the administrator', async () => {
		expect(months()).toBe(12);
		const set = await as.admin.request('PUT', `/api/v1/organisations/${orgId}/retention`, {
			months: 24
		});
		expect(set.status).toBe(200);
		expect(set.body).toEqual({ organisation: orgId, months: 24 });
		expect(months()).toBe(24);
	});

	it('refuses 0, more than ten years, other roles and other municipalities, changing nothing', async () => {
		const path = `/api/v1/organisations/${orgId}/retention`;
		const zero = await as.admin.request('PUT', path, { months: 0 });
		expect(zero.status).toBe(400);
		expect(errorOf(zero).fields?.months).toBe(da.privacy.retention.tooShort);
		const tooLong = await as.admin.request('PUT', path, { months: 121 });
		expect(errorOf(tooLong).fields?.months).toBe(da.privacy.retention.tooLong);
		for (const client of [as.facilitator, as.staff, as.otherAdmin]) {
			const refused = await client.request('PUT', path, { months: 6 });
			expect(refused.status).toBe(403);
			expect(errorOf(refused).message).toBe(da.privacy.adminOnly);
		}
		expect(months()).toBe(24);
	});
});
