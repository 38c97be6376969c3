/**
 * Moves SQLite's WAL checkpoints off the event loop. A checkpoint copies the WAL into the
 * database file and fsyncs both; SQLite runs it inside whichever commit crosses the
 * auto-checkpoint threshold, which on our machines stalled every room for 10-90 ms once every
 * few hundred commits. Here the main connection never checkpoints (`wal_autocheckpoint = 0`);
 * a worker thread with its own connection runs PASSIVE checkpoints, which never block writers,
 * on a timer. The worker's connection touches no rows: all data access stays on the process's
 * one connection.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { DB_FILE_NAME, getDb } from '../src/lib/server/platform/db.ts';
import { log } from '../src/lib/server/platform/log.ts';

/** SQLite's default auto-checkpoint threshold (pages), restored when the worker is gone. */
const DEFAULT_AUTOCHECKPOINT = 1000;

/** Starts checkpointing `dataDir`'s database every `intervalMs`; returns the stop function. */
export function startWalCheckpointer(dataDir: string, intervalMs = 500): () => Promise<void> {
	const db = getDb();
	db.exec('PRAGMA wal_autocheckpoint = 0');
	const worker = new Worker(new URL('./wal-checkpointer-thread.ts', import.meta.url), {
		workerData: { file: path.join(dataDir, DB_FILE_NAME), intervalMs }
	});
	worker.unref();
	const restore = () => {
		// Without the worker the WAL would grow forever: let commits checkpoint again.
		if (db.isOpen) db.exec(`PRAGMA wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
	};
	worker.on('error', (error) => {
		log.error({ err: error }, 'WAL checkpointer failed; commits checkpoint again');
		restore();
	});
	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	return async () => {
		worker.postMessage('stop');
		await exited;
		restore();
	};
}
