/**
 * What happens on the very first start: either a demo municipality with one user per role and a
 * demo workshop (FORMVAERK_DEMO not 0), or a one-time link for creating the first administrator.
 */
import { randomBytes } from 'node:crypto';
import { getDb, transaction } from './db.ts';
import { hashToken, newToken } from './ids.ts';
import {
	createOrganisation,
	createUser,
	setOrgRole,
	loadSessionUser
} from '../accounts/accounts.ts';
import { createWorkshop, addWorkshopMember } from '../workshops/workshops.ts';
import { seedTemplateFromStarter } from '../documents/documents-state.ts';
import { seedDrejebogFromStarter } from '../drejebog/drejebog-seed.ts';
import { ConflictError, NotFoundError } from '#lib/domain/errors.ts';
import { type StarterTemplate } from '#lib/domain/template/index.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { seedDriftWorkshop } from './demo-drift.ts';
import { seedDemoCases } from './demo-cases.ts';
import type { OrgRole, WorkshopRole } from '#lib/domain/workshop.ts';

export type DemoLogin = { email: string; password: string; description: string };

/** True when no user exists yet. */
export function isEmpty(): boolean {
	const row = getDb().prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
	return row.n === 0;
}

const DEMO_PEOPLE: {
	email: string;
	name: string;
	orgRole: OrgRole;
	workshopRole: WorkshopRole | null;
	description: string;
}[] = [
	{
		email: 'admin@demo.formvaerk.dk',
		name: 'Anne Administrator',
		orgRole: 'admin',
		workshopRole: null,
		description: 'administrator'
	},
	{
		email: 'facilitator@demo.formvaerk.dk',
		name: 'Frida Facilitator',
		orgRole: 'facilitator',
		workshopRole: 'facilitator',
		description: 'facilitator'
	},
	{
		email: 'arbejdsgruppe@demo.formvaerk.dk',
		name: 'Jonas Jobkonsulent',
		orgRole: 'member',
		workshopRole: 'member',
		description: 'arbejdsgruppe'
	},
	{
		email: 'arbejdsgruppe2@demo.formvaerk.dk',
		name: 'Sara Sagsbehandler',
		orgRole: 'member',
		workshopRole: 'member',
		description: 'arbejdsgruppe'
	},
	{
		email: 'medarbejder@demo.formvaerk.dk',
		name: 'Mads Medarbejder',
		orgRole: 'member',
		workshopRole: 'staff',
		description: 'medarbejder'
	},
	// Drift: the consultant who runs the demo's cases and the caseworker who follows them.
	{
		email: 'jobkonsulent@demo.formvaerk.dk',
		name: 'Julie Jobkonsulent',
		orgRole: 'jobkonsulent',
		workshopRole: null,
		description: 'jobkonsulent'
	},
	{
		email: 'sagsbehandler@demo.formvaerk.dk',
		name: 'Simon Sagsbehandler',
		orgRole: 'sagsbehandler',
		workshopRole: null,
		description: 'sagsbehandler'
	}
];

/** The starter the demo workshop's template is filled from (detail/butik). */
const DEMO_TEMPLATE_STARTER: StarterTemplate = getStarter('detail')!;

/** Title of the demo workshop. */
export const DEMO_WORKSHOP_TITLE = 'Læringsbevis for unge i virksomhedspraktik';

/**
 * Creates "Demo Kommune" with one user per role, a demo workshop at Dag 1 and a second one in
 * Drift. Passwords are random and returned once so the caller can print them; only their hashes
 * are stored. The Dag 1 workshop is created first (tests find it as the oldest workshop).
 */
export async function seedDemo(): Promise<{
	orgId: string;
	workshopId: string;
	driftWorkshopId: string;
	driftPublicationId: string;
	logins: DemoLogin[];
}> {
	const logins: DemoLogin[] = [];
	const users: { id: string; person: (typeof DEMO_PEOPLE)[number] }[] = [];
	// Hash outside the transaction: scrypt is asynchronous and a transaction must not span awaits.
	for (const person of DEMO_PEOPLE) {
		const password = randomBytes(9).toString('base64url');
		const user = await createUser({ email: person.email, name: person.name, password });
		users.push({ id: user.id, person });
		logins.push({ email: person.email, password, description: person.description });
	}
	return transaction(getDb(), () => {
		const orgId = createOrganisation('Demo Kommune');
		for (const { id, person } of users) setOrgRole(orgId, id, person.orgRole);
		const facilitator = users.find((u) => u.person.workshopRole === 'facilitator');
		const actor = loadSessionUser(facilitator!.id)!;
		const workshop = createWorkshop(actor, { orgId, title: DEMO_WORKSHOP_TITLE });
		// The demo template opens with example content: the retail starter, by the facilitator.
		seedTemplateFromStarter(workshop.id, DEMO_TEMPLATE_STARTER, facilitator!.id);
		// And the starter drejebog linked to that template's points, ready to publish on Dag 2.
		seedDrejebogFromStarter(workshop.id, facilitator!.id);
		for (const { id, person } of users) {
			if (person.workshopRole && person.workshopRole !== 'facilitator') {
				addWorkshopMember(workshop.id, id, person.workshopRole);
			}
		}
		// The administrator facilitated the earlier workshop now in Drift, so the Dag 1 workshop
		// stays the only one the facilitator, the work group and staff see.
		const admin = users.find((u) => u.person.orgRole === 'admin')!;
		const drift = seedDriftWorkshop(orgId, admin.id);
		const byRole = (role: OrgRole) => users.find((u) => u.person.orgRole === role)!.id;
		seedDemoCases({
			publicationId: drift.publicationId,
			consultantId: byRole('jobkonsulent'),
			caseworkerId: byRole('sagsbehandler')
		});
		return {
			orgId,
			workshopId: workshop.id,
			driftWorkshopId: drift.workshopId,
			driftPublicationId: drift.publicationId,
			logins
		};
	});
}

/** Issues a fresh one-time setup token (older ones stop working) and returns it. */
export function issueSetupToken(): string {
	const token = newToken();
	const db = getDb();
	transaction(db, () => {
		db.prepare('DELETE FROM setup_tokens').run();
		db.prepare('INSERT INTO setup_tokens (token_hash, created_at) VALUES (?, ?)').run(
			hashToken(token),
			Date.now()
		);
	});
	return token;
}

/** True when `token` is the setup token issued last (used or not: see `setupLinkStatus`). */
function isIssuedSetupToken(token: string): boolean {
	return (
		getDb().prepare('SELECT 1 FROM setup_tokens WHERE token_hash = ?').get(hashToken(token)) !==
		undefined
	);
}

/**
 * Uses the setup token: creates the first organisation and its administrator.
 * @throws NotFoundError for an unknown token, ConflictError when users already exist.
 */
export async function completeSetup(
	token: string,
	input: { orgName: string; name: string; email: string; password: string }
): Promise<{ userId: string; orgId: string }> {
	if (!isIssuedSetupToken(token)) throw new NotFoundError('setup');
	if (!isEmpty()) throw new ConflictError('already_set_up', 'setup.done');
	const user = await createUser(input);
	return transaction(getDb(), () => {
		const orgId = createOrganisation(input.orgName);
		setOrgRole(orgId, user.id, 'admin');
		getDb().prepare('DELETE FROM setup_tokens').run();
		return { userId: user.id, orgId };
	});
}

/** What a setup link can be: usable, already used (someone has set Formværk up) or never issued. */
export type SetupLinkStatus = 'valid' | 'used' | 'unknown';

/**
 * Tells the setup page whether `token` can still create the first administrator, and if not, why.
 * Once any account exists the link is used up, whoever created the account: the operator may have
 * made the first one with the CLI while the printed link was still on the console.
 */
export function setupLinkStatus(token: string): SetupLinkStatus {
	if (!isEmpty()) return 'used';
	return isIssuedSetupToken(token) ? 'valid' : 'unknown';
}
