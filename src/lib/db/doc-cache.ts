/**
 * Document state kept in the browser, as binary Yjs updates keyed by document id. Appends are
 * cheap (one row per update, written as the update happens, so a reload a moment after typing
 * keeps the text); reads merge the rows, and compaction folds them into one row so the table
 * stays small. Only lib/collab calls this module.
 */
import * as Y from 'yjs';
import type { LocalDb } from './local-db.ts';

/**
 * Rows per document after which an append also compacts. A workshop's typing produces a few
 * updates per second; 500 rows is a few minutes of offline typing and still loads in a blink.
 */
export const COMPACT_AFTER_ROWS = 500;

/** The whole cached state of a document as one update, or null when nothing is cached. */
export async function loadCachedDoc(db: LocalDb, docId: string): Promise<Uint8Array | null> {
	const rows = await db.docUpdates.where('docId').equals(docId).sortBy('seq');
	if (rows.length === 0) return null;
	return rows.length === 1 ? rows[0].update : Y.mergeUpdates(rows.map((r) => r.update));
}

/**
 * Stores one update (local or remote) of a document. `hasUnsyncedChanges` marks local edits the
 * server has not confirmed yet; remote updates leave the flag as it is.
 */
export async function appendCachedUpdate(
	db: LocalDb,
	docId: string,
	update: Uint8Array,
	options: { isLocal: boolean }
): Promise<void> {
	const rowCount = await db.transaction('rw', db.docUpdates, db.docMeta, async () => {
		await db.docUpdates.add({ docId, update });
		const meta = await db.docMeta.get(docId);
		await db.docMeta.put({
			docId,
			updatedAt: Date.now(),
			hasUnsyncedChanges: options.isLocal || (meta?.hasUnsyncedChanges ?? false)
		});
		return db.docUpdates.where('docId').equals(docId).count();
	});
	if (rowCount > COMPACT_AFTER_ROWS) await compactCachedDoc(db, docId);
}

/**
 * Replaces a document's rows with one merged row. Runs in one transaction, so an append that
 * arrives meanwhile lands after it and nothing is lost.
 */
export async function compactCachedDoc(db: LocalDb, docId: string): Promise<void> {
	await db.transaction('rw', db.docUpdates, async () => {
		const rows = await db.docUpdates.where('docId').equals(docId).sortBy('seq');
		if (rows.length < 2) return;
		const merged = Y.mergeUpdates(rows.map((r) => r.update));
		await db.docUpdates.bulkDelete(rows.map((r) => r.seq as number));
		await db.docUpdates.add({ docId, update: merged });
	});
}

/** Records that the server has (or has not) confirmed everything in the cache. */
export async function setUnsyncedChanges(
	db: LocalDb,
	docId: string,
	hasUnsyncedChanges: boolean
): Promise<void> {
	await db.transaction('rw', db.docMeta, async () => {
		const meta = await db.docMeta.get(docId);
		if (meta) await db.docMeta.put({ ...meta, hasUnsyncedChanges });
	});
}

/** Ids of cached documents that hold edits the server has not confirmed. */
export async function docsWithUnsyncedChanges(db: LocalDb): Promise<string[]> {
	const metas = await db.docMeta.toArray();
	return metas.filter((m) => m.hasUnsyncedChanges).map((m) => m.docId);
}

/** Forgets a document entirely (e.g. after access to it was removed). */
export async function deleteCachedDoc(db: LocalDb, docId: string): Promise<void> {
	await db.transaction('rw', db.docUpdates, db.docMeta, async () => {
		await db.docUpdates.where('docId').equals(docId).delete();
		await db.docMeta.delete(docId);
	});
}
