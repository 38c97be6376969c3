/**
 * A damaged database is reported, not served. The real server refuses to start, with one line
 * naming the file and the restore command, on a database replaced by random bytes, truncated,
 * with a corrupted page, empty (0 bytes: not taken for a fresh install), left as a lone WAL, or
 * one it may not write. While it runs, /healthz turns 503 and names the database's state when
 * the file is moved away, replaced, truncated or overwritten.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithCli, formLogin, runCli } from '../support/cli.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { tempDirsForFile } from '../support/temp-dirs.ts';
import { expectRefusal } from '../support/start-refusal.ts';

const PASSWORD = 'en lang nok adgangskode';
const EMAIL = 'drift@kommune.dk';
const newDir = tempDirsForFile();
/** A data directory holding a cleanly closed database with one user, and its backup. */
let pristine: string;
let backup: string;

beforeAll(async () => {
	pristine = newDir();
	await createUserWithCli(pristine, { email: EMAIL, password: PASSWORD });
	backup = path.join(newDir(), 'backup.db');
	expect((await runCli(pristine, ['backup', '--to', backup])).code).toBe(0);
	expect(fs.readdirSync(pristine)).toEqual(['formvaerk.db']);
});

/** A copy of the pristine data directory; returns it and its database file. */
function copyOfDatabase(): { dataDir: string; file: string } {
	const dataDir = newDir();
	const file = path.join(dataDir, 'formvaerk.db');
	fs.copyFileSync(path.join(pristine, 'formvaerk.db'), file);
	return { dataDir, file };
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The refusal line's start and end for `file`: it names the file and the restore command. */
function damagedLine(file: string, reason: RegExp): RegExp {
	return new RegExp(
		`^Formværk cannot start: The database ${escape(file)} is damaged \\(${reason.source}[^\\n]*\\)\\. ` +
			'Restore the latest backup: npm run cli -- restore --from <backup file> ' +
			'\\(docs/operations\\.md, "Restore"\\)\\.\\n$'
	);
}

describe('a damaged database is refused at start', () => {
	it('replaced by random bytes; the restore command in the message brings it back', async () => {
		const { dataDir, file } = copyOfDatabase();
		fs.writeFileSync(file, crypto.randomBytes(fs.statSync(file).size));
		await expectRefusal(
			{ FORMVAERK_DATA_DIR: dataDir },
			damagedLine(file, /file is not a database/)
		);

		const restored = await runCli(dataDir, ['restore', '--from', backup]);
		expect(restored.code, restored.stderr).toBe(0);
		const server = await startServer({ dataDir });
		try {
			expect(await formLogin(server.url, EMAIL, PASSWORD)).not.toBeNull();
		} finally {
			await server.stop();
		}
	});

	it('truncated', async () => {
		const { dataDir, file } = copyOfDatabase();
		fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
		await expectRefusal({ FORMVAERK_DATA_DIR: dataDir }, damagedLine(file, /\S/));
	});

	it('with a corrupted page (quick_check)', async () => {
		const { dataDir, file } = copyOfDatabase();
		const bytes = fs.readFileSync(file);
		// Pages 3 and 4: table pages, well behind the header SQLite reads first.
		bytes.fill(0xab, 4096 * 2, 4096 * 4);
		fs.writeFileSync(file, bytes);
		await expectRefusal(
			{ FORMVAERK_DATA_DIR: dataDir },
			damagedLine(file, /(quick_check: |database disk image is malformed)/)
		);
	});

	it('empty (0 bytes): refused by the server and the CLI, not set up as a fresh install', async () => {
		const { dataDir, file } = copyOfDatabase();
		fs.truncateSync(file, 0);
		const message = new RegExp(
			`The database ${escape(file)} is empty \\(0 bytes\\): it was truncated or replaced, and ` +
				'Formværk will not set up a new installation over it\\. Restore the latest backup: ' +
				'npm run cli -- restore --from <backup file>'
		);
		const refused = await expectRefusal(
			{ FORMVAERK_DATA_DIR: dataDir, FORMVAERK_DEMO: '0' },
			message
		);
		expect(refused.stdout).not.toMatch(/setup|Opret den første/);
		const cli = await runCli(dataDir, ['create-org', '--name', 'Ny Kommune']);
		expect(cli.code).toBe(1);
		expect(cli.stderr).toMatch(message);
		expect(fs.statSync(file).size).toBe(0);
	});

	it('gone while its write-ahead log stayed', async () => {
		const dataDir = newDir();
		const server = await startServer({ dataDir, env: { FORMVAERK_DEMO: '0' } });
		await server.stop('SIGKILL');
		const file = path.join(dataDir, 'formvaerk.db');
		expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
		fs.rmSync(file);
		await expectRefusal(
			{ FORMVAERK_DATA_DIR: dataDir },
			new RegExp(`The database ${escape(file)} is missing, but its write-ahead log`)
		);
		expect(fs.existsSync(file)).toBe(false);
	});

	it('that this server may not write (restored by another user)', async () => {
		const { dataDir, file } = copyOfDatabase();
		const isRoot = process.getuid?.() === 0;
		// Permission bits do not stop root, so as root the server runs as nobody, in a directory
		// nobody owns, meeting a database that root restored (root's, 0600).
		const nobody = 65534;
		if (isRoot) fs.chownSync(dataDir, nobody, nobody);
		else fs.chmodSync(file, 0o400);
		const uid = isRoot ? nobody : process.getuid!();
		await expectRefusal(
			{ FORMVAERK_DATA_DIR: dataDir },
			new RegExp(
				`The database ${escape(file)} cannot be read and written by the user this server runs as ` +
					`\\(user id ${uid}\\): EACCES on formvaerk\\.db\\. Give the server's user the data directory and every file ` +
					`in it \\(chown -R <user> ${escape(dataDir)}\\)`
			),
			isRoot ? { uid: nobody, gid: nobody } : {}
		);
	});
});

describe('/healthz reports the database while the server runs', () => {
	let server: TestServer | undefined;
	afterAll(async () => {
		await server?.stop('SIGKILL');
	});

	async function health(): Promise<[number, unknown]> {
		const response = await fetch(`${server!.url}/healthz`);
		return [response.status, await response.json()];
	}

	/** Starts a server on a fresh copy of the pristine database (no writes after its start). */
	async function serve(): Promise<string> {
		await server?.stop('SIGKILL');
		const { dataDir, file } = copyOfDatabase();
		server = await startServer({ dataDir });
		expect(await health()).toEqual([200, { status: 'ok', database: 'ok' }]);
		return file;
	}

	it('moved away, then back; and replaced by another file', async () => {
		const file = await serve();
		fs.renameSync(file, `${file}.moved`);
		expect(await health()).toEqual([503, { status: 'unavailable', database: 'missing' }]);
		fs.renameSync(`${file}.moved`, file);
		expect(await health()).toEqual([200, { status: 'ok', database: 'ok' }]);
		fs.copyFileSync(file, `${file}.copy`);
		fs.renameSync(`${file}.copy`, file);
		expect(await health()).toEqual([503, { status: 'unavailable', database: 'replaced' }]);
	});

	it('truncated to nothing in place', async () => {
		const file = await serve();
		fs.truncateSync(file, 0);
		expect(await health()).toEqual([503, { status: 'unavailable', database: 'damaged' }]);
	});

	it('overwritten in place with random bytes, and it stays failed', async () => {
		const file = await serve();
		fs.writeFileSync(file, crypto.randomBytes(fs.statSync(file).size));
		expect(await health()).toEqual([503, { status: 'unavailable', database: 'damaged' }]);
		// The log line travels through a pipe and may arrive just after the response.
		await expect
			.poll(() => server!.output(), { timeout: 5_000 })
			.toContain('database unusable: health check fails');
		fs.copyFileSync(path.join(pristine, 'formvaerk.db'), file);
		expect(await health()).toEqual([503, { status: 'unavailable', database: 'damaged' }]);
	});
});
