/**
 * Setup the API cannot do, done on a running test server's database from the test process:
 * a second municipality (until the CLI's create-org exists) and clock changes such as an expired
 * invitation. SQLite in WAL mode lets this second connection write while the server runs; the
 * server's busy timeout covers the moment of the write. Only for setup: assertions go through HTTP.
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { closeDatabase, initDatabase, isDatabaseOpen } from '#lib/server/platform/db.ts';
import {
	createOrganisation,
	createUser,
	loadSessionUser,
	setOrgRole
} from '#lib/server/accounts/accounts.ts';
import { createWorkshop } from '#lib/server/workshops/workshops.ts';

/** Opens the server's database file, runs `fn`, and closes it again whatever happens. */
export async function withServerDb<T>(
	dataDir: string,
	fn: (db: DatabaseSync) => T | Promise<T>
): Promise<T> {
	// The app keeps one handle per process; refuse to run against a handle some other test left.
	if (isDatabaseOpen()) throw new Error('a database is already open in this test process');
	const db = initDatabase(dataDir);
	try {
		return await fn(db);
	} finally {
		closeDatabase();
	}
}

export type Municipality = {
	orgId: string;
	workshopId: string;
	admin: { email: string; password: string };
};

/**
 * Creates another municipality with an administrator (who also facilitates its one workshop),
 * through the same server functions the app uses.
 */
export function createMunicipality(dataDir: string, name: string): Promise<Municipality> {
	const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
	const admin = { email: `admin@${slug}.example`, password: 'en-god-adgangskode' };
	return withServerDb(dataDir, async () => {
		const user = await createUser({
			email: admin.email,
			name: `Admin ${name}`,
			password: admin.password
		});
		const orgId = createOrganisation(name);
		setOrgRole(orgId, user.id, 'admin');
		const actor = loadSessionUser(user.id);
		if (!actor) throw new Error('user vanished');
		const workshop = createWorkshop(actor, { orgId, title: `Forløb i ${name}` });
		return { orgId, workshopId: workshop.id, admin };
	});
}

/** Moves an invitation's expiry into the past, as if its 14 days had gone by. */
export function expireInvitation(dataDir: string, invitationId: string): Promise<void> {
	return withServerDb(dataDir, (db) => {
		const result = db
			.prepare('UPDATE invitations SET expires_at = ? WHERE id = ?')
			.run(Date.now() - 1000, invitationId);
		if (result.changes !== 1) throw new Error(`no invitation ${invitationId}`);
	});
}

/**
 * Makes every invitation for `email` expire, as 14 days passing would. Opens its own connection
 * (not the app's registry) so it also works from the Playwright process.
 */
export function expireInvitations(dataDir: string, email: string): number {
	const db = new DatabaseSync(path.join(dataDir, 'formvaerk.db'));
	try {
		// The server holds the same file open in WAL mode; wait for its writes instead of failing.
		db.exec('PRAGMA busy_timeout = 5000');
		const result = db
			.prepare('UPDATE invitations SET expires_at = ? WHERE email = ?')
			.run(Date.now() - 1000, email);
		return Number(result.changes);
	} finally {
		db.close();
	}
}
