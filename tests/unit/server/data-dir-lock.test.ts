import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
	acquireDataDirLock,
	dataDirOwner,
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

it('holds the directory with its pid and gives it back', () => {
	const release = acquireDataDirLock(dir);
	expect(fs.readFileSync(lockFile, 'utf8')).toBe(`${process.pid}\n`);
	expect(fs.readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
	release();
	expect(fs.readdirSync(dir)).toEqual([]);
});

it('refuses while another live process holds it, and leaves its file alone', () => {
	// The test runner's parent process is alive for as long as this test runs.
	fs.writeFileSync(lockFile, `${process.ppid}\n`);
	expect(dataDirOwner(dir)).toBe(process.ppid);
	expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
	expect(() => acquireDataDirLock(dir)).toThrow(`pid ${process.ppid}`);
	expect(fs.readFileSync(lockFile, 'utf8')).toBe(`${process.ppid}\n`);
	expect(fs.readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
});

it.each([
	['its own pid (a container restarts the server as the same pid)', () => String(process.pid)],
	['garbage', () => 'not a pid'],
	['nothing', () => '']
])('takes over a file holding %s', (_, content) => {
	fs.writeFileSync(lockFile, content());
	expect(dataDirOwner(dir)).toBeNull();
	const release = acquireDataDirLock(dir);
	expect(fs.readFileSync(lockFile, 'utf8')).toBe(`${process.pid}\n`);
	release();
});

it('does not remove a lock that another process took over in the meantime', () => {
	const release = acquireDataDirLock(dir);
	fs.writeFileSync(lockFile, `${process.ppid}\n`);
	release();
	expect(fs.readFileSync(lockFile, 'utf8')).toBe(`${process.ppid}\n`);
});
