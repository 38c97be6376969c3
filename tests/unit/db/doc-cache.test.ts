import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeLocalDbs, localDb } from '#lib/db/local-db.ts';
import {
	appendCachedUpdate,
	COMPACT_AFTER_ROWS,
	compactCachedDoc,
	deleteCachedDoc,
	docsWithUnsyncedChanges,
	loadCachedDoc,
	setUnsyncedChanges
} from '#lib/db/doc-cache.ts';

let dbCounter = 0;
/** A fresh database per test: fake-indexeddb keeps databases for the whole process. */
function freshDb() {
	return localDb(`user-${++dbCounter}-${Date.now()}`);
}

/** Records every update of a doc, as CollabSession writes them to the cache. */
function recordUpdates(doc: Y.Doc): Uint8Array[] {
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	return updates;
}

afterEach(() => closeLocalDbs());

describe('doc-cache', () => {
	it('returns null for a document it never saw', async () => {
		expect(await loadCachedDoc(freshDb(), 'nope')).toBeNull();
	});

	it('restores the document from its appended updates, per document id', async () => {
		const db = freshDb();
		const doc = new Y.Doc();
		const updates = recordUpdates(doc);
		doc.getText('t').insert(0, 'Hej ');
		doc.getText('t').insert(4, 'verden');
		const other = new Y.Doc();
		const otherUpdates = recordUpdates(other);
		other.getText('t').insert(0, 'andet dokument');
		for (const u of updates) await appendCachedUpdate(db, 'doc-a', u, { isLocal: true });
		for (const u of otherUpdates) await appendCachedUpdate(db, 'doc-b', u, { isLocal: false });

		const restored = new Y.Doc();
		Y.applyUpdate(restored, (await loadCachedDoc(db, 'doc-a'))!);
		expect(restored.getText('t').toJSON()).toBe('Hej verden');
		const restoredB = new Y.Doc();
		Y.applyUpdate(restoredB, (await loadCachedDoc(db, 'doc-b'))!);
		expect(restoredB.getText('t').toJSON()).toBe('andet dokument');
	});

	it('survives closing and reopening the database (a page reload)', async () => {
		const userId = `reload-${Date.now()}`;
		const doc = new Y.Doc();
		const updates = recordUpdates(doc);
		doc.getText('t').insert(0, 'skrevet offline');
		for (const u of updates) await appendCachedUpdate(localDb(userId), 'd', u, { isLocal: true });
		closeLocalDbs();
		const restored = new Y.Doc();
		Y.applyUpdate(restored, (await loadCachedDoc(localDb(userId), 'd'))!);
		expect(restored.getText('t').toJSON()).toBe('skrevet offline');
		expect(await docsWithUnsyncedChanges(localDb(userId))).toEqual(['d']);
	});

	it('keeps users apart: another person on the same computer sees nothing', async () => {
		const doc = new Y.Doc();
		const updates = recordUpdates(doc);
		doc.getText('t').insert(0, 'privat');
		for (const u of updates) await appendCachedUpdate(localDb('anna'), 'd', u, { isLocal: true });
		expect(await loadCachedDoc(localDb('bo'), 'd')).toBeNull();
	});

	it('compacts many rows into one without changing the content', async () => {
		const db = freshDb();
		const doc = new Y.Doc();
		const updates = recordUpdates(doc);
		for (let i = 0; i < 50; i++) doc.getText('t').insert(i, String(i % 10));
		for (const u of updates) await appendCachedUpdate(db, 'd', u, { isLocal: true });
		expect(await db.docUpdates.where('docId').equals('d').count()).toBe(50);
		await compactCachedDoc(db, 'd');
		expect(await db.docUpdates.where('docId').equals('d').count()).toBe(1);
		const restored = new Y.Doc();
		Y.applyUpdate(restored, (await loadCachedDoc(db, 'd'))!);
		expect(restored.getText('t').toJSON()).toBe(doc.getText('t').toJSON());
	});

	it('compacts by itself once a document has more than COMPACT_AFTER_ROWS rows', async () => {
		const db = freshDb();
		const doc = new Y.Doc();
		const updates = recordUpdates(doc);
		for (let i = 0; i <= COMPACT_AFTER_ROWS; i++) doc.getText('t').insert(0, 'x');
		for (const u of updates) await appendCachedUpdate(db, 'd', u, { isLocal: false });
		expect(await db.docUpdates.where('docId').equals('d').count()).toBeLessThan(COMPACT_AFTER_ROWS);
		const restored = new Y.Doc();
		Y.applyUpdate(restored, (await loadCachedDoc(db, 'd'))!);
		expect(restored.getText('t').length).toBe(COMPACT_AFTER_ROWS + 1);
	});

	it('tracks unconfirmed local edits; remote updates do not clear the flag', async () => {
		const db = freshDb();
		const doc = new Y.Doc();
		const updates = recordUpdates(doc);
		doc.getText('t').insert(0, 'a');
		doc.getText('t').insert(0, 'b');
		await appendCachedUpdate(db, 'd', updates[0], { isLocal: false });
		expect(await docsWithUnsyncedChanges(db)).toEqual([]);
		await appendCachedUpdate(db, 'd', updates[1], { isLocal: true });
		await appendCachedUpdate(db, 'd', updates[0], { isLocal: false });
		expect(await docsWithUnsyncedChanges(db)).toEqual(['d']);
		await setUnsyncedChanges(db, 'd', false);
		expect(await docsWithUnsyncedChanges(db)).toEqual([]);
	});

	it('forgets a document completely', async () => {
		const db = freshDb();
		await appendCachedUpdate(db, 'd', Y.encodeStateAsUpdate(new Y.Doc()), { isLocal: true });
		await deleteCachedDoc(db, 'd');
		expect(await loadCachedDoc(db, 'd')).toBeNull();
		expect(await db.docMeta.count()).toBe(0);
	});
});
