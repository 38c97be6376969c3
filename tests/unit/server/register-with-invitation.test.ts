import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, getDb, initDatabase } from '#lib/server/platform/db.ts';
import {
	createOrganisation,
	createUser,
	loadSessionUser,
	setOrgRole
} from '#lib/server/accounts/accounts.ts';
import { createWorkshop } from '#lib/server/workshops/workshops.ts';
import {
	createInvitation,
	findInvitationByToken,
	registerWithInvitation,
	revokeInvitation
} from '#lib/server/workshops/invitations.ts';
import { validateSession } from '#lib/server/accounts/sessions.ts';
import { ConflictError, NotFoundError } from '#lib/domain/errors.ts';

let dataDir: string;
let workshopId: string;
let facilitatorId: string;

function invite(email: string, role: 'member' | 'staff' = 'member') {
	const actor = loadSessionUser(facilitatorId)!;
	return createInvitation(actor, { workshopId, email, role, origin: 'http://test' });
}

function userCount(): number {
	return (getDb().prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'formvaerk-register-'));
	initDatabase(dataDir);
	const facilitator = await createUser({
		email: 'frida@test.example',
		name: 'Frida',
		password: 'et-langt-kodeord-1'
	});
	facilitatorId = facilitator.id;
	const orgId = createOrganisation('Testby Kommune');
	setOrgRole(orgId, facilitatorId, 'facilitator');
	workshopId = createWorkshop(loadSessionUser(facilitatorId)!, { orgId, title: 'Test' }).id;
});

afterAll(() => {
	closeDatabase();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('registerWithInvitation', () => {
	it('creates the account with the invited email, joins with the invited role and opens a session', async () => {
		const invitation = invite('nina@test.example', 'staff');
		const result = await registerWithInvitation({
			token: invitation.token,
			name: 'Nina',
			password: 'et-langt-kodeord-1'
		});
		expect(result.workshopId).toBe(workshopId);
		expect(result.user.email).toBe('nina@test.example');
		expect(validateSession(result.sessionToken)).toBe(result.user.id);
		expect(loadSessionUser(result.user.id)?.workshopRoles[workshopId]).toBe('staff');
		expect(findInvitationByToken(invitation.token).status).toBe('accepted');
	});

	it('refuses a used, revoked or unknown link and creates nobody', async () => {
		const used = invite('ole@test.example');
		await registerWithInvitation({
			token: used.token,
			name: 'Ole',
			password: 'et-langt-kodeord-1'
		});
		const revoked = invite('per@test.example');
		revokeInvitation(loadSessionUser(facilitatorId)!, revoked.id);
		const before = userCount();
		const attempt = (token: string) =>
			registerWithInvitation({ token, name: 'X', password: 'et-langt-kodeord-1' });
		await expect(attempt(used.token)).rejects.toThrow(ConflictError);
		await expect(attempt(revoked.token)).rejects.toThrow(ConflictError);
		await expect(attempt('ukendt-token')).rejects.toThrow(NotFoundError);
		expect(userCount()).toBe(before);
	});

	it('refuses an email that already has an account and leaves the invitation pending', async () => {
		const invitation = invite('frida@test.example');
		const before = userCount();
		await expect(
			registerWithInvitation({ token: invitation.token, name: 'F', password: 'et-langt-kodeord-1' })
		).rejects.toMatchObject({ code: 'email_taken' });
		expect(userCount()).toBe(before);
		expect(findInvitationByToken(invitation.token).status).toBe('pending');
	});
});
