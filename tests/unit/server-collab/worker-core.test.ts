/**
 * Large documents live in a worker thread (room-core.ts). With the threshold at one byte every
 * stored document goes there, so the whole pipeline runs through the worker core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, haveConverged, waitFor } from '../../support/collab-client.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';

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
});
