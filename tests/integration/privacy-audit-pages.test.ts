/**
 * Issue 14's "exactly one audit entry per request", for the case pages (the API's routes are in
 * privacy-audit-routes.test.ts). The pages come from the route files: every `+page.server.ts`
 * that uses the cases module, its load and each of its form actions, must have a row in `PROBES`,
 * so a new action without one fails here. Each probe is sent the two ways a browser sends it:
 * a load as a full page and as the client's `__data.json` (navigation, or `invalidateAll` after an
 * enhanced post: a request of its own); an action as an enhanced post (`x-sveltekit-action`,
 * answered with JSON) and as a plain no-JS post (answered with the page rendered again in the
 * same request, or a redirect). Each must add exactly one entry with the right action, detail,
 * case, actor and purpose, carrying the response's request id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { withServerDb } from '../support/db.ts';
import { auditRowsAfter as rowsAfter, lastAuditId as lastId } from '../support/audit-rows.ts';
import { caseWorld, type CaseWorld } from '../support/cases.ts';
import type { ApiClient } from '../support/http.ts';
import type { AuditAction } from '#lib/domain/privacy/audit.ts';
import { createdCaseLinkSchema } from '#lib/domain/cases/api-schemas.ts';

const ROUTES = path.resolve('src/routes');

/** Every page route that uses the cases module, with its form actions (from the files). */
function casePages(): string[] {
	const keys: string[] = [];
	for (const file of fs.readdirSync(ROUTES, { recursive: true }) as string[]) {
		if (path.basename(file) !== '+page.server.ts') continue;
		const source = fs.readFileSync(path.join(ROUTES, file), 'utf8');
		if (!source.includes('#lib/server/cases/index.ts')) continue;
		const route = path.dirname(file).split(path.sep).join('/');
		keys.push(`${route} load`);
		const actions = source.split('export const actions')[1] ?? '';
		for (const [, name] of actions.matchAll(/^\t(\w+): async/gm)) keys.push(`${route} ?/${name}`);
	}
	return keys.sort();
}

let server: TestServer;
let w: CaseWorld;
let adminId: string;
/** The case most probes use, the cases the two `close` runs close, and links made beforehand. */
let caseId = '';
let closing: string[] = [];
let rateLinks: { id: string; token: string }[] = [];
let signLinks: { id: string; token: string }[] = [];
let openLink: { id: string; token: string };
let revokable: string[] = [];
let planned: string[] = [];
let youngPersonId = '';

type Run = 0 | 1;
type Probe = {
	/** The path requested (a form action's path includes its `?/name`). */
	path: (run: Run) => string;
	/** A form action's fields; none for a load (a GET). */
	fields?: (run: Run) => Promise<string[][]> | string[][];
	/** True when a successful post redirects (no-JS: 303; enhanced: a `redirect` result). */
	redirects?: boolean;
	action: AuditAction;
	detail: string;
	/** What the entry's detail holds besides its first word (a whole form names what changed). */
	detailHas?: (run: Run) => Record<string, unknown>;
	/** The case the entry names; `location` is where a post redirected. */
	caseId: (run: Run, location: string) => string | null;
	by: 'konsulent' | 'admin' | ((run: Run) => string);
	purpose: string | null;
	/** Requests that write no entry themselves (a redirect to the API route that does). */
	entries?: 0;
};

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const NEW_CASE = () => ({
	publicationId: w.versionId,
	youngPerson: { firstName: 'Side', lastName: 'Logsen' },
	company: 'Brugsen Thisted',
	start: day(-10),
	end: day(40)
});
const onCase = (suffix: string) => () => `/cases/${caseId}${suffix}`;
const theCase = () => caseId;
const RATE_QUERY = '?point=detail-m2&rater=detail-r3';

/** A link's answers, "ikke vurderet" for each statement it shows. */
async function linkAnswers(token: string): Promise<string[][]> {
	const anonymous = new (w.konsulent.constructor as new (url: string) => ApiClient)(server.url);
	const opened = await anonymous.request<{ statements: { id: string }[] }>(
		'GET',
		`/api/v1/links/${token}`
	);
	return opened.body.statements.map((s) => [`level-${s.id}`, 'none']);
}

const PROBES: Record<string, Probe> = {
	'(app)/admin/persondata/indsigt load': {
		path: () => '/admin/persondata/indsigt?q=Side',
		action: 'read',
		detail: 'list',
		caseId: () => null,
		by: 'admin',
		purpose: null
	},
	// It only sends the browser on to the API's access export, which writes that request's entry.
	'(app)/admin/persondata/indsigt ?/export': {
		path: () => `/admin/persondata/indsigt?person=${youngPersonId}&/export`,
		fields: () => [['kind', 'complaint']],
		redirects: true,
		action: 'export',
		detail: 'export',
		caseId: () => null,
		by: 'admin',
		purpose: null,
		entries: 0
	},
	'(app)/cases load': {
		path: () => '/cases',
		action: 'read',
		detail: 'list',
		caseId: () => null,
		by: 'konsulent',
		purpose: null
	},
	'(app)/cases/new load': {
		path: () => '/cases/new',
		action: 'read',
		detail: 'list',
		caseId: () => null,
		by: 'konsulent',
		purpose: null
	},
	'(app)/cases/new ?/start': {
		path: () => '/cases/new?/start',
		fields: () => [
			['publicationId', w.versionId],
			['company', 'Brugsen Thisted'],
			['start', day(-10)],
			['end', day(40)],
			['youngPerson.firstName', 'Sofus'],
			['youngPerson.lastName', 'Start'],
			['statementIds', 'detail-s1'],
			['statementIds', 'detail-s16'],
			['goal', 'Et job i detailhandlen']
		],
		redirects: true,
		action: 'change',
		detail: 'create',
		detailHas: () => ({ goal: true }),
		caseId: (run, location) => location.split('/cases/')[1] ?? '',
		by: 'konsulent',
		purpose: null
	},
	'(app)/cases/[id=id] load': {
		path: onCase(''),
		action: 'read',
		detail: 'read',
		caseId: theCase,
		by: 'konsulent',
		purpose: 'complaint'
	},
	'(app)/cases/[id=id] ?/createLink': {
		path: onCase('?/createLink'),
		fields: () => [
			['raterId', 'detail-r1'],
			['pointId', 'detail-m1']
		],
		action: 'link-create',
		detail: 'link-create',
		caseId: theCase,
		by: 'konsulent',
		purpose: 'complaint'
	},
	'(app)/cases/[id=id] ?/revokeLink': {
		path: onCase('?/revokeLink'),
		fields: (run) => [['linkId', revokable[run]]],
		action: 'change',
		detail: 'link-revoke',
		caseId: theCase,
		by: 'konsulent',
		purpose: 'complaint'
	},
	'(app)/cases/[id=id] ?/agree': {
		path: onCase('?/agree'),
		fields: () => [
			['statementId', 'detail-s10'],
			['level', 'detail-a2-l3']
		],
		action: 'change',
		detail: 'update',
		caseId: theCase,
		by: 'konsulent',
		purpose: 'complaint'
	},
	'(app)/cases/[id=id] ?/progress': {
		path: onCase('?/progress'),
		fields: () => [
			['pointId', 'detail-m1'],
			['hours', '12'],
			['tasks', 'Varemodtagelse']
		],
		action: 'change',
		detail: 'update',
		caseId: theCase,
		by: 'konsulent',
		purpose: 'complaint'
	},
	'(app)/cases/[id=id] ?/subGoals': {
		path: onCase('?/subGoals'),
		fields: () => [
			['pointId', 'detail-m2'],
			['status-detail-d1', 'detail-g2'],
			['status-detail-d2', 'detail-g3'],
			['status-detail-d4', '']
		],
		action: 'change',
		detail: 'update',
		detailHas: () => ({
			pointId: 'detail-m2',
			subGoalIds: ['detail-d1', 'detail-d2', 'detail-d4']
		}),
		caseId: theCase,
		by: 'konsulent',
		purpose: 'complaint'
	},
	'(app)/cases/[id=id] ?/end': {
		path: onCase('?/end'),
		fields: () => [
			['ownWords-detail-f1', 'Jeg lærte kassen'],
			['ownWords-detail-f2', 'Jeg mødte til tiden'],
			['nextStepKind', 'job'],
			['nextStepText', 'Fastansat i Brugsen']
		],
		action: 'change',
		detail: 'update',
		detailHas: () => ({
			fields: ['ownWords', 'nextStep'],
			sectionIds: ['detail-f1', 'detail-f2']
		}),
		caseId: theCase,
		by: 'konsulent',
		purpose: 'complaint'
	},
	'(app)/cases/[id=id] ?/sign': {
		path: onCase('?/sign'),
		fields: (run) => [
			['signerId', run === 0 ? 'detail-u3' : 'detail-u4'],
			['name', 'Karen Konsulent']
		],
		action: 'sign',
		detail: 'sign',
		caseId: theCase,
		by: 'konsulent',
		purpose: 'complaint'
	},
	'(app)/cases/[id=id] ?/close': {
		path: (run) => `/cases/${closing[run]}?/close`,
		fields: () => [],
		action: 'change',
		detail: 'close',
		caseId: (run) => closing[run],
		by: 'konsulent',
		purpose: 'complaint'
	},
	'(app)/cases/[id=id]/rate load': {
		path: onCase(`/rate${RATE_QUERY}`),
		action: 'read',
		detail: 'read',
		caseId: theCase,
		by: 'konsulent',
		purpose: 'complaint'
	},
	'(app)/cases/[id=id]/rate ?/default': {
		path: onCase(`/rate${RATE_QUERY}`),
		fields: () => planned.map((id) => [`level-${id}`, 'none']),
		redirects: true,
		action: 'change',
		detail: 'rate',
		detailHas: () => ({ pointId: 'detail-m2', raterId: 'detail-r3', statementIds: planned }),
		caseId: theCase,
		by: 'konsulent',
		purpose: 'complaint'
	},
	'r/[token] load': {
		path: () => `/r/${openLink.token}`,
		action: 'read',
		detail: 'link-open',
		caseId: theCase,
		by: () => openLink.id,
		purpose: null
	},
	'r/[token] ?/rate': {
		path: (run) => `/r/${rateLinks[run].token}?/rate`,
		fields: (run) => linkAnswers(rateLinks[run].token),
		redirects: true,
		action: 'link-use',
		detail: 'link-use',
		caseId: theCase,
		by: (run) => rateLinks[run].id,
		purpose: null
	},
	'r/[token] ?/sign': {
		path: (run) => `/r/${signLinks[run].token}?/sign`,
		fields: () => [['name', 'Side Logsen']],
		redirects: true,
		action: 'sign',
		detail: 'sign',
		caseId: theCase,
		by: (run) => signLinks[run].id,
		purpose: null
	}
};

const auditRowsAfter = (id: number) => rowsAfter(server.dataDir, id);
const lastAuditId = () => lastId(server.dataDir);

const clientOf = (probe: Probe) => (probe.by === 'admin' ? w.admin : w.konsulent);

/**
 * One request as the browser sends it: a GET of the page or of its `__data.json`, or a form
 * post, enhanced (`x-sveltekit-action`, JSON back) or plain (HTML back, or a redirect).
 */
function send(probe: Probe, mode: string, run: Run, fields?: string[][]) {
	const target = probe.path(run);
	const headers: Record<string, string> = {
		cookie: clientOf(probe).cookieHeader,
		origin: server.url
	};
	if (!fields) {
		const [pathname, query] = target.split('?');
		const url =
			mode === 'data'
				? `${pathname.replace(/\/$/, '')}/__data.json${query ? `?${query}` : ''}`
				: target;
		return fetch(`${server.url}${url}`, { headers: { ...headers, accept: 'text/html' } });
	}
	headers['content-type'] = 'application/x-www-form-urlencoded';
	if (mode === 'enhanced') {
		headers.accept = 'application/json';
		headers['x-sveltekit-action'] = 'true';
	} else headers.accept = 'text/html';
	const body = new URLSearchParams(fields).toString();
	return fetch(`${server.url}${target}`, { method: 'POST', headers, body, redirect: 'manual' });
}

/** States `kind` as the session's purpose for `id` on /formaal (asked once per case per session). */
async function statePurpose(client: ApiClient, id: string) {
	const next = encodeURIComponent(`/cases/${id}`);
	const response = await fetch(`${server.url}/formaal?case=${id}&next=${next}`, {
		method: 'POST',
		headers: {
			cookie: client.cookieHeader,
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: 'kind=complaint',
		redirect: 'manual'
	});
	expect(response.status).toBe(303);
}

async function newCase(): Promise<string> {
	const created = await w.konsulent.request('POST', '/api/v1/cases', NEW_CASE());
	expect(created.status, JSON.stringify(created.body)).toBe(201);
	const id = (created.body as { id: string }).id;
	await statePurpose(w.konsulent, id);
	return id;
}

beforeAll(async () => {
	server = await startServer();
	w = await caseWorld(server);
	adminId = ((await w.admin.request('GET', '/api/v1/me')).body as { id: string }).id;
	caseId = await newCase();
	closing = [await newCase(), await newCase()];
	const link = async (raterId: string, pointId: string) => {
		const response = await w.konsulent.request('POST', `/api/v1/cases/${caseId}/links`, {
			raterId,
			pointId
		});
		expect(response.status, `${raterId} ${pointId} ${JSON.stringify(response.body)}`).toBe(201);
		const made = createdCaseLinkSchema.parse(response.body);
		return { id: made.id, token: made.url.split('/r/')[1] };
	};
	rateLinks = [await link('detail-r1', 'detail-m3'), await link('detail-r2', 'detail-m3')];
	openLink = await link('detail-r2', 'detail-m3');
	revokable = [
		(await link('detail-r1', 'detail-m1')).id,
		(await link('detail-r1', 'detail-m1')).id
	];
	const kase = await w.konsulent.request<{
		plan: { pointId: string; raterId: string; statementIds: string[] }[];
	}>('GET', `/api/v1/cases/${caseId}`);
	planned =
		kase.body.plan.find((p) => p.pointId === 'detail-m2' && p.raterId === 'detail-r3')
			?.statementIds ?? [];
	expect(planned.length).toBeGreaterThan(1);
	// The API makes rating links only; signing links are made the way the case page makes them.
	signLinks = await withServerDb(server.dataDir, async (db) => {
		const { createCaseLink } = await import('#lib/server/cases/index.ts');
		const { loadSessionUser } = await import('#lib/server/accounts/accounts.ts');
		youngPersonId = (
			db.prepare('SELECT young_person_id AS id FROM cases WHERE id = ?').get(caseId) as {
				id: string;
			}
		).id;
		const ctx = { actor: loadSessionUser(w.konsulentId)!, requestId: 'test-setup' };
		return ['detail-u1', 'detail-u2'].map((signerId) => {
			const made = createCaseLink(ctx, caseId, { signerId });
			return { id: made.id, token: made.token };
		});
	});
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

describe('one audit entry per case page request', () => {
	it('has a probe for every case page and form action, and none for one that is gone', () => {
		expect(casePages()).toEqual(Object.keys(PROBES).sort());
	});

	for (const [key, probe] of Object.entries(PROBES)) {
		const modes = probe.fields ? ['enhanced', 'no-JS'] : ['page', 'data'];
		modes.forEach((mode, run) => {
			it(`${key} (${mode}) writes ${probe.entries === 0 ? 'no entry' : `one ${probe.action} entry`}`, async () => {
				const fields = probe.fields ? await probe.fields(run as Run) : undefined;
				const before = lastAuditId();
				const response = await send(probe, mode, run as Run, fields);
				let location = response.headers.get('location') ?? '';
				if (mode === 'enhanced') {
					const result = (await response.json()) as { type: string; location?: string };
					expect(result.type, JSON.stringify(result)).toBe(
						probe.redirects ? 'redirect' : 'success'
					);
					location = result.location ?? '';
				} else {
					const expected = fields && probe.redirects ? 303 : 200;
					expect(response.status, await response.text()).toBe(expected);
				}
				const rows = auditRowsAfter(before);
				if (probe.entries === 0) {
					expect(rows).toEqual([]);
					return;
				}
				expect(rows, JSON.stringify(rows)).toHaveLength(1);
				const [row] = rows;
				expect(row.request_id).toBe(response.headers.get('x-request-id'));
				expect(row.action).toBe(probe.action);
				const [first, ...rest] = row.detail.split(' ');
				expect(first).toBe(probe.detail);
				if (probe.detailHas) {
					expect(JSON.parse(rest.join(' '))).toMatchObject(probe.detailHas(run as Run));
				}
				expect(row.case_id).toBe(probe.caseId(run as Run, location));
				expect(row.purpose).toBe(probe.purpose);
				if (typeof probe.by === 'function') {
					expect(row).toMatchObject({
						actor_user_id: null,
						actor_role: 'link',
						link_id: probe.by(run as Run)
					});
				} else {
					const id = probe.by === 'admin' ? adminId : w.konsulentId;
					expect(row).toMatchObject({ actor_user_id: id, link_id: null });
				}
			});
		});
	}

	it('a refused post stores nothing: enhanced, no entry; no-JS, the page shown again is one read', async () => {
		const fields = [['nextStepKind', 'bogus']];
		const probe = { ...PROBES['(app)/cases/[id=id] ?/end'] };
		let before = lastAuditId();
		const enhanced = await send(probe, 'enhanced', 0, fields);
		expect(((await enhanced.json()) as { type: string }).type).toBe('failure');
		expect(auditRowsAfter(before)).toEqual([]);
		before = lastAuditId();
		const plain = await send(probe, 'no-JS', 0, fields);
		expect(plain.status).toBe(400);
		const rows = auditRowsAfter(before);
		expect(rows.map((r) => [r.action, r.detail, r.request_id])).toEqual([
			['read', 'read', plain.headers.get('x-request-id')]
		]);
	});
});
