/**
 * The invitation life cycle through the JSON API against the real server: create, register a new
 * account from the link, accept as an existing user, only as the invited person, and the 409
 * answers for a link that is used, revoked or expired (expiry is simulated by moving the date in
 * the server's database).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { createMunicipality, expireInvitation } from '../support/db.ts';
import {
	acceptedInvitationSchema,
	apiErrorSchema,
	createdInvitationSchema,
	invitationSchema,
	meSchema,
	registeredSchema,
	workshopDetailSchema,
	workshopSummarySchema,
	type CreatedInvitationView
} from '#lib/domain/api-schemas.ts';
import { INVITATION_TTL_SECONDS } from '#lib/domain/limits.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

type Clients = Record<'admin' | 'facilitator' | 'member' | 'staff', ApiClient>;

let server: TestServer;
let as: Clients;
let demoId: string;

async function loggedIn(key: string): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	const { email, password } = server.logins[key][0];
	expect((await client.login(email, password)).status).toBe(200);
	return client;
}

beforeAll(async () => {
	server = await startServer();
	const [admin, facilitator, member, staff] = await Promise.all(
		['administrator', 'facilitator', 'arbejdsgruppe', 'medarbejder'].map(loggedIn)
	);
	as = { admin, facilitator, member, staff };
	const list = z
		.array(workshopSummarySchema)
		.parse((await facilitator.request('GET', '/api/v1/workshops')).body);
	demoId = list[0].id;
});
afterAll(async () => {
	await server?.stop();
});

async function invite(
	email: string,
	role: 'facilitator' | 'member' | 'staff',
	by: ApiClient = as.facilitator,
	workshopId = demoId
): Promise<CreatedInvitationView> {
	const response = await by.request('POST', `/api/v1/workshops/${workshopId}/invitations`, {
		email,
		role
	});
	expect(response.status).toBe(201);
	return createdInvitationSchema.parse(response.body);
}

function register(token: string, body: object = { name: 'Ny Person', password: 'en-lang-kode-1' }) {
	return new ApiClient(server.url).request('POST', `/api/v1/invitations/${token}/register`, body);
}

function expectConflict(
	response: { status: number; body: unknown },
	code: string,
	message: string
) {
	expect(response.status).toBe(409);
	expect(apiErrorSchema.parse(response.body).error).toEqual({ code, message });
}

async function statusOf(invitationId: string): Promise<string | undefined> {
	const response = await as.facilitator.request('GET', `/api/v1/workshops/${demoId}/invitations`);
	const list = z.array(invitationSchema).parse(response.body);
	return list.find((i) => i.id === invitationId)?.status;
}

describe('creating an invitation', () => {
	it('answers 201 with id, token, link, email, role and expiry', async () => {
		const started = Date.now();
		const invitation = await invite('  Ny.Kollega@Kommune.DK ', 'member');
		expect(invitation).toMatchObject({
			email: 'ny.kollega@kommune.dk',
			role: 'member',
			status: 'pending',
			workshopId: demoId
		});
		expect(invitation.url).toBe(`${server.url}/invitations/${invitation.token}`);
		expect(invitation.token.length).toBeGreaterThanOrEqual(40);
		const ttl = Date.parse(invitation.expiresAt) - started;
		expect(Math.abs(ttl - INVITATION_TTL_SECONDS * 1000)).toBeLessThan(60_000);
	});

	it('lists invitations without their tokens', async () => {
		const invitation = await invite('liste@kommune.dk', 'staff');
		const response = await as.facilitator.request('GET', `/api/v1/workshops/${demoId}/invitations`);
		expect(response.status).toBe(200);
		// Read raw (not through the schema, which would strip a leaked token).
		const listed = (response.body as Record<string, unknown>[]).find((i) => i.id === invitation.id);
		expect(listed).toMatchObject({ email: 'liste@kommune.dk', role: 'staff', status: 'pending' });
		expect(listed).not.toHaveProperty('token');
		expect(JSON.stringify(response.body)).not.toContain(invitation.token);
	});

	it('is refused to work-group members and staff with 403', async () => {
		for (const client of [as.member, as.staff]) {
			const response = await client.request('POST', `/api/v1/workshops/${demoId}/invitations`, {
				email: 'x@kommune.dk',
				role: 'member'
			});
			expect(response.status).toBe(403);
			expect(apiErrorSchema.parse(response.body).error).toEqual({
				code: 'forbidden',
				message: 'Du har ikke adgang til dette.'
			});
			const list = await client.request('GET', `/api/v1/workshops/${demoId}/invitations`);
			expect(list.status).toBe(403);
		}
	});

	it('is allowed to the administrator, who is not a member', async () => {
		await invite('fra-admin@kommune.dk', 'staff', as.admin);
	});

	it('names invalid fields and creates nothing', async () => {
		const response = await as.facilitator.request(
			'POST',
			`/api/v1/workshops/${demoId}/invitations`,
			{
				email: 'ikke-en-adresse',
				role: 'admin'
			}
		);
		expect(response.status).toBe(400);
		expect(apiErrorSchema.parse(response.body).error.fields).toEqual({
			email: 'Skriv en gyldig e-mailadresse.',
			role: 'Vælg en rolle.'
		});
	});

	it('answers 404 for an unknown workshop', async () => {
		const response = await as.facilitator.request(
			'POST',
			'/api/v1/workshops/abcdefghijklmnop/invitations',
			{ email: 'x@kommune.dk', role: 'member' }
		);
		expect(response.status).toBe(404);
	});
});

describe('a new person registers from the link', () => {
	it('creates the account, logs in and joins with the invited role; the link is then used', async () => {
		const invitation = await invite('helt.ny@kommune.dk', 'member');
		const newcomer = new ApiClient(server.url);
		const response = await newcomer.request(
			'POST',
			`/api/v1/invitations/${invitation.token}/register`,
			{
				name: ' Helle Ny ',
				password: 'helles-lange-kode'
			}
		);
		expect(response.status).toBe(201);
		expect(registeredSchema.parse(response.body)).toMatchObject({
			user: { email: 'helt.ny@kommune.dk', name: 'Helle Ny', locale: 'da' },
			workshopId: demoId,
			role: 'member'
		});

		const me = meSchema.parse((await newcomer.request('GET', '/api/v1/me')).body);
		expect(me.workshopRoles).toEqual({ [demoId]: 'member' });
		expect(me.orgs.map(({ name, role }) => ({ name, role }))).toEqual([
			{ name: 'Demo Kommune', role: 'member' }
		]);
		const detail = workshopDetailSchema.parse(
			(await as.facilitator.request('GET', `/api/v1/workshops/${demoId}`)).body
		);
		expect(detail.members).toContainEqual({
			userId: me.id,
			name: 'Helle Ny',
			email: 'helt.ny@kommune.dk',
			role: 'member'
		});
		expect(await statusOf(invitation.id)).toBe('accepted');

		expectConflict(await register(invitation.token), 'invitation_accepted', da.invitation.accepted);
		expectConflict(
			await as.staff.request('POST', `/api/v1/invitations/${invitation.token}/accept`),
			'invitation_accepted',
			da.invitation.accepted
		);
		// The new account logs in like any other.
		const again = await new ApiClient(server.url).login('helt.ny@kommune.dk', 'helles-lange-kode');
		expect(again.status).toBe(200);
	});

	it('refuses an email that already has an account and leaves the link usable', async () => {
		const staffEmail = server.logins.medarbejder[0].email;
		const invitation = await invite(staffEmail, 'member');
		const response = await register(invitation.token);
		expect(response.status).toBe(409);
		expect(apiErrorSchema.parse(response.body).error.code).toBe('email_taken');
		expect(await statusOf(invitation.id)).toBe('pending');
	});

	it('names a too short password and leaves the link usable', async () => {
		const invitation = await invite('kort.kode@kommune.dk', 'staff');
		const response = await register(invitation.token, { name: 'Kort', password: 'kort' });
		expect(response.status).toBe(400);
		expect(apiErrorSchema.parse(response.body).error.fields).toEqual({
			password: 'Adgangskoden skal være mindst 10 tegn.'
		});
		expect(await statusOf(invitation.id)).toBe('pending');
		expect((await register(invitation.token)).status).toBe(201);
	});

	it('answers 404 for a token that never existed', async () => {
		expect((await register('this-token-does-not-exist')).status).toBe(404);
	});
});

describe('an existing user accepts', () => {
	it('joins a workshop they were invited to, with that role', async () => {
		const created = await as.facilitator.request('POST', '/api/v1/workshops', {
			title: 'Nyt forløb'
		});
		const workshopId = workshopSummarySchema.parse(created.body).id;
		expect((await as.staff.request('GET', `/api/v1/workshops/${workshopId}`)).status).toBe(404);
		const invitation = await invite(
			server.logins.medarbejder[0].email,
			'facilitator',
			as.facilitator,
			workshopId
		);

		const response = await as.staff.request(
			'POST',
			`/api/v1/invitations/${invitation.token}/accept`
		);
		expect(response.status).toBe(200);
		expect(acceptedInvitationSchema.parse(response.body)).toEqual({
			workshopId,
			role: 'facilitator'
		});
		const detail = workshopDetailSchema.parse(
			(await as.staff.request('GET', `/api/v1/workshops/${workshopId}`)).body
		);
		expect(detail.role).toBe('facilitator');
		// The role is real: the new facilitator may now invite others.
		await invite('via-ny-facilitator@kommune.dk', 'member', as.staff, workshopId);
	});

	it('never lowers a role: a facilitator opening a staff link stays facilitator', async () => {
		const invitation = await invite(server.logins.facilitator[0].email, 'staff');
		const response = await as.facilitator.request(
			'POST',
			`/api/v1/invitations/${invitation.token}/accept`
		);
		expect(acceptedInvitationSchema.parse(response.body)).toEqual({
			workshopId: demoId,
			role: 'facilitator'
		});
	});

	it('needs a session', async () => {
		const invitation = await invite('uden-session@kommune.dk', 'member');
		const response = await new ApiClient(server.url).request(
			'POST',
			`/api/v1/invitations/${invitation.token}/accept`
		);
		expect(response.status).toBe(401);
		expect(await statusOf(invitation.id)).toBe('pending');
	});

	it('answers 404 for an unknown token', async () => {
		const response = await as.member.request('POST', '/api/v1/invitations/unknown-token/accept');
		expect(response.status).toBe(404);
	});
});

describe('revoking', () => {
	it('makes the link answer 409 revoked; revoking twice is a conflict too', async () => {
		const invitation = await invite('trukket.tilbage@kommune.dk', 'member');
		expect((await as.member.request('DELETE', `/api/v1/invitations/${invitation.id}`)).status).toBe(
			403
		);
		const response = await as.facilitator.request('DELETE', `/api/v1/invitations/${invitation.id}`);
		expect(response.status).toBe(204);
		expect(await statusOf(invitation.id)).toBe('revoked');

		const revoked = ['invitation_revoked', da.invitation.revoked] as const;
		expectConflict(await register(invitation.token), ...revoked);
		expectConflict(
			await as.member.request('POST', `/api/v1/invitations/${invitation.token}/accept`),
			...revoked
		);
		expectConflict(
			await as.facilitator.request('DELETE', `/api/v1/invitations/${invitation.id}`),
			...revoked
		);
	});

	it('answers 404 for an unknown invitation id', async () => {
		const response = await as.facilitator.request('DELETE', '/api/v1/invitations/abcdefghijklmnop');
		expect(response.status).toBe(404);
	});
});

describe('expiry', () => {
	it('makes the link answer 409 expired once its date has passed', async () => {
		const invitation = await invite('for.sent@kommune.dk', 'member');
		await expireInvitation(server.dataDir, invitation.id);
		expect(await statusOf(invitation.id)).toBe('expired');

		const expired = ['invitation_expired', da.invitation.expired] as const;
		expectConflict(await register(invitation.token), ...expired);
		expectConflict(
			await as.member.request('POST', `/api/v1/invitations/${invitation.token}/accept`),
			...expired
		);
		expectConflict(
			await as.facilitator.request('DELETE', `/api/v1/invitations/${invitation.id}`),
			...expired
		);
		const me = meSchema.parse((await as.member.request('GET', '/api/v1/me')).body);
		expect(Object.keys(me.workshopRoles)).toEqual([demoId]);
	});
});

describe('only the invited person', () => {
	async function me(client: ApiClient) {
		return meSchema.parse((await client.request('GET', '/api/v1/me')).body);
	}

	async function listed(invitationId: string) {
		const response = await as.facilitator.request('GET', `/api/v1/workshops/${demoId}/invitations`);
		return z
			.array(invitationSchema)
			.parse(response.body)
			.find((i) => i.id === invitationId);
	}

	it('refuses a work-group member using a facilitator invitation meant for someone else', async () => {
		const invitation = await invite('en.anden.facilitator@kommune.dk', 'facilitator');
		const before = await me(as.member);
		expect(before.workshopRoles[demoId]).toBe('member');

		const response = await as.member.request(
			'POST',
			`/api/v1/invitations/${invitation.token}/accept`
		);
		expectConflict(response, 'invitation_wrong_account', da.invitation.wrongAccount);
		// Nothing changed: the member is still a member, the link still waits for its person.
		expect(await me(as.member)).toEqual(before);
		expect(await listed(invitation.id)).toMatchObject({
			status: 'pending',
			acceptedAt: null,
			acceptedBy: null
		});
		const detail = workshopDetailSchema.parse(
			(await as.member.request('GET', `/api/v1/workshops/${demoId}`)).body
		);
		expect(detail.role).toBe('member');
	});

	it('refuses an account of another municipality, even with the invited email', async () => {
		const other = await createMunicipality(server.dataDir, 'Andeby Kommune');
		const invitation = await invite(other.admin.email, 'member');
		const outsider = new ApiClient(server.url);
		expect((await outsider.login(other.admin.email, other.admin.password)).status).toBe(200);
		const before = await me(outsider);

		const response = await outsider.request(
			'POST',
			`/api/v1/invitations/${invitation.token}/accept`
		);
		expectConflict(response, 'invitation_other_organisation', da.invitation.otherOrganisation);
		expect(await me(outsider)).toEqual(before);
		expect(before.orgs.map((o) => o.name)).toEqual(['Andeby Kommune']);
		expect((await outsider.request('GET', `/api/v1/workshops/${demoId}`)).status).toBe(404);
		expect(await statusOf(invitation.id)).toBe('pending');
	});

	it('accepts the invited person and records who accepted and when', async () => {
		const staffLogin = server.logins.medarbejder[0];
		const invitation = await invite(staffLogin.email, 'member');
		const started = Date.now();
		const response = await as.staff.request(
			'POST',
			`/api/v1/invitations/${invitation.token}/accept`
		);
		expect(response.status).toBe(200);
		const staffMe = await me(as.staff);
		expect(staffMe.workshopRoles[demoId]).toBe('member');
		const accepted = await listed(invitation.id);
		expect(accepted).toMatchObject({
			status: 'accepted',
			acceptedBy: { userId: staffMe.id, name: 'Mads Medarbejder' }
		});
		const acceptedAt = Date.parse(accepted!.acceptedAt!);
		expect(acceptedAt).toBeGreaterThanOrEqual(started - 1000);
		expect(acceptedAt).toBeLessThanOrEqual(Date.now() + 1000);
	});

	it('registers from the link with the invited email, whatever email the body names', async () => {
		const invitation = await invite('den.inviterede@kommune.dk', 'staff');
		const response = await register(invitation.token, {
			name: 'Den Inviterede',
			password: 'en-lang-kode-42',
			email: 'en.anden@kommune.dk'
		});
		expect(response.status).toBe(201);
		const registered = registeredSchema.parse(response.body);
		expect(registered.user.email).toBe('den.inviterede@kommune.dk');
		expect(await listed(invitation.id)).toMatchObject({
			status: 'accepted',
			acceptedBy: { userId: registered.user.id, name: 'Den Inviterede' }
		});
		const login = await new ApiClient(server.url).login('en.anden@kommune.dk', 'en-lang-kode-42');
		expect(login.status).toBe(401);
	});
});
