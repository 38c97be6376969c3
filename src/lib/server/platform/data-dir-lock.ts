/**
 * One process at a time owns a data directory: the running server, or the CLI while it restores
 * a backup. The owner holds `formvaerk.pid` (its process id, one line), so a second server on the
 * same directory refuses to start and `restore` refuses while the server runs. A file left behind
 * by a killed process is stale when no process with that id exists any more, and is then taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

/** File name of the lock inside the data directory. */
export const LOCK_FILE_NAME = 'formvaerk.pid';

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends Error {
	readonly pid: number;
	constructor(dataDir: string, pid: number) {
		super(
			`Another Formværk process (pid ${pid}) is using the data directory ${dataDir}. ` +
				`If no such process is running, delete ${path.join(dataDir, LOCK_FILE_NAME)}.`
		);
		this.pid = pid;
	}
}

/** True when a process with this id exists (EPERM: it exists but belongs to another user). */
function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readPid(file: string): number | null {
	try {
		const pid = Number(fs.readFileSync(file, 'utf8').trim());
		return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

/**
 * The id of the live process that holds the data directory, or null when it is free. Our own id
 * counts as free: in a container the server is pid 1 on every start, so a file left by a killed
 * predecessor names the new process itself.
 */
export function dataDirOwner(dataDir: string): number | null {
	const pid = readPid(path.join(dataDir, LOCK_FILE_NAME));
	return pid !== null && pid !== process.pid && isProcessAlive(pid) ? pid : null;
}

/**
 * Takes the data directory for this process and returns the function that gives it back. The
 * directory must exist. The file is written under a temporary name and hard-linked into place, so
 * another process never sees it half-written, and the link fails if someone else got there first.
 * @throws DataDirLockedError when another live process holds it.
 */
export function acquireDataDirLock(dataDir: string): () => void {
	const file = path.join(dataDir, LOCK_FILE_NAME);
	const temp = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(temp, `${process.pid}\n`);
	try {
		// Two rounds: the second runs after removing a stale file; a third contender loses.
		for (let round = 0; round < 2; round++) {
			try {
				fs.linkSync(temp, file);
				return () => releaseDataDirLock(file);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
			const owner = dataDirOwner(dataDir);
			if (owner !== null) throw new DataDirLockedError(dataDir, owner);
			fs.rmSync(file, { force: true });
		}
		throw new DataDirLockedError(dataDir, readPid(file) ?? 0);
	} finally {
		fs.rmSync(temp, { force: true });
	}
}

/** Removes the lock file if it is still ours (a restore may have replaced the directory's contents). */
function releaseDataDirLock(file: string): void {
	if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
}
