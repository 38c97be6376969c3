/**
 * Backup (online, while the server runs) and restore (offline) of the SQLite database. Used by
 * the command-line tool; see docs/operations.md for the procedures around them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { DB_FILE_NAME, ensureWritableDir } from './db.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { makePrivate } from './file-modes.ts';

/** A backup or restore that cannot go ahead; the message says why in plain words. */
export class BackupError extends Error {}

/**
 * Pages copied per backup step. One step for the whole file means the copy is made inside a single
 * read transaction: a consistent snapshot that WAL lets the server keep writing beside. In smaller
 * steps every write of the server between two steps would restart the copy, so a busy server could
 * starve it. (The API wants a positive 32-bit number; this is the largest.)
 */
const PAGES_PER_STEP = 2 ** 31 - 1;

/** SQLite's companion files of a database in WAL mode. */
const SIDECARS = ['-wal', '-shm'];

/** Flushes a file to disk so a backup or restore that reported success survives a power cut. */
function fsyncFile(file: string): void {
	const fd = fs.openSync(file, 'r+');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}

function removeWithSidecars(file: string): void {
	for (const suffix of ['', ...SIDECARS]) fs.rmSync(file + suffix, { force: true });
}

/**
 * Checks that `file` is an intact Formværk database this version can run, and returns its
 * schema version. Opens the file read-write (SQLite needs that for WAL files), so callers pass a
 * copy when the original must stay untouched, with the original's name as `label` for messages.
 * @throws BackupError naming what is wrong.
 */
export function inspectDatabaseFile(file: string, label = file): { schemaVersion: number } {
	let db: DatabaseSync | undefined;
	try {
		db = new DatabaseSync(file);
		const check = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
		if (check.length !== 1 || check[0].integrity_check !== 'ok') {
			throw new BackupError(`${label} is damaged (integrity check: ${check[0]?.integrity_check}).`);
		}
		const hasTable = db
			.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
			.get();
		if (!hasTable) {
			throw new BackupError(`${label} is not a Formværk database (no schema_migrations).`);
		}
		const applied = db.prepare('SELECT version, name FROM schema_migrations').all() as {
			version: number;
			name: string;
		}[];
		const known = new Map(MIGRATIONS.map((m) => [m.version, m.name]));
		const latest = Math.max(...known.keys());
		const schemaVersion = Math.max(0, ...applied.map((m) => m.version));
		// Other tools use a table of that name too; the recorded names tell ours apart.
		const isOurs =
			applied.length > 0 &&
			applied.every((m) => m.version > latest || known.get(m.version) === m.name);
		if (!isOurs) throw new BackupError(`${label} is not a Formværk database (unknown migrations).`);
		if (schemaVersion > latest) {
			throw new BackupError(
				`${label} comes from a newer Formværk (schema version ${schemaVersion}; this one knows up to ${latest}). Upgrade Formværk first.`
			);
		}
		return { schemaVersion };
	} catch (error) {
		if (error instanceof BackupError) throw error;
		throw new BackupError(`${label} is not a Formværk database (${(error as Error).message}).`);
	} finally {
		db?.close();
	}
}

/**
 * Copies the database in `dataDir` to `target` as one consistent snapshot. Safe while the server
 * runs and writes. The copy is checked, switched out of WAL mode (one self-contained file) and
 * flushed under a temporary name, and only then renamed to `target`, so a failed backup never
 * leaves a half-written file under the name a restore would look for.
 * @throws BackupError when there is no database or `target` exists or cannot be written.
 */
export async function backupDatabase(dataDir: string, target: string): Promise<{ bytes: number }> {
	const source = path.join(dataDir, DB_FILE_NAME);
	if (!fs.existsSync(source)) {
		throw new BackupError(`There is no database at ${source}. Check FORMVAERK_DATA_DIR.`);
	}
	const destination = path.resolve(target);
	if (fs.existsSync(destination)) {
		throw new BackupError(`${destination} already exists. Choose a new file name.`);
	}
	if (!fs.statSync(path.dirname(destination), { throwIfNoEntry: false })?.isDirectory()) {
		throw new BackupError(`The folder ${path.dirname(destination)} does not exist.`);
	}
	const partial = `${destination}.partial-${process.pid}`;
	try {
		const db = new DatabaseSync(source);
		try {
			// The server may hold a write lock for a moment; wait like the server itself does.
			db.exec('PRAGMA busy_timeout = 5000');
			await backup(db, partial, { rate: PAGES_PER_STEP });
		} finally {
			db.close();
		}
		// A backup holds everything the database does: only its owner may read it.
		makePrivate(partial);
		inspectDatabaseFile(partial, destination);
		const copy = new DatabaseSync(partial);
		copy.exec('PRAGMA journal_mode = DELETE');
		copy.close();
		fsyncFile(partial);
		fs.renameSync(partial, destination);
		return { bytes: fs.statSync(destination).size };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC') {
			throw new BackupError(`${destination} cannot be written (${code}).`);
		}
		throw error;
	} finally {
		removeWithSidecars(partial);
	}
}

/** `formvaerk.db.before-restore-20250101T120000Z`, with a counter if that name is taken. */
function previousName(live: string, now: Date): string {
	const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
	let name = `${live}.before-restore-${stamp}`;
	for (let n = 2; fs.existsSync(name); n++) name = `${live}.before-restore-${stamp}-${n}`;
	return name;
}

/**
 * Folds a crashed server's WAL into the database file, so the kept previous database is complete
 * on its own. A damaged file is left as it is; its WAL files move along with it.
 */
function checkpoint(file: string): void {
	try {
		const db = new DatabaseSync(file);
		db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
		db.close();
	} catch {
		// Best effort: the sidecars are moved next to the kept copy below, so nothing is lost.
	}
}

/**
 * Replaces the database in `dataDir` with the backup `from`. Refuses while a server (or another
 * restore) holds the data directory and holds it itself meanwhile, so no server starts halfway.
 * The backup is checked on a copy before anything is replaced; the current database is kept as
 * `formvaerk.db.before-restore-<time>`, and its WAL files go with it so they can never be
 * replayed into the restored database.
 * @throws BackupError (bad backup), DataDirLockedError (server running), DataDirError.
 */
export function restoreDatabase(
	dataDir: string,
	from: string,
	now = new Date()
): { previous: string | null; schemaVersion: number } {
	const source = path.resolve(from);
	if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile()) {
		throw new BackupError(`${source} does not exist or is not a file.`);
	}
	ensureWritableDir(dataDir);
	const release = acquireDataDirLock(dataDir);
	const live = path.join(dataDir, DB_FILE_NAME);
	const incoming = `${live}.restoring`;
	try {
		removeWithSidecars(incoming);
		fs.copyFileSync(source, incoming);
		// copyFile keeps the backup's mode, which may be wider than the data directory's files.
		makePrivate(incoming);
		const { schemaVersion } = inspectDatabaseFile(incoming, source);
		fsyncFile(incoming);
		let previous: string | null = null;
		if (fs.existsSync(live)) {
			previous = previousName(live, now);
			checkpoint(live);
			fs.renameSync(live, previous);
		}
		for (const suffix of SIDECARS) {
			if (!fs.existsSync(live + suffix)) continue;
			if (previous) fs.renameSync(live + suffix, previous + suffix);
			else fs.rmSync(live + suffix);
		}
		// The kept database stays in the data directory, so it is made private like the rest.
		if (previous) for (const suffix of ['', ...SIDECARS]) makePrivate(previous + suffix);
		fs.renameSync(incoming, live);
		return { previous, schemaVersion };
	} finally {
		removeWithSidecars(incoming);
		release();
	}
}
