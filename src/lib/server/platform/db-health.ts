/**
 * The database's state for `/healthz`, checked on demand and cheaply (about a millisecond):
 * the file at the path must still be the one the server opened (not deleted, not replaced, not
 * truncated to nothing), a fresh read-only connection must be able to read its schema, and no
 * request may have met a damaged or unreadable file since the start. A damaged file is not
 * repaired by waiting, so that last state sticks until a restart, whose start check then refuses
 * the file with the restore command.
 *
 * A full `quick_check` runs only at start: on a large database it reads every page, which is too
 * much for a check a load balancer polls every few seconds.
 */
import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { databaseRegistry, type DatabaseRegistry } from './db.ts';
import { SQLITE_CODE, sqliteCode } from './db-integrity.ts';
import { log } from './log.ts';

/** What `/healthz` says about the database. */
export type DatabaseState =
	'ok' | 'closed' | 'missing' | 'replaced' | 'damaged' | 'unreadable' | 'unwritable';

type Problem = { state: DatabaseState; detail: string };

/** The state an SQLite error says the file is in, or null when it says nothing about the file. */
function stateOfError(error: unknown): DatabaseState | null {
	switch (sqliteCode(error)) {
		case SQLITE_CODE.CORRUPT:
		case SQLITE_CODE.NOTADB:
			return 'damaged';
		case SQLITE_CODE.IOERR:
		case SQLITE_CODE.CANTOPEN:
			return 'unreadable';
		case SQLITE_CODE.READONLY:
			return 'unwritable';
		default:
			return null;
	}
}

/** Keeps the first problem and logs it once; later ones add nothing an operator needs. */
function record(registry: DatabaseRegistry, problem: Problem): void {
	if (registry.problem) return;
	registry.problem = problem;
	log.error({ file: registry.file, ...problem }, 'database unusable: health check fails');
}

/**
 * Notes an unexpected error of a request: when SQLite says the file is damaged or unreadable,
 * `/healthz` fails from now on. Any other error is ignored here.
 */
export function noteDatabaseError(error: unknown): void {
	const registry = databaseRegistry();
	const state = stateOfError(error);
	if (registry && state) record(registry, { state, detail: (error as Error).message });
}

/** Problems of the file at the path, without opening it (the server must not open it with fs). */
function fileProblem(registry: DatabaseRegistry): Problem | null {
	const stat = fs.statSync(registry.file, { throwIfNoEntry: false });
	if (!stat) return { state: 'missing', detail: 'no file at the path' };
	if (stat.dev !== registry.identity.dev || stat.ino !== registry.identity.ino) {
		return { state: 'replaced', detail: 'another file took its place' };
	}
	// An open database in WAL mode is at least one page long from its first start on.
	if (stat.size === 0) return { state: 'damaged', detail: 'truncated to 0 bytes' };
	return null;
}

/** Reads the schema through a connection of its own, so no cached page hides the file's state. */
function readProblem(file: string): Problem | null {
	let probe: DatabaseSync | undefined;
	try {
		// Waits like the app's connection for the moment a checkpoint may hold the WAL index.
		probe = new DatabaseSync(file, { readOnly: true, timeout: 1000 });
		probe.prepare('SELECT count(*) FROM sqlite_master').get();
		return null;
	} catch (error) {
		// Busy or locked says nothing about the file: no alarm for it.
		const state = stateOfError(error);
		return state && { state, detail: (error as Error).message };
	} finally {
		probe?.close();
	}
}

/** The database's state now; see the module comment for what is checked. */
export function databaseState(): DatabaseState {
	const registry = databaseRegistry();
	if (!registry?.db.isOpen) return 'closed';
	if (registry.problem) return registry.problem.state;
	const fileState = fileProblem(registry);
	// A moved or replaced file may come back; report it without making it stick.
	if (fileState && fileState.state !== 'damaged') return fileState.state;
	const problem = fileState ?? readProblem(registry.file);
	if (problem) record(registry, problem);
	return problem?.state ?? 'ok';
}
