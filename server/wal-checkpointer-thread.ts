/** Worker side of wal-checkpointer.ts: a PASSIVE checkpoint on a timer, on its own connection. */
import { parentPort, workerData } from 'node:worker_threads';
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
// mode=rw never creates the file: should it be gone by the time this thread starts (moved away
// while the server started), an empty database must not appear in its place.
const url = pathToFileURL(file);
url.searchParams.set('mode', 'rw');
const db = new DatabaseSync(url);
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => checkpoint.get(), intervalMs);

parentPort!.on('message', () => {
	clearInterval(timer);
	db.close();
	parentPort!.close();
});
