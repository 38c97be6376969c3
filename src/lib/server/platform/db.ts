/**
 * The process's single SQLite connection (Node's built-in `node:sqlite`, WAL mode).
 *
 * The production entry (`server/index.ts`) runs this file directly while the SvelteKit handler
 * runs a bundled copy of it; both find the one open handle through a `globalThis` registry keyed
 * by a global symbol, so there is exactly one connection per process.
 */
import { DatabaseSync } from 'node:sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import type { DatabaseState } from './db-health.ts';
import { makePrivate, PRIVATE_DIR_MODE } from './file-modes.ts';
import {
	asDatabaseFileError,
	checkDatabaseFile,
	probeWritable,
	quickCheck
} from './db-integrity.ts';

export type Db = DatabaseSync;

const REGISTRY = Symbol.for('formvaerk.db');
/**
 * The open database. `identity` is the file's device and inode at open, so the health check can
 * tell when the file at the path is no longer the one in use; `problem` records a failure of the
 * file seen while running (db-health.ts).
 */
export type DatabaseRegistry = {
	db: DatabaseSync;
	file: string;
	identity: { dev: number; ino: number };
	problem?: { state: DatabaseState; detail: string };
};
type GlobalWithDb = typeof globalThis & { [REGISTRY]?: DatabaseRegistry };

/** File name of the database inside the data directory. */
export const DB_FILE_NAME = 'formvaerk.db';

/** Thrown when the data directory cannot be created or written; the server prints it and exits. */
export class DataDirError extends Error {}

/**
 * Makes sure `dataDir` exists (created 0700) and is writable; throws `DataDirError` with a plain
 * message.
 */
export function ensureWritableDir(dataDir: string): void {
	try {
		fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
		fs.accessSync(dataDir, fs.constants.W_OK);
	} catch (cause) {
		throw new DataDirError(
			`The data directory ${dataDir} cannot be written (${(cause as NodeJS.ErrnoException).code ?? 'error'}). ` +
				'Set FORMVAERK_DATA_DIR to a writable directory.'
		);
	}
}

export type OpenOptions = {
	/** Run `PRAGMA quick_check` before migrating (the server's start; see db-integrity.ts). */
	isChecked?: boolean;
};

/**
 * Opens (or creates) the database file with the pragmas the app relies on, and migrates it. An
 * empty, damaged or unwritable file is refused (db-integrity.ts).
 * @throws DatabaseFileError naming the file and what to do.
 */
export function openDatabase(file: string, options: OpenOptions = {}): DatabaseSync {
	checkDatabaseFile(file, { readAhead: options.isChecked });
	let db: DatabaseSync | undefined;
	try {
		db = new DatabaseSync(file);
		configure(db);
		if (options.isChecked) quickCheck(db, file);
		migrate(db);
		probeWritable(db);
		return db;
	} catch (error) {
		if (db?.isOpen) db.close();
		throw asDatabaseFileError(error, file);
	}
}

function configure(db: DatabaseSync): void {
	// First: the pragmas below need the file's lock too, and another connection (the running
	// server's WAL checkpoint, a write) may hold it for a moment; without a timeout they fail at once.
	db.exec('PRAGMA busy_timeout = 5000');
	// Personal data (issue 14): deleted rows are overwritten with zeros, and freed pages can be
	// given back to the file system (the retention job runs an incremental vacuum). auto_vacuum
	// takes effect at once only on a new file; an older file is converted by the first VACUUM
	// the retention job runs (privacy/reclaim.ts).
	db.exec('PRAGMA auto_vacuum = INCREMENTAL');
	db.exec('PRAGMA secure_delete = ON');
	db.exec('PRAGMA journal_mode = WAL');
	// In WAL mode NORMAL keeps every committed transaction through a process crash (SIGKILL):
	// the commit is in the WAL file once COMMIT returns. Only an OS crash or power loss can lose
	// the last transactions; FULL would close that gap at the price of an fsync per commit, which
	// the collaboration engine's latency budget cannot pay. See docs/operations.md.
	db.exec('PRAGMA synchronous = NORMAL');
	db.exec('PRAGMA foreign_keys = ON');
}

/** Applies every migration newer than the database's recorded version, each in a transaction. */
export function migrate(db: DatabaseSync): number {
	db.exec(
		'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)'
	);
	const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
		v: number | null;
	};
	const current = row.v ?? 0;
	let applied = 0;
	for (const migration of MIGRATIONS) {
		if (migration.version <= current) continue;
		if (migration.isTableRebuild) rebuildTables(db, migration);
		else applyMigration(db, migration);
		applied++;
	}
	return applied;
}

function applyMigration(db: DatabaseSync, migration: Migration): void {
	transaction(db, () => {
		db.exec(migration.sql);
		db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
			migration.version,
			migration.name,
			Date.now()
		);
	});
}

/**
 * Runs a migration that copies a table, as SQLite's documentation prescribes: foreign keys off
 * (the pragma only takes effect outside a transaction), the copy in one transaction, every
 * foreign key checked before it commits, foreign keys on again whatever happened.
 */
function rebuildTables(db: DatabaseSync, migration: Migration): void {
	db.exec('PRAGMA foreign_keys = OFF');
	try {
		transaction(db, () => {
			applyMigration(db, migration);
			const broken = db.prepare('PRAGMA foreign_key_check').all();
			if (broken.length > 0) {
				throw new Error(
					`migration ${migration.version} broke foreign keys: ${JSON.stringify(broken)}`
				);
			}
		});
	} finally {
		db.exec('PRAGMA foreign_keys = ON');
	}
}

/**
 * Runs `fn` inside a transaction; rolls back and rethrows when it throws. Nested calls become
 * savepoints, so a function that needs a transaction can be called from one that has it.
 */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
	const isNested = db.isTransaction;
	db.exec(isNested ? 'SAVEPOINT nested' : 'BEGIN IMMEDIATE');
	try {
		const result = fn();
		db.exec(isNested ? 'RELEASE nested' : 'COMMIT');
		return result;
	} catch (error) {
		db.exec(isNested ? 'ROLLBACK TO nested; RELEASE nested' : 'ROLLBACK');
		throw error;
	}
}

/**
 * Opens the database under `dataDir` unless this process already has one open.
 * @throws DataDirError when the directory cannot be written.
 * @throws DatabaseFileError when the database file is empty, damaged or unwritable.
 */
export function initDatabase(dataDir: string, options: OpenOptions = {}): DatabaseSync {
	const g = globalThis as GlobalWithDb;
	const existing = g[REGISTRY];
	if (existing) return existing.db;
	ensureWritableDir(dataDir);
	const file = path.join(dataDir, DB_FILE_NAME);
	const isNew = !fs.existsSync(file);
	const db = openDatabase(file, options);
	// SQLite creates files 0644 minus the umask. Once the database is 0600 its later -wal and -shm
	// files copy that mode; the first ones were made before, so they are set here too.
	if (isNew) for (const suffix of ['', '-wal', '-shm']) makePrivate(file + suffix);
	const { dev, ino } = fs.statSync(file);
	g[REGISTRY] = { db, file, identity: { dev, ino } };
	return db;
}

/** The open database; throws when `initDatabase` has not run (a programming error). */
export function getDb(): DatabaseSync {
	const registry = databaseRegistry();
	if (!registry) throw new Error('database not initialised: call initDatabase() first');
	return registry.db;
}

/** The open database's registry entry (for the health check), or undefined. */
export function databaseRegistry(): DatabaseRegistry | undefined {
	return (globalThis as GlobalWithDb)[REGISTRY];
}

/** True when the process has an open database. */
export function isDatabaseOpen(): boolean {
	const registry = (globalThis as GlobalWithDb)[REGISTRY];
	return registry?.db.isOpen === true;
}

/** Closes the process's database (on shutdown) and forgets it. */
export function closeDatabase(): void {
	const g = globalThis as GlobalWithDb;
	const registry = g[REGISTRY];
	if (!registry) return;
	if (registry.db.isOpen) registry.db.close();
	delete g[REGISTRY];
}
