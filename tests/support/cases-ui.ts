/**
 * A municipality of its own in Drift for the case pages' browser test (cases-ui): an
 * administrator and a workshop (`createMunicipality`), version 1 of the detail starter published
 * and put in operation (the rows Dag 3's closing writes), and a jobkonsulent. The demo workshop
 * is left alone, so other specs on the worker never see these rows.
 */
import { createUser, setOrgRole } from '#lib/server/accounts/accounts.ts';
import { caseSeeder, type CaseSeeder } from '#lib/server/platform/demo-cases.ts';
import { createMunicipality, withServerDb } from './db.ts';
import { insertVersion } from './rollout-data.ts';
import type { TestServer } from './server.ts';

export type DriftMunicipality = {
	orgId: string;
	workshopId: string;
	publicationId: string;
	consultant: { email: string; password: string; name: string };
};

/** A new municipality named `name` with version 1 in operation and a jobkonsulent. */
export async function driftMunicipality(
	server: TestServer,
	name: string
): Promise<DriftMunicipality> {
	const { orgId, workshopId } = await createMunicipality(server.dataDir, name);
	const publicationId = await insertVersion(server, workshopId, 1);
	const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
	const consultant = {
		email: `jobkonsulent@${slug}.example`,
		password: 'en-god-adgangskode',
		name: `Jonas Jobkonsulent ${name}`
	};
	await withServerDb(server.dataDir, async (db) => {
		db.prepare(
			`INSERT INTO publication_operation (publication_id, workshop_id, org_id, since)
			 VALUES (?, ?, ?, ?)`
		).run(publicationId, workshopId, orgId, Date.now());
		db.prepare(`UPDATE workshops SET phase = 'drift' WHERE id = ?`).run(workshopId);
		const user = await createUser(consultant);
		setOrgRole(orgId, user.id, 'jobkonsulent');
	});
	return { orgId, workshopId, publicationId, consultant };
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
