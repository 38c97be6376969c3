/**
 * The data-directory lock is an exclusive SQLite lock on `formvaerk.lock`, which the kernel drops
 * when its process ends. In one process SQLite refuses a second connection's lock like another
 * process's, so these tests can take it twice. (Reading the lock file with `fs` while this process
 * holds it would drop the lock: POSIX locks end with any close of the file, so the tests only look
 * at it after releasing, or through SQLite.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
	acquireDataDirLock,
	DataDirLockedError,
	LOCK_FILE_NAME
} from '../../../src/lib/server/platform/data-dir-lock.ts';

let dir: string;
let lockFile: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'formvaerk-lock-'));
	lockFile = path.join(dir, LOCK_FILE_NAME);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a lock file that names `pid` but is locked by nobody, as a killed process leaves it. */
function leftBehind(pid: number): void {
	const db = new DatabaseSync(lockFile);
	db.exec(`PRAGMA user_version = ${pid}`);
	db.close();
}

function recordedPid(): number {
	const db = new DatabaseSync(lockFile, { readOnly: true });
	try {
		return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
	} finally {
		db.close();
	}
}

it('holds the directory, refuses a second owner naming the first, and gives it back', () => {
	const release = acquireDataDirLock(dir);
	expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
	expect(() => acquireDataDirLock(dir)).toThrow(
		`Another Formværk process (pid ${process.pid}) is using the data directory ${dir}.`
	);
	release();
	expect(fs.readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
	expect(fs.statSync(lockFile).mode & 0o777).toBe(0o600);
	// Released: the file stays (deleting it could let two processes lock two files) but names no one.
	expect(recordedPid()).toBe(0);
	const again = acquireDataDirLock(dir);
	again();
});

it('is not blocked by a file naming a live process that does not hold the lock', () => {
	// The test runner's parent is alive; after a reboot or in a container a stale pid can be too.
	leftBehind(process.ppid);
	const release = acquireDataDirLock(dir);
	release();
	leftBehind(process.pid);
	acquireDataDirLock(dir)();
});

it('ignores the pid file of earlier versions', () => {
	fs.writeFileSync(path.join(dir, 'formvaerk.pid'), `${process.ppid}\n`);
	acquireDataDirLock(dir)();
});

it('records its pid for the message of a refused start in another process', () => {
	const release = acquireDataDirLock(dir);
	try {
		// A refused attempt in this process leaves the lock in force for the others.
		expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
		const script = `
			import { acquireDataDirLock } from ${JSON.stringify(path.resolve('src/lib/server/platform/data-dir-lock.ts'))};
			try { acquireDataDirLock(${JSON.stringify(dir)}); } catch (error) { console.log(error.message); }`;
		const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
			encoding: 'utf8'
		});
		expect(child.stdout.trim()).toBe(
			`Another Formværk process (pid ${process.pid}) is using the data directory ${dir}.`
		);
	} finally {
		release();
	}
});

it.each([
	['garbage', 'not a database at all\n'.repeat(300)],
	['nothing', '']
])('takes over a lock file holding %s', (_, content) => {
	fs.writeFileSync(lockFile, content);
	const release = acquireDataDirLock(dir);
	expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
	release();
	expect(recordedPid()).toBe(0);
});
