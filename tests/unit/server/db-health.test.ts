/**
 * The pieces behind a refused start and a failing /healthz that the integration tests cannot
 * reach deterministically: a database that opens but takes no writes, and a request meeting a
 * damaged page at run time (which the page cache usually hides from a test).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, DB_FILE_NAME, initDatabase } from '#lib/server/platform/db.ts';
import { databaseState, noteDatabaseError } from '#lib/server/platform/db-health.ts';
import {
	asDatabaseFileError,
	DatabaseFileError,
	probeWritable
} from '#lib/server/platform/db-integrity.ts';
import { tempDataDir } from '../../support/server.ts';

const dirs: string[] = [];
afterEach(() => {
	closeDatabase();
	for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function openDataDir(): string {
	const dir = tempDataDir();
	dirs.push(dir);
	closeDatabase();
	initDatabase(dir);
	return dir;
}

/** An error as node:sqlite throws it. */
function sqliteError(errcode: number, message: string): Error {
	return Object.assign(new Error(message), { code: 'ERR_SQLITE_ERROR', errcode });
}

describe('a database that takes no writes', () => {
	it('is refused with the file named, not left to fail at the first login', () => {
		const dir = openDataDir();
		const file = path.join(dir, DB_FILE_NAME);
		closeDatabase();
		const readOnly = new DatabaseSync(file, { readOnly: true });
		try {
			let thrown: unknown;
			try {
				probeWritable(readOnly);
			} catch (error) {
				thrown = asDatabaseFileError(error, file);
			}
			expect(thrown).toBeInstanceOf(DatabaseFileError);
			expect((thrown as Error).message).toMatch(
				new RegExp(
					`^The database ${file} cannot be read and written by the user this server runs as .*: attempt to write a readonly database\\.`
				)
			);
		} finally {
			readOnly.close();
		}
	});
});

describe('databaseState', () => {
	it('is closed without a database and ok with a sound one', () => {
		closeDatabase();
		expect(databaseState()).toBe('closed');
		openDataDir();
		expect(databaseState()).toBe('ok');
	});

	it.each([
		[11, 'database disk image is malformed', 'damaged'],
		[26, 'file is not a database', 'damaged'],
		[266, 'disk I/O error', 'unreadable'],
		[1032, 'attempt to write a readonly database', 'unwritable']
	])('fails for good once a request met SQLite error %i (%s)', (errcode, message, state) => {
		openDataDir();
		noteDatabaseError(new Error('not a database error'));
		noteDatabaseError(sqliteError(5, 'database is locked'));
		expect(databaseState()).toBe('ok');
		noteDatabaseError(sqliteError(errcode, message));
		expect(databaseState()).toBe(state);
		noteDatabaseError(sqliteError(11, 'database disk image is malformed'));
		expect(databaseState()).toBe(state);
	});
});
