/**
 * The operator's command-line tool, run as a real process against a temporary data directory:
 * every command, its bad input (clear message, exit code, nothing changed) and its effect on a
 * running server.
 */
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUserWithCli, formLogin, isLoggedIn, runCli } from '../support/cli.ts';
import { startServer } from '../support/server.ts';
import { tempDirsForFile } from '../support/temp-dirs.ts';

const newDir = tempDirsForFile();

/** Reads one number from the database, to show that a refused command wrote nothing. */
function count(dataDir: string, table: 'organisations' | 'users' | 'org_members'): number {
	const db = new DatabaseSync(path.join(dataDir, 'formvaerk.db'));
	try {
		return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
	} finally {
		db.close();
	}
}

const PASSWORD = 'en lang nok adgangskode';
/** base64url of 128 random bits, as `newId()` makes them. */
const ID = /^[A-Za-z0-9_-]{22}$/;

describe('usage', () => {
	it('prints the usage with --help and exits 0', async () => {
		const result = await runCli(newDir(), ['--help']);
		expect(result.code).toBe(0);
		for (const command of ['create-org', 'create-user', 'reset-password', 'backup', 'restore']) {
			expect(result.stdout).toContain(command);
		}
		const commandHelp = await runCli(newDir(), ['restore', '--help']);
		expect(commandHelp.code).toBe(0);
		expect(commandHelp.stdout).toContain('restore --from FILE');
		expect(commandHelp.stdout).not.toContain('create-org');
	});

	it.each([
		[[], 'No command given.'],
		[['frobnicate'], 'Unknown command "frobnicate".'],
		[['create-org', '--nmae', 'X'], "Unknown option '--nmae'"],
		[['create-org'], 'Missing --name.'],
		[['create-user', '--email', 'a@b.dk'], 'Missing --name, --org.'],
		[['create-org', '--name', 'X', 'extra'], 'extra'],
		[['backup', '--to'], '--to']
	])('refuses %j with a usage message and exit code 2', async (args, message) => {
		const result = await runCli(newDir(), args);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(message);
		expect(result.stderr).toContain('Usage: npm run cli --');
		expect(result.stdout).toBe('');
	});
});

describe('create-org', () => {
	it('prints only the new id', async () => {
		const dir = newDir();
		const result = await runCli(dir, ['create-org', '--name', 'Aarhus Kommune']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(new RegExp(`^${ID.source.slice(1, -1)}\n$`));
		expect(count(dir, 'organisations')).toBe(1);
	});

	it('refuses an empty or too long name and creates nothing', async () => {
		const dir = newDir();
		await runCli(dir, ['create-org', '--name', 'Først']);
		for (const name of ['   ', 'x'.repeat(121)]) {
			const result = await runCli(dir, ['create-org', '--name', name]);
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(/^Error: --name: /);
			expect(result.stderr).not.toMatch(/\n\s+at /);
		}
		expect(count(dir, 'organisations')).toBe(1);
	});
});

describe('create-user', () => {
	it('creates a member, or an administrator with --admin, and prints the id', async () => {
		const dir = newDir();
		const { orgId, userId } = await createUserWithCli(dir, {
			email: 'Admin@Kommune.dk',
			password: PASSWORD,
			isAdmin: true
		});
		expect(userId).toMatch(ID);
		const member = await createUserWithCli(dir, {
			email: 'medlem@kommune.dk',
			password: PASSWORD,
			orgId
		});
		const db = new DatabaseSync(path.join(dir, 'formvaerk.db'));
		const roles = db
			.prepare(
				'SELECT u.email, m.role FROM org_members m JOIN users u ON u.id = m.user_id ORDER BY 1'
			)
			.all();
		db.close();
		expect(roles).toEqual([
			{ email: 'admin@kommune.dk', role: 'admin' },
			{ email: 'medlem@kommune.dk', role: 'member' }
		]);
		expect(member.userId).not.toBe(userId);
	});

	it('refuses bad input with a plain message and changes nothing', async () => {
		const dir = newDir();
		const { orgId } = await createUserWithCli(dir, { email: 'a@kommune.dk', password: PASSWORD });
		const base = ['create-user', '--name', 'Bo', '--org', orgId, '--email'];
		const cases: [string[], string | undefined, RegExp][] = [
			[[...base, 'b@kommune.dk'], 'kort\n', /password: The password must be at least 10/],
			[[...base, 'b@kommune.dk'], undefined, /No password on standard input/],
			[[...base, 'ikke-en-adresse'], `${PASSWORD}\n`, /--email: Enter a valid email/],
			[[...base, 'A@kommune.dk'], `${PASSWORD}\n`, /A user with a@kommune.dk already exists/],
			[
				// Ids are base64url and may start with "-"; the value must not be taken for a flag.
				['create-user', '--name', 'Bo', '--org', '-ukendt', '--email', 'b@kommune.dk'],
				`${PASSWORD}\n`,
				/No organisation has the id -ukendt/
			]
		];
		for (const [args, stdin, message] of cases) {
			const result = await runCli(dir, args, { stdin });
			expect(result.code, args.join(' ')).toBe(1);
			expect(result.stderr).toMatch(message);
			expect(result.stderr).not.toMatch(/\n\s+at /);
			expect(result.stdout).toBe('');
		}
		expect(count(dir, 'users')).toBe(1);
		expect(count(dir, 'org_members')).toBe(1);
		// The refused address is still free: nothing half-created is in the way.
		const retry = await runCli(dir, [...base, 'b@kommune.dk'], { stdin: `${PASSWORD}\n` });
		expect(retry.code, retry.stderr).toBe(0);
	});
});

describe('reset-password against a running server', () => {
	it('sets the new password and logs out every session of the user', async () => {
		const dir = newDir();
		const server = await startServer({ dataDir: dir, env: { FORMVAERK_DEMO: '0' } });
		try {
			const email = 'nulstil@kommune.dk';
			await createUserWithCli(dir, { email, password: PASSWORD });
			const session = await formLogin(server.url, email, PASSWORD);
			expect(session).not.toBeNull();
			expect(await isLoggedIn(server.url, session!)).toBe(true);

			const newPassword = 'en helt ny adgangskode';
			const reset = await runCli(dir, ['reset-password', '--email', email], {
				stdin: `${newPassword}\n`
			});
			expect(reset.code, reset.stderr).toBe(0);
			expect(reset.stdout).toContain('logged out');

			expect(await isLoggedIn(server.url, session!)).toBe(false);
			expect(await formLogin(server.url, email, PASSWORD)).toBeNull();
			expect(await formLogin(server.url, email, newPassword)).not.toBeNull();

			const unknown = await runCli(dir, ['reset-password', '--email', 'ingen@kommune.dk'], {
				stdin: `${newPassword}\n`
			});
			expect(unknown.code).toBe(1);
			expect(unknown.stderr).toBe('Error: No user has the email ingen@kommune.dk.\n');
			const tooShort = await runCli(dir, ['reset-password', '--email', email], {
				stdin: 'kort\n'
			});
			expect(tooShort.code).toBe(1);
			expect(await formLogin(server.url, email, newPassword)).not.toBeNull();
		} finally {
			expect(await server.stop()).toBe(0);
		}
	});
});
