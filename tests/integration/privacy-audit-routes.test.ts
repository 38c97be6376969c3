/**
 * Issue 14's "every case route and export writes exactly one audit entry" against the real
 * server. The routes come from `API_OPERATIONS`: every operation under /api/v1/cases,
 * /api/v1/case-links, /api/v1/links and /api/v1/young-people must have a row in `PROBES` below,
 * so a new case route without one fails here. Each probe calls its route (a person with a stated
 * purpose, or a link holder) and reads the `audit_log` rows the call added: exactly one, with
 * the route's action, purpose, actor (user or link), case and the response's request id. Reads
 * without a purpose are refused with 428 and write nothing. The case page's form actions (the
 * browser's enhanced post) write one entry each, and opening the page writes one read (the CV
 * text it shows used to be logged as an export of its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { withServerDb } from '../support/db.ts';
import { auditRowsAfter as rowsAfter, lastAuditId as lastId } from '../support/audit-rows.ts';
import { caseWorld, type CaseWorld } from '../support/cases.ts';
import type { ApiClient, ApiResponse } from '../support/http.ts';
import { API_OPERATIONS } from '#lib/server/http/api-operations.ts';
import { PURPOSE_HEADER, purposeHeaderValue } from '#lib/domain/privacy/purposes.ts';
import type { AuditAction } from '#lib/domain/privacy/audit.ts';
import { caseCvSchema, createdCaseLinkSchema } from '#lib/domain/cases/api-schemas.ts';

/** The paths whose operations touch a case or a young person's data. */
const CASE_PATHS = /^\/api\/v1\/(cases|case-links|links|young-people)(\/|$)/;

let server: TestServer;
let w: CaseWorld;
/** The case most probes use; closed by the last probe. */
let caseId: string;
let youngPersonId: string;
/** Made before the probes run, so each probe's window holds only its own call. */
let rateLink: { id: string; token: string };
let signLink: { id: string; token: string };
let revokableLinkId: string;
/** The case started by the `POST /api/v1/cases` probe. */
let startedCaseId = '';
/** A young person with one case of their own, for the access export's probe. */
let exportCase: { caseId: string; youngPersonId: string };
let adminId: string;

/** A purpose with text, so the entry's text is checked too. */
const PURPOSE = { kind: 'other', text: 'Klage over afgørelse' } as const;

function day(offset: number): string {
	return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

const NEW_CASE = () => ({
	publicationId: w.versionId,
	youngPerson: { firstName: 'Asta', lastName: 'Logsen' },
	company: 'Brugsen Thisted',
	start: day(-10),
	end: day(40),
	targetGroup: 'uddannelsesparat'
});

const anonymous = (): ApiClient =>
	new (w.konsulent.constructor as new (url: string) => ApiClient)(server.url);

/** A person's call with the test's purpose (or the one given, '' for none). */
function asKonsulent(method: string, path: string, body?: unknown, purpose?: string) {
	return w.konsulent.request(method, path, body, {
		[PURPOSE_HEADER]: purpose ?? purposeHeaderValue(PURPOSE)
	});
}

const auditRowsAfter = (id: number) => rowsAfter(server.dataDir, id);
const lastAuditId = () => lastId(server.dataDir);

type Probe = {
	/** What the call does; the expected status. */
	call: () => Promise<ApiResponse>;
	status: number;
	/** The audit action and the cases module's finer action (the detail's first word). */
	action: AuditAction;
	detail: string;
	/**
	 * A person with the test's purpose (the jobkonsulent, or the administrator for the access
	 * export), or the holder of this link (no purpose).
	 */
	by: 'konsulent' | 'admin' | (() => string);
	/** The case the entry names: null for the list. */
	caseId: () => string | null;
	/** A person's read of a case: refused (428) without a purpose, nothing written. */
	needsPurpose?: boolean;
};

/** A person's read or export of the test's case: refused without a purpose. */
function personRead(suffix: string, action: 'read' | 'export'): Probe {
	return {
		call: () => asKonsulent('GET', `/api/v1/cases/${caseId}${suffix}`),
		status: 200,
		action,
		detail: action,
		by: 'konsulent',
		caseId: () => caseId,
		needsPurpose: true
	};
}

/**
 * One row per case operation, in the order they run (closing last).
 */
const PROBES: Record<string, Probe> = {
	'get /api/v1/cases': {
		call: () => asKonsulent('GET', '/api/v1/cases'),
		status: 200,
		action: 'read',
		detail: 'list',
		by: 'konsulent',
		caseId: () => null
	},
	'post /api/v1/cases': {
		call: async () => {
			const response = await asKonsulent('POST', '/api/v1/cases', NEW_CASE());
			startedCaseId = (response.body as { id: string }).id;
			return response;
		},
		status: 201,
		action: 'change',
		detail: 'create',
		by: 'konsulent',
		caseId: () => startedCaseId
	},
	'get /api/v1/cases/{id}': personRead('', 'read'),
	'post /api/v1/cases/{id}/ratings': {
		call: () =>
			asKonsulent('POST', `/api/v1/cases/${caseId}/ratings`, {
				pointId: 'detail-m2',
				raterId: 'detail-r3',
				statementId: 'detail-s10',
				level: 'detail-a2-l3'
			}),
		status: 204,
		action: 'change',
		detail: 'rate',
		by: 'konsulent',
		caseId: () => caseId
	},
	'post /api/v1/cases/{id}/links': {
		call: () =>
			asKonsulent('POST', `/api/v1/cases/${caseId}/links`, {
				raterId: 'detail-r1',
				pointId: 'detail-m1'
			}),
		status: 201,
		action: 'link-create',
		detail: 'link-create',
		by: 'konsulent',
		caseId: () => caseId
	},
	'get /api/v1/links/{token}': {
		call: () => anonymous().request('GET', `/api/v1/links/${rateLink.token}`),
		status: 200,
		action: 'read',
		detail: 'link-open',
		by: () => rateLink.id,
		caseId: () => caseId
	},
	'post /api/v1/links/{token}/answers': {
		call: async () => {
			const opened = await anonymous().request<{ statements: { id: string }[] }>(
				'GET',
				`/api/v1/links/${rateLink.token}`
			);
			const answers = opened.body.statements.map((s) => ({ statementId: s.id, level: null }));
			// Opening it above wrote its own entry: the window starts after it.
			probeStart = lastAuditId();
			return anonymous().request('POST', `/api/v1/links/${rateLink.token}/answers`, { answers });
		},
		status: 204,
		action: 'link-use',
		detail: 'link-use',
		by: () => rateLink.id,
		caseId: () => caseId
	},
	'post /api/v1/links/{token}/signature': {
		call: () =>
			anonymous().request('POST', `/api/v1/links/${signLink.token}/signature`, {
				name: 'Asta Logsen'
			}),
		status: 204,
		action: 'sign',
		detail: 'sign',
		by: () => signLink.id,
		caseId: () => caseId
	},
	'delete /api/v1/case-links/{id}': {
		call: () => asKonsulent('DELETE', `/api/v1/case-links/${revokableLinkId}`),
		status: 204,
		action: 'change',
		detail: 'link-revoke',
		by: 'konsulent',
		caseId: () => caseId
	},
	'get /api/v1/cases/{id}/laeringsbevis.pdf': personRead('/laeringsbevis.pdf', 'export'),
	'get /api/v1/cases/{id}/progressionsskema.pdf': personRead('/progressionsskema.pdf', 'export'),
	'get /api/v1/cases/{id}/cv': personRead('/cv', 'export'),
	// The access export writes one entry per case of the young person: this one has one case.
	'get /api/v1/young-people/{id}/export': {
		call: () =>
			w.admin.request('GET', `/api/v1/young-people/${exportCase.youngPersonId}/export`, undefined, {
				[PURPOSE_HEADER]: purposeHeaderValue(PURPOSE)
			}),
		status: 200,
		action: 'export',
		detail: 'export',
		by: 'admin',
		caseId: () => exportCase.caseId
	},
	'post /api/v1/cases/{id}/close': {
		call: () => asKonsulent('POST', `/api/v1/cases/${caseId}/close`),
		status: 204,
		action: 'change',
		detail: 'close',
		by: 'konsulent',
		caseId: () => caseId
	}
};

/** Where the current probe's window starts (a probe may move it past its own setup calls). */
let probeStart = 0;

beforeAll(async () => {
	server = await startServer();
	w = await caseWorld(server);
	const created = await asKonsulent('POST', '/api/v1/cases', {
		...NEW_CASE(),
		caseworkerId: w.sagsbehandlerId
	});
	expect(created.status, JSON.stringify(created.body)).toBe(201);
	caseId = (created.body as { id: string }).id;
	const link = async (raterId: string, pointId: string) => {
		const response = await asKonsulent('POST', `/api/v1/cases/${caseId}/links`, {
			raterId,
			pointId
		});
		const made = createdCaseLinkSchema.parse(response.body);
		return { id: made.id, token: made.url.split('/r/')[1] };
	};
	rateLink = await link('detail-r2', 'detail-m3');
	revokableLinkId = (await link('detail-r1', 'detail-m3')).id;
	const exported = await asKonsulent('POST', '/api/v1/cases', {
		...NEW_CASE(),
		youngPerson: { firstName: 'Ivar', lastName: 'Indsigt' }
	});
	expect(exported.status, JSON.stringify(exported.body)).toBe(201);
	const exportCaseId = (exported.body as { id: string }).id;
	adminId = ((await w.admin.request('GET', '/api/v1/me')).body as { id: string }).id;
	// The API makes rating links only; a signing link is made the way the case page makes it.
	signLink = await withServerDb(server.dataDir, async (db) => {
		const { createCaseLink } = await import('#lib/server/cases/index.ts');
		const { loadSessionUser } = await import('#lib/server/accounts/accounts.ts');
		youngPersonId = (
			db.prepare('SELECT young_person_id AS id FROM cases WHERE id = ?').get(caseId) as {
				id: string;
			}
		).id;
		exportCase = {
			caseId: exportCaseId,
			youngPersonId: (
				db.prepare('SELECT young_person_id AS id FROM cases WHERE id = ?').get(exportCaseId) as {
					id: string;
				}
			).id
		};
		const ctx = { actor: loadSessionUser(w.konsulentId)!, requestId: 'test-setup' };
		const made = createCaseLink(ctx, caseId, { signerId: 'detail-u1' });
		return { id: made.id, token: made.token };
	});
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

describe('one audit entry per case route', () => {
	it('has a probe for every case operation of the API, and no probe for a route that is gone', () => {
		const operations = API_OPERATIONS.filter((op) => CASE_PATHS.test(op.path)).map(
			(op) => `${op.method} ${op.path}`
		);
		const missing = operations.filter((key) => !(key in PROBES));
		expect(missing, 'case routes without an audit probe in this test').toEqual([]);
		expect(Object.keys(PROBES).filter((key) => !operations.includes(key))).toEqual([]);
	});

	for (const [key, probe] of Object.entries(PROBES)) {
		it(`${key} writes exactly one entry: ${probe.action} by ${typeof probe.by === 'string' ? 'the person, with the purpose' : 'the link'}`, async () => {
			probeStart = lastAuditId();
			const response = await probe.call();
			expect(response.status, JSON.stringify(response.body)).toBe(probe.status);
			const rows = auditRowsAfter(probeStart);
			expect(rows, JSON.stringify(rows)).toHaveLength(1);
			const [row] = rows;
			expect(row.request_id).toBe(response.headers.get('x-request-id'));
			expect(row.action).toBe(probe.action);
			expect(row.detail.split(' ')[0]).toBe(probe.detail);
			expect(row.case_id).toBe(probe.caseId());
			if (probe.caseId() !== null && probe.caseId() === caseId) {
				expect(row.young_person_id).toBe(youngPersonId);
			}
			if (probe.by === 'admin') {
				expect(row).toMatchObject({
					actor_user_id: adminId,
					link_id: null,
					purpose: PURPOSE.kind,
					purpose_text: PURPOSE.text
				});
			} else if (probe.by === 'konsulent') {
				expect(row).toMatchObject({
					actor_user_id: w.konsulentId,
					actor_role: 'jobkonsulent',
					link_id: null,
					purpose: PURPOSE.kind,
					purpose_text: PURPOSE.text
				});
			} else {
				expect(row).toMatchObject({
					actor_user_id: null,
					actor_role: 'link',
					link_id: probe.by(),
					purpose: null
				});
			}
		});
	}

	it('refuses a read or export without a purpose with 428 and writes nothing', async () => {
		const reads = Object.entries(PROBES).filter(([, probe]) => probe.needsPurpose);
		expect(reads.length).toBeGreaterThan(0);
		for (const [key] of reads) {
			const path = key.split(' ')[1].replace('{id}', caseId);
			const before = lastAuditId();
			const response = await asKonsulent('GET', path, undefined, '');
			expect(response.status, key).toBe(428);
			expect(auditRowsAfter(before), key).toEqual([]);
		}
	});
});

/** The case page's form actions (the browser's enhanced post) that store one thing each. */
const PAGE_ACTIONS: { action: string; fields: () => Record<string, string>; detail: string }[] = [
	{
		action: 'createLink',
		fields: () => ({ raterId: 'detail-r1', pointId: 'detail-m1' }),
		detail: 'link-create'
	},
	{ action: 'revokeLink', fields: () => ({ linkId: pageLinkId }), detail: 'link-revoke' },
	{
		action: 'agree',
		fields: () => ({ statementId: 'detail-s10', level: 'detail-a2-l3' }),
		detail: 'update'
	},
	{
		action: 'progress',
		fields: () => ({ pointId: 'detail-m1', hours: '12', tasks: 'Varemodtagelse' }),
		detail: 'update'
	},
	{
		action: 'sign',
		fields: () => ({ signerId: 'detail-u3', name: 'Karen Konsulent' }),
		detail: 'sign'
	},
	{ action: 'close', fields: () => ({}), detail: 'close' }
];
let pageCaseId = '';
let pageLinkId = '';

describe('one audit entry per case page action', () => {
	const post = (path: string, fields: Record<string, string>) =>
		fetch(`${server.url}${path}`, {
			method: 'POST',
			headers: {
				cookie: w.konsulent.cookieHeader,
				origin: server.url,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams(fields).toString(),
			redirect: 'manual'
		});

	beforeAll(async () => {
		const created = await asKonsulent('POST', '/api/v1/cases', NEW_CASE());
		pageCaseId = (created.body as { id: string }).id;
		// The purpose, asked once per case per session, is stated on /formaal.
		const next = encodeURIComponent(`/cases/${pageCaseId}`);
		const stated = await post(`/formaal?case=${pageCaseId}&next=${next}`, { kind: 'complaint' });
		expect(stated.status).toBeLessThan(400);
	});

	for (const { action, fields, detail } of PAGE_ACTIONS) {
		it(`?/${action} writes one entry with the session’s purpose`, async () => {
			const before = lastAuditId();
			const response = await post(`/cases/${pageCaseId}?/${action}`, fields());
			expect(response.status).toBe(200);
			const result = (await response.json()) as { type: string; data?: string };
			expect(result.type, JSON.stringify(result)).toBe('success');
			const rows = auditRowsAfter(before);
			expect(rows, JSON.stringify(rows)).toHaveLength(1);
			expect(rows[0]).toMatchObject({
				case_id: pageCaseId,
				actor_user_id: w.konsulentId,
				actor_role: 'jobkonsulent',
				purpose: 'complaint',
				request_id: response.headers.get('x-request-id')
			});
			expect(rows[0].detail.split(' ')[0]).toBe(detail);
			if (action === 'createLink') {
				pageLinkId = (JSON.parse(rows[0].detail.slice(12)) as { linkId: string }).linkId;
			}
		});
	}
	// After the actions above: the agreed level gives the case a CV phrase to show.
	it('opening the case page writes one read entry; the CV text it shows is no export', async () => {
		const cv = caseCvSchema.parse(
			(await asKonsulent('GET', `/api/v1/cases/${pageCaseId}/cv`)).body
		);
		expect(cv.cvPhrases.length).toBeGreaterThan(0);
		const before = lastAuditId();
		const response = await fetch(`${server.url}/cases/${pageCaseId}`, {
			headers: { cookie: w.konsulent.cookieHeader }
		});
		expect(response.status).toBe(200);
		expect(await response.text()).toContain(cv.cvPhrases[0]);
		const rows = auditRowsAfter(before);
		expect(rows.map((r) => [r.action, r.detail, r.purpose])).toEqual([
			['read', 'read', 'complaint']
		]);
	});
});
