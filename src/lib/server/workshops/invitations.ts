/**
 * Invitations by link. The link carries a random single-use token (stored hashed) that expires
 * and can be revoked. No mail is sent: the facilitator copies the link from the UI. Only the
 * invited person can use it (`invitationFit`): accepting needs an account with the invited email,
 * and registering from the link creates the account with that email.
 */
import { getDb, transaction } from '../platform/db.ts';
import { hashToken, newId, newToken } from '../platform/ids.ts';
import { addWorkshopMember, authorizeWorkshop } from './workshops.ts';
import { findUserByEmail, insertUser, type User } from '../accounts/accounts.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { createSession } from '../accounts/sessions.ts';
import { ConflictError, NotFoundError } from '#lib/domain/errors.ts';
import { invitationFit, type InvitationFit } from '#lib/domain/invitation-fit.ts';
import { INVITATION_TTL_SECONDS } from '#lib/domain/limits.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { strongerWorkshopRole, type WorkshopRole } from '#lib/domain/workshop.ts';

export type Invitation = {
	id: string;
	workshopId: string;
	email: string;
	role: WorkshopRole;
	createdAt: number;
	expiresAt: number;
	status: InvitationStatus;
	/** When and by whom it was accepted; `acceptedBy` is null once that account is deleted. */
	acceptedAt: number | null;
	acceptedBy: { id: string; name: string } | null;
};
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';
export type CreatedInvitation = Invitation & { token: string; url: string };

type Row = {
	id: string;
	workshop_id: string;
	email: string;
	role: WorkshopRole;
	created_at: number;
	expires_at: number;
	accepted_at: number | null;
	accepted_by: string | null;
	revoked_at: number | null;
	/** The accepting account's name, where the query joins it. */
	accepted_by_name?: string | null;
};

function statusOf(row: Row, now: number): InvitationStatus {
	if (row.accepted_at) return 'accepted';
	if (row.revoked_at) return 'revoked';
	if (row.expires_at <= now) return 'expired';
	return 'pending';
}

function toInvitation(row: Row, now = Date.now()): Invitation {
	return {
		id: row.id,
		workshopId: row.workshop_id,
		email: row.email,
		role: row.role,
		createdAt: row.created_at,
		expiresAt: row.expires_at,
		status: statusOf(row, now),
		acceptedAt: row.accepted_at,
		acceptedBy:
			row.accepted_by && row.accepted_by_name
				? { id: row.accepted_by, name: row.accepted_by_name }
				: null
	};
}

/** The path of an invitation link; prefix it with the public origin. */
export function invitationPath(token: string): string {
	return `/invitations/${token}`;
}

/**
 * Creates an invitation to a workshop and returns it with its token and link.
 * @throws NotFoundError, ForbiddenError when the actor may not manage the workshop.
 */
export function createInvitation(
	actor: Actor,
	input: { workshopId: string; email: string; role: WorkshopRole; origin: string; now?: number }
): CreatedInvitation {
	authorizeWorkshop(actor, input.workshopId, 'manage');
	const now = input.now ?? Date.now();
	const token = newToken();
	const row: Row = {
		id: newId(),
		workshop_id: input.workshopId,
		email: input.email,
		role: input.role,
		created_at: now,
		expires_at: now + INVITATION_TTL_SECONDS * 1000,
		accepted_at: null,
		accepted_by: null,
		revoked_at: null
	};
	getDb()
		.prepare(
			`INSERT INTO invitations (id, token_hash, workshop_id, email, role, created_by, created_at, expires_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.run(
			row.id,
			hashToken(token),
			row.workshop_id,
			row.email,
			row.role,
			actor.id,
			row.created_at,
			row.expires_at
		);
	return { ...toInvitation(row, now), token, url: `${input.origin}${invitationPath(token)}` };
}

/** Invitations of a workshop, newest first, for those who manage it. */
export function listInvitations(actor: Actor, workshopId: string): Invitation[] {
	authorizeWorkshop(actor, workshopId, 'manage');
	const rows = getDb()
		.prepare(
			`SELECT i.*, u.name AS accepted_by_name FROM invitations i
			 LEFT JOIN users u ON u.id = i.accepted_by
			 WHERE i.workshop_id = ? ORDER BY i.created_at DESC`
		)
		.all(workshopId) as Row[];
	return rows.map((row) => toInvitation(row));
}

/**
 * Revokes a pending invitation.
 * @throws NotFoundError, ForbiddenError, ConflictError when it is no longer pending.
 */
export function revokeInvitation(actor: Actor, invitationId: string): void {
	const row = getDb().prepare('SELECT * FROM invitations WHERE id = ?').get(invitationId) as
		Row | undefined;
	if (!row) throw new NotFoundError('invitation');
	authorizeWorkshop(actor, row.workshop_id, 'manage');
	const status = statusOf(row, Date.now());
	if (status !== 'pending') throw conflictFor(status);
	getDb()
		.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ?')
		.run(Date.now(), invitationId);
}

export type InvitationPreview = Invitation & {
	workshopTitle: string;
	orgName: string;
	workshopOrgId: string;
};

/**
 * Looks an invitation up by its token (for the acceptance page), whatever its status.
 * @throws NotFoundError when the token is unknown.
 */
export function findInvitationByToken(token: string): InvitationPreview {
	const row = getDb()
		.prepare(
			`SELECT i.*, w.title AS workshop_title, o.name AS org_name, o.id AS org_id FROM invitations i
			 JOIN workshops w ON w.id = i.workshop_id JOIN organisations o ON o.id = w.org_id
			 WHERE i.token_hash = ?`
		)
		.get(hashToken(token)) as
		(Row & { workshop_title: string; org_name: string; org_id: string }) | undefined;
	if (!row) throw new NotFoundError('invitation');
	return {
		...toInvitation(row),
		workshopTitle: row.workshop_title,
		orgName: row.org_name,
		workshopOrgId: row.org_id
	};
}

/**
 * Whether the user `userId` may accept an invitation for a workshop of `workshopOrgId` sent to
 * `invitedEmail` (the page asks before showing the button; `acceptInvitation` asks again).
 */
export function invitationFitFor(
	userId: string,
	invitation: { email: string; workshopOrgId: string }
): InvitationFit {
	const db = getDb();
	const user = db.prepare('SELECT email FROM users WHERE id = ?').get(userId) as
		{ email: string } | undefined;
	if (!user) throw new NotFoundError('user');
	const orgIds = (
		db.prepare('SELECT org_id FROM org_members WHERE user_id = ?').all(userId) as {
			org_id: string;
		}[]
	).map((m) => m.org_id);
	return invitationFit(invitation, { email: user.email, orgIds });
}

const FIT_ERRORS: Record<Exclude<InvitationFit, 'ok'>, () => ConflictError> = {
	wrongAccount: () => new ConflictError('invitation_wrong_account', 'invitation.wrongAccount'),
	otherOrganisation: () =>
		new ConflictError('invitation_other_organisation', 'invitation.otherOrganisation')
};

function conflictFor(status: Exclude<InvitationStatus, 'pending'>): ConflictError {
	return new ConflictError(`invitation_${status}`, `invitation.${status}`);
}

/**
 * Accepts an invitation for the signed-in user: they join the workshop with the invited role, or
 * keep a stronger role they already hold (a facilitator opening a staff link must not demote
 * themselves, possibly leaving the workshop without a facilitator). Only the invited person may:
 * the account's email must be the invited one and the account must not belong to another
 * municipality. The token is single-use; acceptance and membership are one transaction, and a
 * refusal changes nothing. Answers the role the user now has.
 * @throws NotFoundError for an unknown token; ConflictError when used, revoked or expired
 * (`invitation_accepted` …), sent to another email (`invitation_wrong_account`) or for another
 * municipality than the account's (`invitation_other_organisation`).
 */
export function acceptInvitation(
	userId: string,
	token: string,
	now = Date.now()
): { workshopId: string; role: WorkshopRole } {
	const db = getDb();
	return transaction(db, () => {
		const row = db
			.prepare('SELECT * FROM invitations WHERE token_hash = ?')
			.get(hashToken(token)) as Row | undefined;
		if (!row) throw new NotFoundError('invitation');
		const status = statusOf(row, now);
		if (status !== 'pending') throw conflictFor(status);
		const workshop = db
			.prepare('SELECT org_id FROM workshops WHERE id = ?')
			.get(row.workshop_id) as { org_id: string } | undefined;
		if (!workshop) throw new NotFoundError('invitation');
		const fit = invitationFitFor(userId, { email: row.email, workshopOrgId: workshop.org_id });
		if (fit !== 'ok') throw FIT_ERRORS[fit]();
		db.prepare('UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ?').run(
			now,
			userId,
			row.id
		);
		const current = db
			.prepare('SELECT role FROM workshop_members WHERE workshop_id = ? AND user_id = ?')
			.get(row.workshop_id, userId) as { role: WorkshopRole } | undefined;
		const role = strongerWorkshopRole(current?.role, row.role);
		addWorkshopMember(row.workshop_id, userId, role);
		return { workshopId: row.workshop_id, role };
	});
}

/**
 * A new person answers an invitation: creates their account with the invited email, accepts the
 * invitation and opens a session, all in one transaction (nothing is created when any step fails).
 * @throws NotFoundError for an unknown token; ConflictError when the invitation is used, revoked
 * or expired, or when an account with that email exists (that person logs in and accepts instead).
 */
export async function registerWithInvitation(input: {
	token: string;
	name: string;
	password: string;
}): Promise<{ user: User; sessionToken: string; workshopId: string; role: WorkshopRole }> {
	// Checked before hashing so a dead link answers quickly and with the precise reason.
	const invitation = findInvitationByToken(input.token);
	if (invitation.status !== 'pending') throw conflictFor(invitation.status);
	if (findUserByEmail(invitation.email)) {
		throw new ConflictError('email_taken', 'field.emailTaken');
	}
	const passwordHash = await hashPassword(input.password);
	// Both checks run again inside the transaction: another request may have used the link or
	// registered the email while the password was being hashed.
	return transaction(getDb(), () => {
		const user = insertUser({ email: invitation.email, name: input.name, passwordHash });
		const accepted = acceptInvitation(user.id, input.token);
		return { user, sessionToken: createSession(user.id), ...accepted };
	});
}
