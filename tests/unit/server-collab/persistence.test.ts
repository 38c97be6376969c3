import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromStored } from '../../support/stored-doc.ts';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, rawSocket, waitFor } from '../../support/collab-client.ts';
import { decodeServerFrame, syncStep1Frame } from '../../support/collab-frames.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';
import { getDb } from '#lib/server/platform/db.ts';
import { createWorkshop, getWorkshop } from '#lib/server/workshops/workshops.ts';

let fixture: CollabFixture;

beforeAll(async () => {
	// Compact after 20 appends so the log-bound compaction happens within a short test.
	fixture = await startCollabFixture({ room: { compactAfterUpdates: 20 } });
});
afterAll(async () => {
	await fixture.close();
});

/** The stored document (snapshot + tail), read synchronously from the database. */
function storedDoc(documentId: string): Y.Doc {
	const db = getDb();
	const doc = new Y.Doc();
	const snapshot = db
		.prepare('SELECT data FROM doc_snapshots WHERE document_id = ?')
		.get(documentId) as { data: Uint8Array } | undefined;
	if (snapshot) Y.applyUpdate(doc, snapshot.data);
	const rows = db
		.prepare('SELECT data FROM doc_updates WHERE document_id = ? ORDER BY seq')
		.all(documentId) as { data: Uint8Array }[];
	for (const row of rows) Y.applyUpdate(doc, row.data);
	return doc;
}

function storedText(documentId: string): string {
	return storedDoc(documentId).getText('t').toJSON();
}

describe('durable before broadcast', () => {
	it('every update a client receives is already in the database at that moment', async () => {
		const doc = fixture.documents.template;
		const writers = [fixture.users.facilitator, fixture.users.member].map((u) =>
			connectClient(fixture.wsBase, doc, u.cookie)
		);
		const observer = connectClient(fixture.wsBase, doc, fixture.users.member2.cookie);
		await Promise.all([...writers, observer].map((c) => c.synced));
		let checks = 0;
		const violations: string[] = [];
		observer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin !== observer.provider) return;
			checks++;
			// Runs synchronously on receipt: what the observer now has must already be stored.
			const stored = Y.decodeStateVector(Y.encodeStateVector(storedDoc(doc)));
			for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(observer.doc))) {
				if ((stored.get(client) ?? 0) < clock) violations.push(`${client}: ${clock}`);
			}
		});
		for (let i = 0; i < 30; i++) {
			writers[i % 2].doc.getArray('items').push([i]);
			if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
		}
		await waitFor(() => observer.doc.getArray('items').length === 30, 'observer has all');
		expect(checks).toBeGreaterThan(0);
		expect(violations).toEqual([]);
		for (const client of [...writers, observer]) client.destroy();
		await waitFor(() => fixture.collab.stats().rooms === 0, 'room to unload', 3000);
		// Start the next test from an empty document.
		getDb().prepare('DELETE FROM doc_snapshots WHERE document_id = ?').run(doc);
	});
});

describe('persistence', () => {
	it('keeps the document after the last client leaves, unloads the room and reloads it', async () => {
		const doc = fixture.documents.template;
		const writer = connectClient(fixture.wsBase, doc, fixture.users.facilitator.cookie);
		await writer.synced;
		const before = Date.now();
		writer.doc.getText('t').insert(0, 'Dag 1: formatet');
		const store = new SqliteDocStore();
		await waitFor(() => storedText(doc) === 'Dag 1: formatet', 'update stored');
		const entries = await store.entries(doc);
		expect(entries.at(-1)?.userId).toBe(fixture.users.facilitator.id);
		expect(entries.at(-1)?.createdAt).toBeGreaterThanOrEqual(before - 1000);

		writer.destroy();
		await waitFor(() => fixture.collab.stats().rooms === 0, 'room to unload', 3000);
		// Unloading compacted the log into the snapshot.
		expect(await store.entries(doc)).toHaveLength(0);
		const stored = await store.load(doc);
		expect(stored.snapshot).not.toBeNull();

		const reader = connectClient(fixture.wsBase, doc, fixture.users.member.cookie);
		await reader.synced;
		expect(reader.doc.getText('t').toJSON()).toBe('Dag 1: formatet');
		reader.destroy();
		await waitFor(
			() => fixture.collab.stats().rooms === 0 && fixture.collab.stats().connections === 0,
			'idle'
		);
	});

	it('compacts when the log passes its bound, losing nothing', async () => {
		const doc = fixture.documents.drejebog;
		const writer = connectClient(fixture.wsBase, doc, fixture.users.facilitator.cookie);
		await writer.synced;
		for (let i = 0; i < 45; i++) {
			writer.doc.getArray('items').push([i]);
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
		const store = new SqliteDocStore();
		const observer = connectClient(fixture.wsBase, doc, fixture.users.member.cookie);
		await observer.synced;
		await waitFor(() => observer.doc.getArray('items').length === 45, 'all items');
		const stored = await store.load(doc);
		expect(stored.snapshot).not.toBeNull();
		expect(stored.logCount).toBeLessThan(20);
		const rebuilt = docFromStored(stored);
		expect(rebuilt.getArray('items').toJSON()).toEqual(Array.from({ length: 45 }, (_, i) => i));
		writer.destroy();
		observer.destroy();
	});

	it('compacts a long tail left by a crash only after answering the clients waiting for the load', async () => {
		const actor = fixture.users.facilitator.actor();
		const workshop = createWorkshop(actor, { orgId: actor.orgs[0].orgId, title: 'Efter nedbrud' });
		const doc = getWorkshop(fixture.users.facilitator.actor(), workshop.id).documents[0].id;
		// 45 keystrokes in the log (the bound is 20), as a crash before compaction leaves them.
		const typist = new Y.Doc();
		const updates: Uint8Array[] = [];
		typist.on('update', (update: Uint8Array) => updates.push(update));
		for (let i = 0; i < 45; i++) typist.getText('t').insert(i, 'x');
		const store = new SqliteDocStore();
		const userId = fixture.users.facilitator.id;
		await Promise.all(updates.map((update) => store.append(doc, update, { userId })));
		const logRows = () =>
			(
				getDb().prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE document_id = ?').get(doc) as {
					n: number;
				}
			).n;

		const client = connectClient(fixture.wsBase, doc, fixture.users.facilitator.cookie);
		await client.synced;
		expect(client.doc.getText('t').toJSON()).toBe('x'.repeat(45));
		// Answered while the tail is still in the log: compacting did not go first…
		expect(logRows()).toBe(45);
		// …and it follows on its own, without any new edit.
		await waitFor(() => logRows() === 0, 'tail compacted', 3000);
		const stored = docFromStored(await store.load(doc));
		expect(stored.getText('t').toJSON()).toBe('x'.repeat(45));
		client.destroy();
	});

	it('answers nobody before the stored state is loaded: the first message already carries it', async () => {
		const doc = fixture.documents.drejebog;
		await waitFor(() => fixture.collab.stats().rooms === 0, 'cold room', 3000);
		await fixture.restartCollab();
		const expected = docFromStored(await new SqliteDocStore().load(doc));

		const socket = rawSocket(fixture.wsBase, doc, fixture.users.facilitator.cookie);
		await socket.opened;
		// Sent at once, before the room can have loaded: the reply must still be complete.
		socket.ws.send(syncStep1Frame());
		await waitFor(() => socket.frames.length >= 2, 'step 1 and step 2');
		const first = decodeServerFrame(socket.frames[0]);
		expect(first.kind).toBe('sync-step-1');
		if (first.kind === 'sync-step-1') {
			expect(Y.decodeStateVector(first.stateVector)).toEqual(
				Y.decodeStateVector(Y.encodeStateVector(expected))
			);
		}
		const second = decodeServerFrame(socket.frames[1]);
		const received = new Y.Doc();
		if (second.kind === 'sync-step-2') Y.applyUpdate(received, second.update);
		expect(received.getArray('items').length).toBe(45);
		socket.ws.close();
	});
});
