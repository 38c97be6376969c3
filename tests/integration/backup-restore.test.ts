/**
 * Backup and restore round trip with the real server and the real command-line tool: an online
 * backup of a server in use, refused restores (server running, bad files) that change nothing,
 * and a restore into the stopped server's data directory that brings back exactly the backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { createUserWithCli, formLogin, isLoggedIn, runCli } from '../support/cli.ts';
import { startServer } from '../support/server.ts';
import { tempDirsForFile } from '../support/temp-dirs.ts';

const newDir = tempDirsForFile();

const PASSWORD = 'en lang nok adgangskode';

describe('backup and restore', () => {
	it('backs up a running server and restores the backup after it stops', async () => {
		const dataDir = newDir();
		const backups = newDir();
		const backupFile = path.join(backups, 'formvaerk-backup.db');
		const server = await startServer({ dataDir });
		const facilitator = server.logins.facilitator[0];
		const { orgId } = await createUserWithCli(dataDir, {
			email: 'foer@kommune.dk',
			password: PASSWORD
		});

		// Logins write sessions while the backup runs: the copy is taken online.
		const [backup] = await Promise.all([
			runCli(dataDir, ['backup', '--to', backupFile]),
			...Array.from({ length: 4 }, () =>
				formLogin(server.url, facilitator.email, facilitator.password)
			)
		]);
		expect(backup.code, backup.stderr).toBe(0);
		expect(backup.stdout).toContain(`Backup written to ${backupFile}`);
		expect(fs.readdirSync(backups)).toEqual(['formvaerk-backup.db']);

		await createUserWithCli(dataDir, { email: 'efter@kommune.dk', password: PASSWORD, orgId });
		const again = await runCli(dataDir, ['backup', '--to', backupFile]);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('already exists');

		const whileRunning = await runCli(dataDir, ['restore', '--from', backupFile]);
		expect(whileRunning.code).toBe(1);
		expect(whileRunning.stderr).toContain('Restore refused: stop the server first.');
		expect(whileRunning.stderr).toContain(`pid ${server.process.pid}`);
		const afterSession = await formLogin(server.url, 'efter@kommune.dk', PASSWORD);
		expect(afterSession).not.toBeNull();
		expect(await server.stop()).toBe(0);

		const restored = await runCli(dataDir, ['restore', '--from', backupFile]);
		expect(restored.code, restored.stderr).toBe(0);
		const kept = fs
			.readdirSync(dataDir)
			.filter((f) => f.startsWith('formvaerk.db.before-restore-'));
		expect(kept).toHaveLength(1);
		expect(kept[0]).toMatch(/^formvaerk\.db\.before-restore-\d{8}T\d{6}Z$/);
		expect(restored.stdout).toContain(kept[0]);
		expect(fs.readdirSync(dataDir).sort()).toEqual(['formvaerk.db', kept[0], 'formvaerk.lock']);

		const back = await startServer({ dataDir });
		try {
			expect(back.logins).toEqual({});
			expect(await formLogin(back.url, 'foer@kommune.dk', PASSWORD)).not.toBeNull();
			expect(await formLogin(back.url, facilitator.email, facilitator.password)).not.toBeNull();
			expect(await formLogin(back.url, 'efter@kommune.dk', PASSWORD)).toBeNull();
			// Sessions opened after the backup are gone with the rest of that time.
			expect(await isLoggedIn(back.url, afterSession!)).toBe(false);
			const workshops = await fetch(`${back.url}/workshops`, {
				headers: { cookie: (await formLogin(back.url, facilitator.email, facilitator.password))! }
			});
			expect(await workshops.text()).toContain('Læringsbevis for unge i virksomhedspraktik');
		} finally {
			expect(await back.stop()).toBe(0);
		}

		// The kept database is whole on its own: it still has the user created after the backup.
		const previous = new DatabaseSync(path.join(dataDir, kept[0]));
		const emails = previous
			.prepare('SELECT email FROM users')
			.all()
			.map((r) => r.email);
		previous.close();
		expect(emails).toContain('efter@kommune.dk');
	});

	it('restores into an empty data directory (a new machine)', async () => {
		const source = newDir();
		await createUserWithCli(source, { email: 'flyt@kommune.dk', password: PASSWORD });
		const file = path.join(newDir(), 'flyt.db');
		expect((await runCli(source, ['backup', '--to', file])).code).toBe(0);

		const target = path.join(newDir(), 'ny', 'data');
		const restored = await runCli(target, ['restore', '--from', file]);
		expect(restored.code, restored.stderr).toBe(0);
		expect(restored.stdout).toContain('There was no previous database.');
		const server = await startServer({ dataDir: target });
		try {
			expect(await formLogin(server.url, 'flyt@kommune.dk', PASSWORD)).not.toBeNull();
		} finally {
			await server.stop();
		}
	});

	it('after a crash, keeps the WAL with the old database and never replays it into the restored one', async () => {
		const dataDir = newDir();
		const { orgId } = await createUserWithCli(dataDir, {
			email: 'a@kommune.dk',
			password: PASSWORD
		});
		const file = path.join(newDir(), 'a.db');
		expect((await runCli(dataDir, ['backup', '--to', file])).code).toBe(0);
		const server = await startServer({ dataDir });
		// Written while the server holds the database open, so it sits in the WAL, not the file.
		await createUserWithCli(dataDir, { email: 'b@kommune.dk', password: PASSWORD, orgId });
		expect(await server.stop('SIGKILL')).toBeNull();
		expect(fs.statSync(path.join(dataDir, 'formvaerk.db-wal')).size).toBeGreaterThan(0);
		// The killed server's lock went with it (the kernel released it): restore goes ahead at once.

		const restored = await runCli(dataDir, ['restore', '--from', file]);
		expect(restored.code, restored.stderr).toBe(0);
		const names = fs.readdirSync(dataDir);
		expect(names.filter((n) => n.startsWith('formvaerk.db-'))).toEqual([]);

		const back = await startServer({ dataDir });
		try {
			expect(await formLogin(back.url, 'a@kommune.dk', PASSWORD)).not.toBeNull();
			expect(await formLogin(back.url, 'b@kommune.dk', PASSWORD)).toBeNull();
		} finally {
			await back.stop();
		}
		const kept = names.find((n) => n.startsWith('formvaerk.db.before-restore-'))!;
		const previous = new DatabaseSync(path.join(dataDir, kept));
		const emails = previous.prepare('SELECT email FROM users ORDER BY email').all();
		previous.close();
		expect(emails.map((r) => r.email)).toEqual(['a@kommune.dk', 'b@kommune.dk']);
	});

	it('refuses files that are not Formværk backups and changes nothing', async () => {
		const dataDir = newDir();
		await createUserWithCli(dataDir, { email: 'bliv@kommune.dk', password: PASSWORD });
		const before = fs.readFileSync(path.join(dataDir, 'formvaerk.db'));
		const files = newDir();
		const text = path.join(files, 'notes.txt');
		fs.writeFileSync(text, 'dette er ikke en database\n'.repeat(100));
		const foreign = path.join(files, 'other-app.db');
		const other = new DatabaseSync(foreign);
		other.exec(
			"CREATE TABLE schema_migrations (version TEXT PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101')"
		);
		other.close();
		const damaged = path.join(files, 'damaged.db');
		expect((await runCli(dataDir, ['backup', '--to', damaged])).code).toBe(0);
		// Overwrite the middle of the file: pages the integrity check reads, not the header.
		const bytes = fs.readFileSync(damaged);
		bytes.fill(0xab, 4096 * 2, 4096 * 4);
		fs.writeFileSync(damaged, bytes);

		const cases: [string, RegExp][] = [
			[path.join(files, 'missing.db'), /missing\.db does not exist or is not a file/],
			[files, /does not exist or is not a file/],
			[text, /notes\.txt is not a Formværk database \(file is not a database\)/],
			[foreign, /other-app\.db is not a Formværk database/],
			[damaged, /damaged\.db (is damaged|is not a Formværk database)/]
		];
		for (const [file, message] of cases) {
			const result = await runCli(dataDir, ['restore', '--from', file]);
			expect(result.code, file).toBe(1);
			expect(result.stderr).toMatch(message);
			expect(result.stderr).not.toMatch(/\n\s+at /);
		}
		// Only the lock file was added: a restore takes the lock before it looks at the backup.
		expect(fs.readdirSync(dataDir).sort()).toEqual(['formvaerk.db', 'formvaerk.lock']);
		expect(fs.readFileSync(path.join(dataDir, 'formvaerk.db')).equals(before)).toBe(true);
	});

	it('refuses a backup without a database to copy', async () => {
		const empty = newDir();
		const result = await runCli(empty, ['backup', '--to', path.join(empty, 'x.db')]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/There is no database at .*formvaerk\.db/);
		const noFolder = await runCli(empty, ['backup', '--to', path.join(empty, 'nope', 'x.db')]);
		expect(noFolder.code).toBe(1);
		expect(fs.readdirSync(empty)).toEqual([]);
	});
});
