/**
 * Only the service's user may read the data directory: it holds password and session hashes and
 * personal data. The directory is created 0700 and every file in it 0600; the server and the
 * command-line tool set a umask of 077 at start, so whatever else they create (SQLite's -wal and
 * -shm files, backups) is private too, and the code that creates files sets the mode as well for
 * callers without that umask (vite dev, tests). Existing wider modes are reported at start, not
 * changed: an operator may have widened them on purpose (a backup group, say).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The data directory: owner only. */
export const PRIVATE_DIR_MODE = 0o700;
/** Every file in it: owner read/write only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes everything this process creates private (umask 077). Call first thing in a process
 * entry; Node allows it only on the main thread.
 */
export function restrictNewFileModes(): void {
	process.umask(0o077);
}

/** Sets `file` to 0600 if it exists (for files created by a library at its own mode). */
export function makePrivate(file: string): void {
	try {
		fs.chmodSync(file, PRIVATE_FILE_MODE);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
}

/** `0o644` as the `0644` people type after chmod. */
export function formatMode(mode: number): string {
	return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

/** A path others may use, its mode as `0644`, and the chmod that makes it private. */
export type WideMode = { path: string; mode: string; fix: string };

/**
 * The data directory itself and the entries directly in it that others than the owner may read,
 * write or enter, with their mode (`0755`, `0644`…).
 */
export function widerThanPrivate(dataDir: string): WideMode[] {
	const wide: WideMode[] = [];
	const check = (entry: string) => {
		const stat = fs.statSync(entry, { throwIfNoEntry: false });
		if (!stat || (stat.mode & 0o077) === 0) return;
		const mode = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
		wide.push({
			path: entry,
			mode: formatMode(stat.mode),
			fix: `chmod ${formatMode(mode).slice(1)} ${entry}`
		});
	};
	check(dataDir);
	for (const name of fs.readdirSync(dataDir).sort()) check(path.join(dataDir, name));
	return wide;
}
