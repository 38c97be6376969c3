/**
 * One process at a time owns a data directory: the running server, or the CLI while it restores
 * a backup. The owner holds an exclusive SQLite lock on `formvaerk.lock` (a tiny database of its
 * own) for as long as it lives. The lock is a POSIX record lock, which the kernel drops the moment
 * the process ends, however it ends: after a SIGKILL or a crash the next start simply gets it,
 * even while the dead process is still a zombie, and a stale process id can never block a start.
 *
 * The owner's pid is written into the lock file's header (SQLite's `user_version`) only so that a
 * refused start can name it. The file itself stays in place: deleting a lock file while another
 * process may have it open would let two processes lock two different files.
 *
 * Careful: POSIX locks belong to the process and are released when the process closes *any*
 * descriptor of the file. The owner must therefore never open `formvaerk.lock` in another way
 * (fs.readFileSync included); only a process that failed to take the lock reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { makePrivate, PRIVATE_FILE_MODE } from './file-modes.ts';
import { DataDirError } from './db.ts';
import { SQLITE_CODE, sqliteCode } from './db-integrity.ts';

/** File name of the lock inside the data directory. */
export const LOCK_FILE_NAME = 'formvaerk.lock';

/** `user_version` is a big-endian 32-bit number at byte 60 of the database header. */
const USER_VERSION_OFFSET = 60;

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends Error {
	/** The owner's pid as it recorded it, or null when it cannot be read. */
	readonly pid: number | null;
	constructor(dataDir: string, pid: number | null) {
		const who = pid ? `Another Formværk process (pid ${pid})` : 'Another Formværk process';
		super(`${who} is using the data directory ${dataDir}.`);
		this.pid = pid;
	}
}

/**
 * The lock files this process holds, with their connections. The reference keeps a connection
 * from being garbage-collected (which would close it and drop the lock), and a second attempt
 * from this process is refused without touching the file.
 */
const held = new Map<string, DatabaseSync>();

/** The pid recorded in the lock file's header, or null. Only for a process that does not hold it. */
function recordedPid(file: string): number | null {
	try {
		const header = Buffer.alloc(4);
		const fd = fs.openSync(file, 'r');
		try {
			if (fs.readSync(fd, header, 0, 4, USER_VERSION_OFFSET) < 4) return null;
		} finally {
			fs.closeSync(fd);
		}
		const pid = header.readUInt32BE(0);
		return pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

/** Opens `file` and takes its exclusive lock for good; throws SQLite's error when it cannot. */
function lockFile(file: string): DatabaseSync {
	const db = new DatabaseSync(file);
	try {
		db.exec('PRAGMA busy_timeout = 0');
		// In exclusive locking mode SQLite keeps the lock of the first write until the connection
		// closes. The journal lives in memory: the file holds nothing worth a journal on disk.
		db.exec('PRAGMA locking_mode = EXCLUSIVE');
		db.exec('PRAGMA journal_mode = MEMORY');
		db.exec('BEGIN EXCLUSIVE');
		db.exec(`PRAGMA user_version = ${process.pid}`);
		db.exec('COMMIT');
		// Like every file in the data directory: only the service's user may read it.
		makePrivate(file);
		return db;
	} catch (error) {
		db.close();
		throw error;
	}
}

/**
 * Takes the data directory for this process and returns the function that gives it back. The
 * directory must exist. A lock file that is not a database (damaged by hand or by a power cut
 * during its one-page write) holds no lock and no data, so it is emptied and taken.
 * @throws DataDirLockedError when another live process holds it.
 */
export function acquireDataDirLock(dataDir: string): () => void {
	const file = path.resolve(dataDir, LOCK_FILE_NAME);
	if (held.has(file)) throw new DataDirLockedError(dataDir, process.pid);
	let db: DatabaseSync;
	try {
		try {
			db = lockFile(file);
		} catch (error) {
			if (sqliteCode(error) !== SQLITE_CODE.NOTADB) throw error;
			fs.writeFileSync(file, '', { mode: PRIVATE_FILE_MODE });
			db = lockFile(file);
		}
	} catch (error) {
		if (sqliteCode(error) === SQLITE_CODE.BUSY) {
			throw new DataDirLockedError(dataDir, recordedPid(file));
		}
		// E.g. a lock file left by a server that ran as another user.
		throw new DataDirError(
			`The lock file ${file} cannot be used (${(error as Error).message}). ` +
				`Give the server's user the data directory and every file in it (chown -R <user> ${dataDir}).`
		);
	}
	held.set(file, db);
	return () => {
		if (held.get(file) !== db) return;
		held.delete(file);
		try {
			// Clears the pid, so the file no longer names a process that has stopped.
			db.exec('PRAGMA user_version = 0');
		} finally {
			db.close();
		}
	};
}
