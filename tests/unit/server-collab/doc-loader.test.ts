/**
 * The loader thread (doc-loader.ts) reads documents through a read-only connection of its own
 * and joins long log tails there. What it returns is what the store's own load returns, its
 * joined tail builds the same document, and when the thread is gone rooms still load, on the
 * main thread. Its warm-up log (load-warmup.ts) is real Yjs typing, so the warm-up compiles the
 * path real loads take.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { docFromStored } from '../../support/stored-doc.ts';
import { DocLoader } from '../../../server/collab/doc-loader.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';
import { buildDoc } from '../../../server/collab/room-core.ts';
import { Room } from '../../../server/collab/room.ts';
import { CollabMetrics } from '../../../server/collab/metrics.ts';
import { typingLog } from '../../../server/collab/load-warmup.ts';
import { joinLog } from '../../../server/collab/update-concat.ts';
import { splitLog } from '../../../server/collab/update-scan.ts';
import { createWorkshop, getWorkshop } from '#lib/server/workshops/workshops.ts';
import { log } from '#lib/server/platform/log.ts';

let fixture: CollabFixture;
let store: SqliteDocStore;
beforeAll(async () => {
	fixture = await startCollabFixture();
	store = new SqliteDocStore();
});
afterAll(async () => {
	await fixture.close();
});

/** A document of a new workshop: nothing stored yet. */
function freshDocument(): string {
	const actor = fixture.users.facilitator.actor();
	const workshop = createWorkshop(actor, { orgId: actor.orgs[0].orgId, title: 'Indlæsning' });
	return getWorkshop(fixture.users.facilitator.actor(), workshop.id).documents[0].id;
}

/** Appends `count` keystrokes of one person typing on, through the store; returns the text. */
async function type(documentId: string, typist: Y.Doc, count: number): Promise<string> {
	const updates: Uint8Array[] = [];
	const collect = (update: Uint8Array) => updates.push(update);
	typist.on('update', collect);
	const text = typist.getText('t');
	for (let i = 0; i < count; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
	typist.off('update', collect);
	const userId = fixture.users.member.id;
	await Promise.all(updates.map((update) => store.append(documentId, update, { userId })));
	return text.toJSON();
}

describe('DocLoader', () => {
	it('reads snapshot and tail as the store does and joins a long tail into fewer structs', async () => {
		const doc = freshDocument();
		const typist = new Y.Doc();
		await type(doc, typist, 100);
		const stored = await store.load(doc);
		await store.compact(doc, Y.encodeStateAsUpdate(docFromStored(stored)), stored.lastSeq);
		const text = await type(doc, typist, 300);

		const loader = new DocLoader(store.workerSource!.file);
		try {
			const loaded = await loader.load(doc);
			const { snapshot, log: tail, logCount, lastSeq } = await store.load(doc);
			expect(loaded).toMatchObject({ snapshot, log: tail, logCount, lastSeq });
			expect(logCount).toBe(300);
			// One person typing on: the 300 keystrokes are one struct.
			expect(Y.decodeUpdate(loaded.joined!).structs).toHaveLength(1);
			const built = buildDoc(loaded).doc;
			expect(built.getText('t').toJSON()).toBe(text);
			expect(Y.encodeStateAsUpdate(built)).toEqual(
				Y.encodeStateAsUpdate(docFromStored(await store.load(doc)))
			);
		} finally {
			await loader.close();
		}
	});

	it('leaves a short tail unjoined and reads an unknown document as empty', async () => {
		const doc = freshDocument();
		await type(doc, new Y.Doc(), 5);
		const loader = new DocLoader(store.workerSource!.file);
		try {
			expect(await loader.load(doc)).toMatchObject({ logCount: 5, joined: null });
			expect(await loader.load('no-such-document')).toMatchObject({
				snapshot: null,
				log: new Uint8Array(0),
				logCount: 0,
				lastSeq: 0,
				joined: null
			});
		} finally {
			await loader.close();
		}
		expect(loader.isRunning).toBe(false);
	});

	it('rejects when its thread cannot start, and the room then loads on the main thread', async () => {
		const doc = freshDocument();
		const text = await type(doc, new Y.Doc(), 200);
		const loader = new DocLoader('/nonexistent/formvaerk.db');
		await expect(loader.load(doc)).rejects.toThrow();
		expect(loader.isRunning).toBe(false);
		const room = await Room.load(doc, {
			store,
			loader,
			log: log.child({}, { level: 'silent' }),
			metrics: new CollabMetrics(),
			limits: {
				maxDocumentBytes: 16 * 1024 * 1024,
				compactAfterUpdates: 1000,
				compactAfterBytes: 4 * 1024 * 1024,
				maxAwarenessClients: 4,
				workerCoreBytes: 1024 * 1024
			}
		});
		const state = new Y.Doc();
		Y.applyUpdate(state, await room.encodeState());
		expect(state.getText('t').toJSON()).toBe(text);
		await room.unload();
	});
});

describe('the warm-up log', () => {
	it('is what Yjs writes for three people typing, and joins like one by one', () => {
		const log = typingLog(3000);
		const { updates, unreadableFrom } = splitLog(log);
		expect(unreadableFrom).toBeNull();
		expect(updates).toHaveLength(3000);
		const oneByOne = new Y.Doc();
		for (const update of updates) Y.applyUpdate(oneByOne, update);
		expect(oneByOne.store.pendingStructs).toBeNull();
		expect(oneByOne.getText('warm-up')).toHaveLength(3000);
		const joined = new Y.Doc();
		Y.applyUpdate(joined, joinLog(log)!);
		expect(Y.encodeStateAsUpdate(joined)).toEqual(Y.encodeStateAsUpdate(oneByOne));
	});
});
