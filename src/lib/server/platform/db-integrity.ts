/**
 * A damaged or unusable database is refused with one plain line, never served. Before SQLite
 * opens the file: an empty (0-byte) file or a lone write-ahead log is refused rather than taken
 * for a fresh install, and a file this process may not read and write is named. After it opens:
 * the server runs `PRAGMA quick_check` (every page, without comparing indexes to their tables;
 * about a second per GB once the file is in the page cache, docs/operations.md), and a write probe
 * proves the database is writable before anyone signs in. SQLite's own errors on the way
 * ("file is not a database", "database disk image is malformed", "attempt to write a readonly
 * database") become the same plain messages.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';

/** Thrown when the database file cannot be used; the message says which file and what to do. */
export class DatabaseFileError extends Error {}

/** SQLite's primary result codes for the failures told apart here. */
export const SQLITE_CODE = {
	PERM: 3,
	BUSY: 5,
	READONLY: 8,
	IOERR: 10,
	CORRUPT: 11,
	CANTOPEN: 14,
	NOTADB: 26
} as const;

/** SQLite's primary result code of an error thrown by node:sqlite (extended codes folded). */
export function sqliteCode(error: unknown): number | undefined {
	const code = (error as { errcode?: unknown } | null)?.errcode;
	return typeof code === 'number' ? code & 0xff : undefined;
}

const RESTORE_HINT =
	'Restore the latest backup: npm run cli -- restore --from <backup file> (docs/operations.md, "Restore").';

function damaged(file: string, reason: string): DatabaseFileError {
	const oneLine = reason.replace(/\s+/g, ' ').trim().slice(0, 200);
	return new DatabaseFileError(`The database ${file} is damaged (${oneLine}). ${RESTORE_HINT}`);
}

function unusable(file: string, reason: string): DatabaseFileError {
	const uid = process.getuid?.();
	const user = uid === undefined ? '' : ` (user id ${uid})`;
	return new DatabaseFileError(
		`The database ${file} cannot be read and written by the user this server runs as${user}: ${reason}. ` +
			`Give the server's user the data directory and every file in it (chown -R <user> ${path.dirname(file)}), ` +
			'or run the server as the user that owns them.'
	);
}

/**
 * Reads the whole file once, front to back. quick_check visits pages in tree order, which on a
 * cold cache is random access: 16-19 s for 1.2 GB on our test machine, against 0.4 s for this
 * sequential read plus 1 s for the check from the warmed cache. Only safe before this process
 * opens the file with SQLite: closing any descriptor of a file drops the process's SQLite locks
 * on it.
 */
function readAhead(file: string): void {
	const buffer = Buffer.allocUnsafe(1 << 20);
	const fd = fs.openSync(file, 'r');
	try {
		while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
	} finally {
		fs.closeSync(fd);
	}
}

/**
 * Checks the database file before SQLite opens it (nothing to check when it does not exist yet).
 * @param options.readAhead warm the page cache for `quick_check` (server start only).
 * @throws DatabaseFileError for an empty file, a lone WAL, or one this process cannot use.
 */
export function checkDatabaseFile(file: string, options: { readAhead?: boolean } = {}): void {
	const stat = fs.statSync(file, { throwIfNoEntry: false });
	if (!stat) {
		const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
		if (wal && wal.size > 0) {
			throw new DatabaseFileError(
				`The database ${file} is missing, but its write-ahead log ${file}-wal is there, so the ` +
					`database was moved or deleted while in use. ${RESTORE_HINT}`
			);
		}
		return;
	}
	if (!stat.isFile()) throw damaged(file, 'not a regular file');
	if (stat.size === 0) {
		throw new DatabaseFileError(
			`The database ${file} is empty (0 bytes): it was truncated or replaced, and Formværk ` +
				`will not set up a new installation over it. ${RESTORE_HINT} ` +
				'To start anew on purpose, delete the file.'
		);
	}
	for (const entry of [file, `${file}-wal`, `${file}-shm`]) {
		try {
			fs.accessSync(entry, fs.constants.R_OK | fs.constants.W_OK);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'ENOENT') throw unusable(file, `${code} on ${path.basename(entry)}`);
		}
	}
	if (options.readAhead) readAhead(file);
}

/**
 * Runs `PRAGMA quick_check` on an open database.
 * @throws DatabaseFileError naming the first problem it reports.
 */
export function quickCheck(db: DatabaseSync, file: string): void {
	const rows = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
	if (rows.length !== 1 || rows[0].quick_check !== 'ok') {
		throw damaged(file, `quick_check: ${rows[0]?.quick_check ?? 'no answer'}`);
	}
}

/**
 * Proves the database takes writes: a write statement inside a transaction that is rolled back.
 * A database opened read-only (another owner, a read-only mount) fails here, before the first
 * login would. Needs the migrated schema.
 */
export function probeWritable(db: DatabaseSync): void {
	db.exec('BEGIN IMMEDIATE');
	try {
		db.exec('DELETE FROM schema_migrations WHERE 0');
	} finally {
		db.exec('ROLLBACK');
	}
}

/** SQLite's errors about the file itself as a DatabaseFileError; anything else unchanged. */
export function asDatabaseFileError(error: unknown, file: string): unknown {
	const message = (error as Error).message;
	switch (sqliteCode(error)) {
		case SQLITE_CODE.NOTADB:
		case SQLITE_CODE.CORRUPT:
			return damaged(file, message);
		case SQLITE_CODE.READONLY:
		case SQLITE_CODE.PERM:
		case SQLITE_CODE.CANTOPEN:
			return unusable(file, message);
		case SQLITE_CODE.IOERR:
			return new DatabaseFileError(
				`The database ${file} cannot be read (${message}). Check the disk. If the file is damaged: ${RESTORE_HINT}`
			);
		default:
			return error;
	}
}
