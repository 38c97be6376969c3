import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	closeDatabase,
	DB_FILE_NAME,
	getDb,
	initDatabase,
	transaction
} from '#lib/server/platform/db.ts';
import { startWalCheckpointer } from '../../../server/wal-checkpointer.ts';
import { tempDataDir } from '../../support/server.ts';

let dataDir: string;
beforeAll(() => {
	closeDatabase();
	dataDir = tempDataDir();
	initDatabase(dataDir);
	getDb().exec('CREATE TABLE scratch (data BLOB)');
});
afterAll(() => {
	closeDatabase();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

const dbFileSize = () => fs.statSync(path.join(dataDir, DB_FILE_NAME)).size;
const autocheckpoint = () =>
	(getDb().prepare('PRAGMA wal_autocheckpoint').get() as { wal_autocheckpoint: number })
		.wal_autocheckpoint;

describe('WAL checkpointer', () => {
	it('checkpoints in its worker while commits on the main connection never do', async () => {
		const stop = startWalCheckpointer(dataDir, 50);
		expect(autocheckpoint()).toBe(0);
		const before = dbFileSize();
		const insert = getDb().prepare('INSERT INTO scratch (data) VALUES (?)');
		for (let i = 0; i < 200; i++) transaction(getDb(), () => insert.run(new Uint8Array(8192)));
		// Only a checkpoint moves pages from the WAL into the database file.
		const deadline = Date.now() + 5000;
		while (dbFileSize() < before + 1024 * 1024 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		expect(dbFileSize()).toBeGreaterThanOrEqual(before + 1024 * 1024);
		await stop();
		// Without the worker, commits checkpoint again so the WAL cannot grow without bound.
		expect(autocheckpoint()).toBe(1000);
	});
});
