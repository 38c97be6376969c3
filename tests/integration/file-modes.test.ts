/**
 * Only the service's user can read the data directory, whatever umask the server is started
 * with: the real server creates the directory 0700 and the database, its -wal and -shm files and
 * the lock 0600; the command-line tool's backups and restores are 0600 too; and a start on an
 * existing, wider layout says so, one log line per path with its mode.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUserWithCli, formLogin, runCli } from '../support/cli.ts';
import { startServer } from '../support/server.ts';
import { tempDirsForFile } from '../support/temp-dirs.ts';

const newDir = tempDirsForFile();

/** The usual default umask, under which Node and SQLite create 0755 directories and 0644 files. */
const UMASK = '022';

function modeOf(file: string): string {
	return (fs.statSync(file).mode & 0o777).toString(8);
}

/** Mode of each entry in `dir` (and of `dir` itself under '.'). */
function modes(dir: string): Record<string, string> {
	const result: Record<string, string> = { '.': modeOf(dir) };
	for (const name of fs.readdirSync(dir)) result[name] = modeOf(path.join(dir, name));
	return result;
}

/** The JSON log lines a server printed that warn about a path's mode. */
function modeWarnings(output: string): { path: string; mode: string; msg: string }[] {
	return output
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as { level: number; path: string; mode: string; msg: string })
		.filter((line) => line.level === 40 && typeof line.mode === 'string');
}

describe('files only the service can read', () => {
	it('creates the directory 0700 and every file 0600, with backups and restores too', async () => {
		const dataDir = path.join(newDir(), 'data');
		const server = await startServer({ dataDir, umask: UMASK, env: { FORMVAERK_DEMO: '1' } });
		let backup: string;
		try {
			const facilitator = server.logins.facilitator[0];
			// A login writes: the WAL and its index exist while the server runs.
			expect(await formLogin(server.url, facilitator.email, facilitator.password)).not.toBeNull();
			expect(modes(dataDir)).toEqual({
				'.': '700',
				'formvaerk.db': '600',
				'formvaerk.db-wal': '600',
				'formvaerk.db-shm': '600',
				'formvaerk.lock': '600'
			});
			expect(modeWarnings(server.output())).toEqual([]);

			const backups = newDir();
			fs.chmodSync(backups, 0o755);
			backup = path.join(backups, 'nightly.db');
			const made = await runCli(dataDir, ['backup', '--to', backup], { umask: UMASK });
			expect(made.code, made.stderr).toBe(0);
			expect(modeOf(backup)).toBe('600');
		} finally {
			expect(await server.stop()).toBe(0);
		}

		// A backup copied around with a wider mode is restored private all the same.
		fs.chmodSync(backup, 0o644);
		const restored = await runCli(dataDir, ['restore', '--from', backup], { umask: UMASK });
		expect(restored.code, restored.stderr).toBe(0);
		const kept = fs.readdirSync(dataDir).find((n) => n.includes('before-restore'))!;
		expect(modes(dataDir)).toEqual({
			'.': '700',
			'formvaerk.db': '600',
			[kept]: '600',
			'formvaerk.lock': '600'
		});
	});

	it('the command-line tool creates a new data directory private as well', async () => {
		const dataDir = path.join(newDir(), 'cli-data');
		await createUserWithCli(dataDir, { email: 'a@kommune.dk', password: 'en lang nok kode' });
		expect(modeOf(dataDir)).toBe('700');
		expect(modeOf(path.join(dataDir, 'formvaerk.db'))).toBe('600');
	});

	it('warns at start, one line per path naming it and its mode, when existing ones are wider', async () => {
		const dataDir = newDir();
		const first = await startServer({ dataDir, env: { FORMVAERK_DEMO: '0' } });
		expect(await first.stop()).toBe(0);
		// As an older version or a careless copy left it.
		fs.chmodSync(dataDir, 0o755);
		fs.chmodSync(path.join(dataDir, 'formvaerk.db'), 0o644);
		fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'x', { mode: 0o664 });
		fs.chmodSync(path.join(dataDir, 'notes.txt'), 0o664);

		const server = await startServer({ dataDir, env: { FORMVAERK_DEMO: '0' } });
		try {
			const warnings = modeWarnings(server.output());
			const db = path.join(dataDir, 'formvaerk.db');
			const notes = path.join(dataDir, 'notes.txt');
			expect(warnings.map((w) => [w.path, w.mode])).toEqual(
				expect.arrayContaining([
					[dataDir, '0755'],
					[db, '0644'],
					[notes, '0664']
				])
			);
			expect(warnings.find((w) => w.path === dataDir)?.msg).toBe(
				`${dataDir} has mode 0755: other users may read it; chmod 700 ${dataDir}`
			);
			expect(warnings.find((w) => w.path === db)?.msg).toBe(
				`${db} has mode 0644: other users may read it; chmod 600 ${db}`
			);
			// Reported, not changed: the operator decides.
			expect(modeOf(db)).toBe('644');
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		} finally {
			expect(await server.stop()).toBe(0);
		}
	});
});
