/**
 * OfflineStore's write scheduling: this person's edits are written at once (a reload right after
 * typing keeps them), the server's updates a moment later and together, off the task that
 * renders them, and so is the record that the server confirmed everything, unless an edit came
 * after it; `flush()` (leaving the document) writes what still waits.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { closeLocalDbs, localDb } from '#lib/db/local-db.ts';
import * as docCache from '#lib/db/doc-cache.ts';
import { OfflineStore } from '#lib/collab/offline-store.ts';

vi.mock('#lib/db/doc-cache.ts', async (importOriginal) => {
	const original = await importOriginal<typeof import('#lib/db/doc-cache.ts')>();
	return {
		...original,
		appendCachedUpdate: vi.fn(original.appendCachedUpdate),
		setUnsyncedChanges: vi.fn(original.setUnsyncedChanges)
	};
});

const append = vi.mocked(docCache.appendCachedUpdate);
const setUnsynced = vi.mocked(docCache.setUnsyncedChanges);
let counter = 0;

/** Two updates of one document, the second building on the first. */
function twoUpdates(): Uint8Array[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	doc.getText('t').insert(0, 'Hej');
	doc.getText('t').insert(3, ' verden');
	return updates;
}

function textOf(update: Uint8Array | null): string {
	const doc = new Y.Doc();
	if (update) Y.applyUpdate(doc, update);
	return doc.getText('t').toJSON();
}

/** A local edit of its own document (a new client each time). */
function localEdit(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('mine').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

afterEach(() => {
	append.mockClear();
	setUnsynced.mockClear();
	closeLocalDbs();
});

describe('OfflineStore', () => {
	it('writes a local edit at once, and the server updates later in one write', async () => {
		const user = `store-user-${++counter}`;
		const store = new OfflineStore(user, 'doc-1', () => {});
		const [first, second] = twoUpdates();
		store.append(first, false);
		store.append(second, false);
		expect(append).not.toHaveBeenCalled();
		const local = new Y.Doc();
		local.getText('other').insert(0, 'mit');
		store.append(Y.encodeStateAsUpdate(local), true);
		expect(append).toHaveBeenCalledTimes(1);
		expect(append.mock.calls[0][3]).toEqual({ isLocal: true });

		await vi.waitFor(() => expect(append).toHaveBeenCalledTimes(2));
		expect(append.mock.calls[1][3]).toEqual({ isLocal: false });
		expect(textOf(append.mock.calls[1][2])).toBe('Hej verden');
		await store.flush();
		expect(textOf(await docCache.loadCachedDoc(localDb(user), 'doc-1'))).toBe('Hej verden');
	});

	it('writes the waiting server updates when flushed', async () => {
		const user = `store-user-${++counter}`;
		const store = new OfflineStore(user, 'doc-1', () => {});
		const [first, second] = twoUpdates();
		store.append(first, false);
		store.append(second, false);
		await store.flush();
		expect(append).toHaveBeenCalledTimes(1);
		expect(textOf(await docCache.loadCachedDoc(localDb(user), 'doc-1'))).toBe('Hej verden');
		// Nothing is written twice once the scheduled write comes due.
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(append).toHaveBeenCalledTimes(1);
	});

	it('records that the server confirmed everything later, not in the task that says "Gemt"', async () => {
		const user = `store-user-${++counter}`;
		const store = new OfflineStore(user, 'doc-1', () => {});
		store.append(localEdit('mit'), true);
		await store.flush();
		const unsynced = () => docCache.docsWithUnsyncedChanges(localDb(user));
		expect(await unsynced()).toEqual(['doc-1']);
		store.markSynced();
		expect(setUnsynced).not.toHaveBeenCalled();
		await vi.waitFor(() =>
			expect(setUnsynced).toHaveBeenCalledWith(expect.anything(), 'doc-1', false)
		);
		await store.flush();
		expect(await unsynced()).toEqual([]);
	});

	it('does not record "all confirmed" over an edit made after it was scheduled', async () => {
		const user = `store-user-${++counter}`;
		const store = new OfflineStore(user, 'doc-1', () => {});
		store.append(localEdit('mit'), true);
		await store.flush();
		store.markSynced();
		store.append(localEdit('mere'), true);
		await new Promise((resolve) => setTimeout(resolve, 20));
		await store.flush();
		expect(setUnsynced).not.toHaveBeenCalled();
		expect(await docCache.docsWithUnsyncedChanges(localDb(user))).toEqual(['doc-1']);
	});

	it('writes a waiting "all confirmed" when flushed', async () => {
		const user = `store-user-${++counter}`;
		const store = new OfflineStore(user, 'doc-1', () => {});
		store.append(localEdit('mit'), true);
		store.markSynced();
		await store.flush();
		expect(setUnsynced).toHaveBeenCalledTimes(1);
		expect(await docCache.docsWithUnsyncedChanges(localDb(user))).toEqual([]);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(setUnsynced).toHaveBeenCalledTimes(1);
	});
});
