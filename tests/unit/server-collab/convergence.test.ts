import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import {
	connectClient,
	haveConverged,
	waitFor,
	type TestClient
} from '../../support/collab-client.ts';
import { MemoryDocStore } from '../../../server/collab/memory-store.ts';

let fixture: CollabFixture;
const clients: TestClient[] = [];

beforeAll(async () => {
	fixture = await startCollabFixture({ store: new MemoryDocStore() });
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await fixture.close();
});

function connect(user: keyof CollabFixture['users'], documentId = fixture.documents.template) {
	const client = connectClient(fixture.wsBase, documentId, fixture.users[user].cookie);
	clients.push(client);
	return client;
}

describe('convergence with real providers', () => {
	it('two providers see each other’s edits', async () => {
		const a = connect('facilitator');
		const b = connect('member');
		await Promise.all([a.synced, b.synced]);
		a.doc.getText('t').insert(0, 'Hej ');
		b.doc.getText('t').insert(0, 'verden');
		await waitFor(() => haveConverged([a.doc, b.doc]), 'two clients to converge');
		expect(a.doc.getText('t').toJSON()).toHaveLength('Hej verden'.length);
	});

	it('ten providers converge on concurrent edits', async () => {
		const users = ['facilitator', 'member', 'member2'] as const;
		const ten = Array.from({ length: 10 }, (_, i) =>
			connect(users[i % 3], fixture.documents.drejebog)
		);
		await Promise.all(ten.map((c) => c.synced));
		for (let round = 0; round < 5; round++) {
			ten.forEach((c, i) => c.doc.getArray<string>('items').push([`${i}:${round}`]));
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		await waitFor(() => haveConverged(ten.map((c) => c.doc)), 'ten clients to converge');
		expect(ten[0].doc.getArray('items').length).toBe(50);
	});
});
