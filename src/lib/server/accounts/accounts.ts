/**
 * Users, organisations and organisation membership. Permission checks happen here, through
 * `can()`, so that form actions, the API and the CLI share them.
 */
import { getDb, transaction } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { hashPassword, verifyPassword, dummyPasswordHash } from './passwords.ts';
import { reserveAttempt, settleAttempt, throttleKeys } from './throttle.ts';
import { createSession, revokeUserSessions } from './sessions.ts';
import { notifyAccessChanged } from '../platform/access-events.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	ValidationError
} from '#lib/domain/errors.ts';
import type { OrgRole, WorkshopRole } from '#lib/domain/workshop.ts';
import type { Locale } from '#lib/domain/schemas.ts';

export type User = { id: string; email: string; name: string; locale: Locale };
export type Membership = { orgId: string; orgName: string; role: OrgRole };
/** The signed-in person as routes see it: identity plus the roles `can()` needs. */
export type SessionUser = User & Actor & { orgs: Membership[] };

type UserRow = { id: string; email: string; name: string; locale: string; password_hash: string };

function toUser(row: UserRow): User {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		locale: row.locale === 'en' ? 'en' : 'da'
	};
}

/** Loads a user with every role they hold, or null when the user no longer exists. */
export function loadSessionUser(userId: string): SessionUser | null {
	const db = getDb();
	const row = db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
	if (!row) return null;
	const orgs = db
		.prepare(
			`SELECT m.org_id AS orgId, o.name AS orgName, m.role AS role FROM org_members m
			 JOIN organisations o ON o.id = m.org_id WHERE m.user_id = ? ORDER BY o.name`
		)
		.all(userId) as Membership[];
	const workshops = db
		.prepare('SELECT workshop_id, role FROM workshop_members WHERE user_id = ?')
		.all(userId) as { workshop_id: string; role: WorkshopRole }[];
	return {
		...toUser(row),
		orgs,
		orgRoles: Object.fromEntries(orgs.map((m) => [m.orgId, m.role])),
		workshopRoles: Object.fromEntries(workshops.map((w) => [w.workshop_id, w.role]))
	};
}

/** Finds a user by email (already normalised to lower case by the schema). */
export function findUserByEmail(email: string): User | null {
	const row = getDb().prepare('SELECT * FROM users WHERE email = ?').get(email) as
		UserRow | undefined;
	return row ? toUser(row) : null;
}

/**
 * Checks a login and opens a session. The error never says whether the email exists. The attempt
 * is counted by the throttle before the password is hashed, so parallel guesses cannot get past
 * the limit (throttle.ts).
 * @throws RateLimitedError after repeated failures for the account or the address.
 * @throws ValidationError with a generic message when the credentials do not match.
 */
export async function login(input: {
	email: string;
	password: string;
	address: string;
}): Promise<{ user: User; token: string }> {
	const keys = throttleKeys(input.email, input.address);
	reserveAttempt(keys);
	const row = getDb().prepare('SELECT * FROM users WHERE email = ?').get(input.email) as
		UserRow | undefined;
	// Hash even for unknown emails so response time does not reveal which accounts exist. A hash
	// that throws leaves its slot counted as in flight until it goes stale: never fewer checks.
	const isValid = await verifyPassword(
		input.password,
		row?.password_hash ?? (await dummyPasswordHash())
	);
	settleAttempt(keys, Boolean(row) && isValid);
	if (!row || !isValid) throw new ValidationError('login.invalid');
	return { user: toUser(row), token: createSession(row.id) };
}

/** Creates a user; throws ConflictError when the email is taken. */
export async function createUser(input: {
	email: string;
	name: string;
	password: string;
}): Promise<User> {
	const passwordHash = await hashPassword(input.password);
	return insertUser({ email: input.email, name: input.name, passwordHash });
}

/**
 * Inserts a user whose password is already hashed. Synchronous, so callers can hash first (slow,
 * async) and then insert inside a transaction together with other writes.
 * @throws ConflictError when the email is taken.
 */
export function insertUser(input: { email: string; name: string; passwordHash: string }): User {
	const id = newId();
	if (findUserByEmail(input.email)) throw new ConflictError('email_taken', 'field.emailTaken');
	getDb()
		.prepare(
			'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'
		)
		.run(id, input.email, input.name, input.passwordHash, Date.now());
	return { id, email: input.email, name: input.name, locale: 'da' };
}

/** Creates an organisation and returns its id. */
export function createOrganisation(name: string): string {
	const id = newId();
	getDb()
		.prepare('INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)')
		.run(id, name, Date.now());
	return id;
}

/**
 * The name of an organisation, or null when there is none with `orgId`. Callers have already
 * authorised reading what they name (an export prints its organisation's name).
 */
export function organisationName(orgId: string): string | null {
	const row = getDb().prepare('SELECT name FROM organisations WHERE id = ?').get(orgId) as
		{ name: string } | undefined;
	return row?.name ?? null;
}

/** Adds a user to an organisation or changes their role there. */
export function setOrgRole(orgId: string, userId: string, role: OrgRole): void {
	getDb()
		.prepare(
			`INSERT INTO org_members (org_id, user_id, role) VALUES (?, ?, ?)
			 ON CONFLICT(org_id, user_id) DO UPDATE SET role = excluded.role`
		)
		.run(orgId, userId, role);
}

/**
 * Creates an account directly in an organisation. For the operator's command-line tool, which
 * acts outside any login and so has no actor for `can()` to check.
 * @throws NotFoundError (organisation), ConflictError (email taken).
 */
export async function createOrgUser(
	orgId: string,
	input: { email: string; name: string; password: string; role: OrgRole }
): Promise<User> {
	const org = getDb().prepare('SELECT 1 FROM organisations WHERE id = ?').get(orgId);
	if (!org) throw new NotFoundError('organisation');
	const user = await createUser(input);
	setOrgRole(orgId, user.id, input.role);
	return user;
}

/** Adds a user to an organisation as a plain member unless they already belong to it. */
export function ensureOrgMember(orgId: string, userId: string): void {
	getDb()
		.prepare(`INSERT OR IGNORE INTO org_members (org_id, user_id, role) VALUES (?, ?, 'member')`)
		.run(orgId, userId);
}

/**
 * Changes a user's own password and logs out their other sessions.
 * @throws ValidationError when the current password is wrong.
 */
export async function changePassword(input: {
	userId: string;
	currentPassword: string;
	newPassword: string;
	keepSessionToken: string | undefined;
}): Promise<void> {
	const row = getDb().prepare('SELECT password_hash FROM users WHERE id = ?').get(input.userId) as
		Pick<UserRow, 'password_hash'> | undefined;
	if (!row) throw new NotFoundError('user');
	if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
		throw new ValidationError('field.invalid', { currentPassword: 'field.wrongPassword' });
	}
	const hash = await hashPassword(input.newPassword);
	transaction(getDb(), () => {
		getDb().prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, input.userId);
		revokeUserSessions(input.userId, input.keepSessionToken);
	});
}

/** Sets a user's password without the old one (CLI reset) and logs out all their sessions. */
export async function resetPassword(email: string, newPassword: string): Promise<void> {
	const user = findUserByEmail(email);
	if (!user) throw new NotFoundError('user');
	const hash = await hashPassword(newPassword);
	transaction(getDb(), () => {
		getDb().prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, user.id);
		revokeUserSessions(user.id);
	});
}

/** Stores the user's preferred interface language. */
export function setLocale(userId: string, locale: Locale): void {
	getDb().prepare('UPDATE users SET locale = ? WHERE id = ?').run(locale, userId);
}

export type OrgUser = { id: string; email: string; name: string; role: OrgRole };

/**
 * Lists the users of an organisation for its administrators.
 * @throws ForbiddenError when the actor does not administer the organisation.
 */
export function listOrgUsers(actor: Actor, orgId: string): OrgUser[] {
	if (!can(actor, 'manage', { type: 'org', id: orgId })) throw new ForbiddenError('org');
	return getDb()
		.prepare(
			`SELECT u.id, u.email, u.name, m.role FROM org_members m JOIN users u ON u.id = m.user_id
			 WHERE m.org_id = ? ORDER BY u.name`
		)
		.all(orgId) as OrgUser[];
}

/**
 * An administrator creates an account in their organisation.
 * @throws ForbiddenError, ConflictError (email taken).
 */
export async function adminCreateUser(
	actor: Actor,
	orgId: string,
	input: { email: string; name: string; password: string; role: OrgRole }
): Promise<User> {
	if (!can(actor, 'manage', { type: 'org', id: orgId })) throw new ForbiddenError('org');
	const user = await createUser(input);
	setOrgRole(orgId, user.id, input.role);
	return user;
}

/**
 * An administrator changes a member's organisation role. Nobody can change their own role, so
 * an organisation cannot lose its last administrator by accident.
 * @throws ForbiddenError, NotFoundError.
 */
export function adminSetRole(actor: Actor, orgId: string, userId: string, role: OrgRole): void {
	if (!can(actor, 'manage', { type: 'org', id: orgId })) throw new ForbiddenError('org');
	if (userId === actor.id) throw new ValidationError('admin.notSelf');
	const member = getDb()
		.prepare('SELECT 1 FROM org_members WHERE org_id = ? AND user_id = ?')
		.get(orgId, userId);
	if (!member) throw new NotFoundError('user');
	setOrgRole(orgId, userId, role);
	notifyAccessChanged({ userId });
}

/**
 * An administrator removes a person from the organisation and from all its workshops.
 * @throws ForbiddenError, NotFoundError.
 */
export function adminRemoveUser(actor: Actor, orgId: string, userId: string): void {
	if (!can(actor, 'manage', { type: 'org', id: orgId })) throw new ForbiddenError('org');
	if (userId === actor.id) throw new ValidationError('admin.notSelf');
	const db = getDb();
	transaction(db, () => {
		const result = db
			.prepare('DELETE FROM org_members WHERE org_id = ? AND user_id = ?')
			.run(orgId, userId);
		if (result.changes === 0) throw new NotFoundError('user');
		db.prepare(
			'DELETE FROM workshop_members WHERE user_id = ? AND workshop_id IN (SELECT id FROM workshops WHERE org_id = ?)'
		).run(userId, orgId);
	});
	notifyAccessChanged({ userId });
}
