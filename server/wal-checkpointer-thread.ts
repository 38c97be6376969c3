/** Worker side of wal-checkpointer.ts: a PASSIVE checkpoint on a timer, on its own connection. */
import { parentPort, workerData } from 'node:worker_threads';
import { DatabaseSync } from 'node:sqlite';

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new DatabaseSync(file);
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => checkpoint.get(), intervalMs);

parentPort!.on('message', () => {
	clearInterval(timer);
	db.close();
	parentPort!.close();
});
