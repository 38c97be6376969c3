/**
 * Drift data for case tests without a test runner (Playwright and vitest both use it): a
 * municipality of its own with version 1 of the detail starter published and put in operation
 * (the rows Dag 3's closing writes) and a jobkonsulent, so the demo workshop other specs share is
 * left alone; staff accounts with an organisation role; and cases set up through the API, for
 * tests whose subject is a later step.
 */
import { randomBytes } from 'node:crypto';
import { createUser, setOrgRole } from '#lib/server/accounts/accounts.ts';
import type { OrgRole } from '#lib/domain/workshop.ts';
import { effectiveScale, type Template } from '#lib/domain/template/schemas.ts';
import { PURPOSE_HEADER } from '#lib/domain/privacy/purposes.ts';
import { caseSeeder, type CaseSeeder } from '#lib/server/platform/demo-cases.ts';
import { createMunicipality, withServerDb } from './db.ts';
import { ApiClient } from './http.ts';
import { insertVersion } from './rollout-data.ts';
import type { TestServer } from './server.ts';

const PASSWORD = 'en-god-adgangskode';

export type DriftMunicipality = {
	orgId: string;
	workshopId: string;
	publicationId: string;
	consultant: { email: string; password: string; name: string };
};

/** Puts version `publicationId` in operation (retiring its workshop's earlier one), as Dag 3 does. */
export function putInOperation(server: TestServer, publicationId: string): Promise<void> {
	return withServerDb(server.dataDir, (db) => {
		const { workshop_id: workshopId, org_id: orgId } = db
			.prepare('SELECT workshop_id, org_id FROM publications WHERE id = ?')
			.get(publicationId) as { workshop_id: string; org_id: string };
		db.prepare(
			'UPDATE publication_operation SET retired_at = ? WHERE workshop_id = ? AND retired_at IS NULL'
		).run(Date.now(), workshopId);
		db.prepare(
			'INSERT INTO publication_operation (publication_id, workshop_id, org_id, since) VALUES (?, ?, ?, ?)'
		).run(publicationId, workshopId, orgId, Date.now());
	});
}

/** A new account named `name` with `role` in `orgId` (a unique email unless one is given). */
export async function orgUser(
	server: TestServer,
	orgId: string,
	role: OrgRole,
	name: string,
	email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomBytes(3).toString('hex')}@kommune.example`
): Promise<{ email: string; password: string; name: string; id: string }> {
	const id = await withServerDb(server.dataDir, async () => {
		const user = await createUser({ email, name, password: PASSWORD });
		setOrgRole(orgId, user.id, role);
		return user.id;
	});
	return { email, password: PASSWORD, name, id };
}

/** A new municipality named `name` with version 1 in operation and a jobkonsulent. */
export async function driftMunicipality(
	server: TestServer,
	name: string
): Promise<DriftMunicipality> {
	const { orgId, workshopId } = await createMunicipality(server.dataDir, name);
	const publicationId = await insertVersion(server, workshopId, 1);
	await putInOperation(server, publicationId);
	await withServerDb(server.dataDir, (db) =>
		db.prepare(`UPDATE workshops SET phase = 'drift' WHERE id = ?`).run(workshopId)
	);
	const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
	const { email, password } = await orgUser(
		server,
		orgId,
		'jobkonsulent',
		`Jonas Jobkonsulent ${name}`,
		`jobkonsulent@${slug}.example`
	);
	return {
		orgId,
		workshopId,
		publicationId,
		consultant: { email, password, name: `Jonas Jobkonsulent ${name}` }
	};
}

/** The template of a stored version, with the ids the server gave it. */
export function storedTemplate(server: TestServer, publicationId: string): Promise<Template> {
	return withServerDb(server.dataDir, (db) => {
		const row = db.prepare('SELECT content FROM publications WHERE id = ?').get(publicationId) as {
			content: string;
		};
		return (JSON.parse(row.content) as { template: Template }).template;
	});
}

/** Ratings to give in `apiCase`: one rater at one point, by labels as the page shows them. */
export type ApiRatings = { rater: string; point: string; levels: Record<string, string> };

/**
 * A case of `firstName lastName` in `drift`, set up through the API as its jobkonsulent: the
 * statements named by their text, the `ratings` given, closed when `isClosed`. Returns its id.
 */
export async function apiCase(
	server: TestServer,
	drift: DriftMunicipality,
	input: {
		firstName: string;
		lastName: string;
		statements: string[];
		ratings?: ApiRatings[];
		isClosed?: boolean;
	}
): Promise<string> {
	const template = await storedTemplate(server, drift.publicationId);
	const statements = template.areas.flatMap((area) =>
		area.statements.map((s) => ({ ...s, levels: effectiveScale(area, s).levels }))
	);
	const statement = (text: string) => {
		const found = statements.find((s) => s.text === text);
		if (!found) throw new Error(`no statement ${text}`);
		return found;
	};
	const idOf = (items: { id: string; label: string }[], label: string) => {
		const found = items.find((i) => i.label === label);
		if (!found) throw new Error(`no ${label}`);
		return found.id;
	};
	const client = new ApiClient(server.url);
	await client.login(drift.consultant.email, drift.consultant.password);
	client.headers[PURPOSE_HEADER] = 'followUp';
	const day = (offset: number) =>
		new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
	const created = await client.request<{ id: string }>('POST', '/api/v1/cases', {
		publicationId: drift.publicationId,
		youngPerson: { firstName: input.firstName, lastName: input.lastName },
		company: 'Brugsen i Thisted',
		start: day(-60),
		end: day(2),
		statementIds: input.statements.map((text) => statement(text).id)
	});
	if (created.status !== 201) throw new Error(`case refused: ${JSON.stringify(created.body)}`);
	const caseId = created.body.id;
	for (const { rater, point, levels } of input.ratings ?? []) {
		for (const [text, level] of Object.entries(levels)) {
			const rated = await client.request('POST', `/api/v1/cases/${caseId}/ratings`, {
				pointId: idOf(template.measurementPoints, point),
				raterId: idOf(template.raters, rater),
				statementId: statement(text).id,
				level: idOf(statement(text).levels, level),
				comment: ''
			});
			if (rated.status >= 300) throw new Error(`rating refused: ${JSON.stringify(rated.body)}`);
		}
	}
	if (input.isClosed) {
		const closed = await client.request('POST', `/api/v1/cases/${caseId}/close`);
		if (closed.status >= 300) throw new Error(`close refused: ${JSON.stringify(closed.body)}`);
	}
	return caseId;
}

/**
 * Runs `seed` with a case seeder for `drift`'s version (its jobkonsulent, and a sagsbehandler
 * made here), on the server's database, for specs that need cases with ratings behind a page.
 */
export function withDriftSeeder<T>(
	server: TestServer,
	drift: DriftMunicipality,
	seed: (s: CaseSeeder) => T
): Promise<T> {
	const slug = drift.consultant.email.split('@')[1];
	return withServerDb(server.dataDir, async (db) => {
		const caseworker = await createUser({
			email: `sagsbehandler@${slug}`,
			name: 'Sif Sagsbehandler',
			password: 'en-god-adgangskode'
		});
		setOrgRole(drift.orgId, caseworker.id, 'sagsbehandler');
		const consultant = db
			.prepare('SELECT id FROM users WHERE email = ?')
			.get(drift.consultant.email) as { id: string };
		return seed(
			caseSeeder({
				publicationId: drift.publicationId,
				consultantId: consultant.id,
				caseworkerId: caseworker.id
			})
		);
	});
}
