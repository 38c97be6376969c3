/**
 * One server per data directory, held by a lock the kernel releases (`formvaerk.lock`): a second
 * live server or a restore is refused with the owner's pid, while a SIGKILLed server (even one
 * still a zombie) or a stale pid naming some other live process never blocks a start.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { createUserWithCli, runCli } from '../support/cli.ts';
import { freePort, startServer } from '../support/server.ts';
import { tempDirsForFile } from '../support/temp-dirs.ts';
import { expectRefusal } from '../support/start-refusal.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const newDir = tempDirsForFile();

/** The pid the lock file records (its SQLite header's user_version), read as another process would. */
function recordedPid(dataDir: string): number {
	return fs.readFileSync(path.join(dataDir, 'formvaerk.lock')).readUInt32BE(60);
}

/** The state letter of a process in /proc (R, S, Z…), or null when it is gone. */
function processState(pid: number): string | null {
	try {
		return /^\d+ \(.*\) (\S)/.exec(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? null;
	} catch {
		return null;
	}
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('one server per data directory', () => {
	it('refuses a second live server and a restore, naming the first; a stop releases it', async () => {
		const server = await startServer({ dataDir: newDir(), env: { FORMVAERK_DEMO: '0' } });
		try {
			expect(recordedPid(server.dataDir)).toBe(server.process.pid);
			await expectRefusal(
				{ FORMVAERK_DATA_DIR: server.dataDir },
				new RegExp(
					`Another Formværk process \\(pid ${server.process.pid}\\) is using the data directory ${server.dataDir}\\.`
				)
			);
			const backup = path.join(newDir(), 'b.db');
			expect((await runCli(server.dataDir, ['backup', '--to', backup])).code).toBe(0);
			const restore = await runCli(server.dataDir, ['restore', '--from', backup]);
			expect(restore.code).toBe(1);
			expect(restore.stderr).toContain(
				`Restore refused: stop the server first. Another Formværk process (pid ${server.process.pid})`
			);
			// The refused attempts took nothing from the running one.
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			expect(recordedPid(server.dataDir)).toBe(server.process.pid);
		} finally {
			expect(await server.stop()).toBe(0);
		}
		expect(recordedPid(server.dataDir)).toBe(0);
	});

	it('a restore takes the lock: refused while another process holds it, free when it ends', async () => {
		const dataDir = newDir();
		await createUserWithCli(dataDir, { email: 'a@kommune.dk', password: 'en lang nok kode' });
		const backup = path.join(newDir(), 'b.db');
		expect((await runCli(dataDir, ['backup', '--to', backup])).code).toBe(0);
		// Held by another process, as a running restore holds it: neither a restore nor a server starts.
		const holder = new DatabaseSync(path.join(dataDir, 'formvaerk.lock'));
		holder.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = MEMORY');
		holder.exec('BEGIN EXCLUSIVE; PRAGMA user_version = 4242; COMMIT');
		try {
			const restore = await runCli(dataDir, ['restore', '--from', backup]);
			expect(restore.stderr).toContain('Another Formværk process (pid 4242)');
			await expectRefusal({ FORMVAERK_DATA_DIR: dataDir }, /\(pid 4242\) is using the data/);
		} finally {
			holder.close();
		}
		const restore = await runCli(dataDir, ['restore', '--from', backup]);
		expect(restore.code, restore.stderr).toBe(0);
		const server = await startServer({ dataDir });
		expect(await server.stop()).toBe(0);
	});

	it('is not blocked by a lock file or an old pid file naming a live, unrelated process', async () => {
		const dataDir = newDir();
		// The test runner is alive: after a reboot, or in a container where every start is pid 1,
		// a recorded pid can belong to any process.
		const stale = new DatabaseSync(path.join(dataDir, 'formvaerk.lock'));
		stale.exec(`PRAGMA user_version = ${process.pid}`);
		stale.close();
		fs.writeFileSync(path.join(dataDir, 'formvaerk.pid'), `${process.pid}\n`);
		const server = await startServer({ dataDir, env: { FORMVAERK_DEMO: '0' } });
		expect(recordedPid(dataDir)).toBe(server.process.pid);
		expect(await server.stop()).toBe(0);
	});

	it('starts at once after a SIGKILL, even while the killed server is still a zombie', async () => {
		const dataDir = newDir();
		// The shell starts the server, prints its pid and becomes `sleep`, which never reaps it:
		// once killed, the server stays a zombie for as long as the sleep runs.
		const parent = spawn(
			'/bin/sh',
			['-c', '"$1" server/index.ts & echo "$!"; exec sleep 120', 'sh', process.execPath],
			{
				cwd: ROOT,
				env: {
					...process.env,
					PORT: String(await freePort()),
					HOST: '127.0.0.1',
					FORMVAERK_DATA_DIR: dataDir,
					FORMVAERK_DEMO: '0',
					LOG_LEVEL: 'warn'
				},
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let output = '';
		parent.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		parent.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		try {
			await until(() => /kører på/.test(output), `the first server:\n${output}`);
			const pid = Number(/^(\d+)$/m.exec(output)?.[1]);
			expect(recordedPid(dataDir)).toBe(pid);
			process.kill(pid, 'SIGKILL');
			await until(() => processState(pid) === 'Z', 'the killed server to become a zombie');

			const restarted = await startServer({ dataDir, env: { FORMVAERK_DEMO: '0' } });
			expect(processState(pid)).toBe('Z');
			expect(recordedPid(dataDir)).toBe(restarted.process.pid);
			expect((await fetch(`${restarted.url}/healthz`)).status).toBe(200);
			expect(await restarted.stop()).toBe(0);
		} finally {
			parent.kill('SIGKILL');
		}
	});
});
