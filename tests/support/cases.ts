/**
 * Setup for tests of Drift cases: the demo municipality's workshop with a version in operation
 * (the detail starter, inserted as publishing writes it), jobkonsulenter, a sagsbehandler, and
 * logged-in clients for every role the access rules name.
 */
import { createMunicipality, withServerDb } from './db.ts';
import { orgUser, putInOperation } from './cases-ui.ts';
import { ApiClient } from './http.ts';
import { PURPOSE_HEADER } from '#lib/domain/privacy/purposes.ts';
import { demoClient, demoWorkshop, insertVersion, loginAs, versionContent } from './rollouts.ts';
import type { TestServer } from './server.ts';
import type { OrgRole } from '#lib/domain/workshop.ts';
import { caseSeeder, type CaseSeeder } from '#lib/server/platform/demo-cases.ts';
import { DEMO_CASES, type DemoCase } from '#lib/server/platform/demo-cases-data.ts';

export { putInOperation } from './cases-ui.ts';

/** A user with `role` in `orgId`, logged in; returns the client and the user's id. */
export async function userWithRole(
	server: TestServer,
	orgId: string,
	role: OrgRole,
	name: string
): Promise<{ client: ApiClient; id: string }> {
	const { email, password, id } = await orgUser(server, orgId, role, name);
	return { client: await loginAs(server, email, password), id };
}

export type CaseWorld = {
	orgId: string;
	workshopId: string;
	versionId: string;
	template: ReturnType<typeof versionContent>['template'];
	konsulent: ApiClient;
	konsulentId: string;
	otherKonsulent: ApiClient;
	sagsbehandler: ApiClient;
	sagsbehandlerId: string;
	admin: ApiClient;
	facilitator: ApiClient;
	staff: ApiClient;
	otherAdmin: ApiClient;
	otherKonsulentElsewhere: ApiClient;
};

/** Everything the case tests need on a fresh server. */
export async function caseWorld(server: TestServer): Promise<CaseWorld> {
	const facilitator = await demoClient(server, 'facilitator');
	const workshop = await demoWorkshop(facilitator);
	const versionId = await insertVersion(server, workshop.id, 1);
	await putInOperation(server, versionId);
	const konsulent = await userWithRole(server, workshop.orgId, 'jobkonsulent', 'Karen Konsulent');
	const other = await userWithRole(server, workshop.orgId, 'jobkonsulent', 'Ole Konsulent');
	const sagsbehandler = await userWithRole(server, workshop.orgId, 'sagsbehandler', 'Sara Sag');
	const elsewhere = await createMunicipality(server.dataDir, 'Nabokommune');
	const elsewhereKonsulent = await userWithRole(
		server,
		elsewhere.orgId,
		'jobkonsulent',
		'Nina Nabo'
	);
	const clients = {
		konsulent: konsulent.client,
		otherKonsulent: other.client,
		sagsbehandler: sagsbehandler.client,
		admin: await demoClient(server, 'administrator'),
		facilitator,
		staff: await demoClient(server, 'medarbejder'),
		otherAdmin: await loginAs(server, elsewhere.admin.email, elsewhere.admin.password),
		otherKonsulentElsewhere: elsewhereKonsulent.client
	};
	// Reads of a case need a stated purpose (issue 14); these tests follow cases up.
	for (const client of Object.values(clients)) client.headers[PURPOSE_HEADER] = 'followUp';
	return {
		...clients,
		orgId: workshop.orgId,
		workshopId: workshop.id,
		versionId,
		template: versionContent().template,
		konsulentId: konsulent.id,
		sagsbehandlerId: sagsbehandler.id
	};
}

/** A file downloaded with `client`'s session, as bytes. */
export async function download(
	server: TestServer,
	client: ApiClient,
	path: string
): Promise<{ status: number; bytes: Uint8Array; type: string | null }> {
	const response = await fetch(server.url + path, {
		headers: { cookie: client.cookieHeader, ...client.headers }
	});
	return {
		status: response.status,
		bytes: new Uint8Array(await response.arrayBuffer()),
		type: response.headers.get('content-type')
	};
}

/** The date `offset` days from today, as `YYYY-MM-DD`. */
export function dayFromNow(offset: number): string {
	return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Seeds cases on `w`'s version through the cases module (`seedCase`), assigned to its
 * jobkonsulent and sagsbehandler: `seed` gets the seeder and the demo's open and closed case.
 */
export function seedWorldCases(
	server: TestServer,
	w: CaseWorld,
	seed: (s: CaseSeeder, demo: { open: DemoCase; closed: DemoCase }) => void
): Promise<void> {
	return withServerDb(server.dataDir, () => {
		const s = caseSeeder({
			publicationId: w.versionId,
			consultantId: w.konsulentId,
			caseworkerId: w.sagsbehandlerId
		});
		const [open, closed] = DEMO_CASES;
		seed(s, { open, closed });
	});
}
