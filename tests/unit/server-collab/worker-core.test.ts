/**
 * Large documents live in a worker thread (room-core.ts). With the threshold at one byte every
 * stored document goes there, so the whole pipeline runs through the worker core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, haveConverged, waitFor } from '../../support/collab-client.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';
import * as Y from 'yjs';

let fixture: CollabFixture;
beforeAll(async () => {
	fixture = await startCollabFixture({ room: { workerCoreBytes: 1, compactAfterUpdates: 10 } });
});
afterAll(async () => {
	await fixture.close();
});

describe('worker-thread room core', () => {
	it('loads a stored document in a worker, syncs, converges, compacts and unloads', async () => {
		const doc = fixture.documents.template;
		const first = connectClient(fixture.wsBase, doc, fixture.users.facilitator.cookie);
		await first.synced;
		first.doc.getText('t').insert(0, 'gemt før genindlæsning');
		await waitFor(() => fixture.collab.stats().connections === 1, 'connected');
		await new Promise((resolve) => setTimeout(resolve, 50));
		first.destroy();
		await waitFor(() => fixture.collab.stats().rooms === 0, 'unloaded', 3000);

		// Stored now, so the room loads into a worker thread.
		const a = connectClient(fixture.wsBase, doc, fixture.users.facilitator.cookie);
		const b = connectClient(fixture.wsBase, doc, fixture.users.member.cookie);
		await Promise.all([a.synced, b.synced]);
		expect(b.doc.getText('t').toJSON()).toBe('gemt før genindlæsning');
		expect(fixture.collab.stats().roomsInWorkers).toBe(1);
		for (let i = 0; i < 25; i++) {
			(i % 2 ? a : b).doc.getArray('items').push([i]);
		}
		await waitFor(
			() => haveConverged([a.doc, b.doc]) && a.doc.getArray('items').length === 25,
			'converged'
		);
		a.destroy();
		b.destroy();
		await waitFor(() => fixture.collab.stats().rooms === 0, 'unloaded again', 3000);
		const store = new SqliteDocStore();
		expect(await store.entries(doc)).toHaveLength(0);

		const check = connectClient(fixture.wsBase, doc, fixture.users.member2.cookie);
		await check.synced;
		expect(check.doc.getArray('items').length).toBe(25);
		expect(check.doc.getText('t').toJSON()).toBe('gemt før genindlæsning');
		check.destroy();
	});

	it('reads snapshot and tail in the worker itself, as a crash left them', async () => {
		const doc = fixture.documents.drejebog;
		const store = new SqliteDocStore();
		const writer = new Y.Doc();
		const updates: Uint8Array[] = [];
		writer.on('update', (update: Uint8Array) => updates.push(update));
		writer.getText('t').insert(0, 'snapshot ');
		await store.compact(doc, Y.encodeStateAsUpdate(writer), 0);
		updates.length = 0;
		// The tail is longer than the threshold at which a load joins it into one update.
		for (let i = 0; i < 40; i++) {
			writer.getText('t').insert(writer.getText('t').length, `${i % 10}`);
		}
		for (const update of updates) {
			await store.append(doc, update, { userId: fixture.users.facilitator.id });
		}
		expect(store.workerSource?.snapshotBytes(doc)).toBeGreaterThan(0);

		const client = connectClient(fixture.wsBase, doc, fixture.users.facilitator.cookie);
		await client.synced;
		expect(fixture.collab.stats().roomsInWorkers).toBe(1);
		expect(client.doc.getText('t').toJSON()).toBe(writer.getText('t').toJSON());
		client.destroy();
		await waitFor(() => fixture.collab.stats().rooms === 0, 'unloaded', 3000);
	});
});
