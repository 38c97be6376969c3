/**
 * The browser's offline cache (IndexedDB through Dexie). One database per signed-in person, so
 * two people sharing a laptop never see or send each other's unsent edits. Released versions are
 * never edited: add `version(n + 1)` with an upgrade instead.
 */
import { Dexie, type EntityTable } from 'dexie';

/** One binary Yjs update of a document, in the order it was stored. */
export type CachedUpdate = {
	/** Auto-incremented; gives the order the updates were written in. */
	seq?: number;
	docId: string;
	update: Uint8Array;
};

/** Small per-document facts for lists and for warnings before logging out. */
export type CachedDocMeta = {
	docId: string;
	/** When the cache last changed (ms since epoch). */
	updatedAt: number;
	/** True while the cache holds edits the server has not confirmed. */
	hasUnsyncedChanges: boolean;
};

/** The typed Dexie database of the offline cache. */
export type LocalDb = Dexie & {
	docUpdates: EntityTable<CachedUpdate, 'seq'>;
	docMeta: EntityTable<CachedDocMeta, 'docId'>;
};

/** Name prefix of the IndexedDB databases; the user id follows. */
export const LOCAL_DB_PREFIX = 'formvaerk';

const openDbs = new Map<string, LocalDb>();

/** The offline cache of `userId`, opened once per page and shared by every session of that user. */
export function localDb(userId: string): LocalDb {
	const name = `${LOCAL_DB_PREFIX}:${userId}`;
	let db = openDbs.get(name);
	if (!db) {
		db = new Dexie(name) as LocalDb;
		db.version(1).stores({
			docUpdates: '++seq, docId',
			docMeta: 'docId'
		});
		openDbs.set(name, db);
	}
	return db;
}

/** Closes every open cache database (tests, and before deleting a database). */
export function closeLocalDbs(): void {
	for (const db of openDbs.values()) db.close();
	openDbs.clear();
}
