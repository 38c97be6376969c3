import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, rawSocket, waitFor, type TestClient } from '../../support/collab-client.ts';
import { awarenessFrame } from '../../support/collab-frames.ts';
import { presenceColor } from '#lib/domain/presence-color.ts';
import { MemoryDocStore } from '../../../server/collab/memory-store.ts';

let fixture: CollabFixture;
let clients: TestClient[] = [];

beforeAll(async () => {
	fixture = await startCollabFixture({ store: new MemoryDocStore() });
});
afterEach(() => {
	for (const client of clients) client.destroy();
	clients = [];
});
afterAll(async () => {
	await fixture.close();
});

function connect(user: keyof CollabFixture['users']) {
	const client = connectClient(
		fixture.wsBase,
		fixture.documents.template,
		fixture.users[user].cookie
	);
	clients.push(client);
	return client;
}

type UserField = { id: string; name: string; color: string };

describe('presence', () => {
	it('overwrites a claimed identity with the session user and the derived colour', async () => {
		const observer = connect('facilitator');
		const liar = connect('member');
		await Promise.all([observer.synced, liar.synced]);
		liar.provider.awareness.setLocalStateField('user', {
			id: fixture.users.facilitator.id,
			name: 'Frida Facilitator',
			color: '#000000'
		});
		liar.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
		const liarId = liar.doc.clientID;
		await waitFor(
			() => observer.provider.awareness.getStates().get(liarId)?.cursor !== undefined,
			'presence'
		);
		const state = observer.provider.awareness.getStates().get(liarId) as {
			user: UserField;
			cursor: unknown;
		};
		expect(state.user).toEqual({
			id: fixture.users.member.id,
			name: 'Jonas Jobkonsulent',
			color: presenceColor(fixture.users.member.id)
		});
		// Everything else the client publishes passes through.
		expect(state.cursor).toEqual({ anchor: 3 });
	});

	it('does not let a client remove or take over another client’s presence', async () => {
		const observer = connect('facilitator');
		const victim = connect('member');
		await Promise.all([observer.synced, victim.synced]);
		victim.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
		const victimId = victim.doc.clientID;
		await waitFor(() => observer.provider.awareness.getStates().has(victimId), 'victim presence');

		const attacker = rawSocket(
			fixture.wsBase,
			fixture.documents.template,
			fixture.users.member2.cookie
		);
		await attacker.opened;
		attacker.ws.send(awarenessFrame([{ clientId: victimId, clock: 1000, state: null }]));
		attacker.ws.send(
			awarenessFrame([{ clientId: victimId, clock: 1001, state: { cursor: { anchor: 99 } } }])
		);
		// The attacker's own presence is a marker: once it arrives, the frames before it were handled.
		attacker.ws.send(awarenessFrame([{ clientId: 4242, clock: 1, state: { marker: true } }]));
		await waitFor(() => observer.provider.awareness.getStates().has(4242), 'attacker marker');

		const state = observer.provider.awareness.getStates().get(victimId) as {
			user: UserField;
			cursor: unknown;
		};
		expect(state.cursor).toEqual({ anchor: 1 });
		expect(state.user.id).toBe(fixture.users.member.id);
		attacker.ws.close();
	});

	it('removes the presence of a closed connection at once', async () => {
		const observer = connect('facilitator');
		await observer.synced;
		const leaver = rawSocket(
			fixture.wsBase,
			fixture.documents.template,
			fixture.users.member.cookie
		);
		await leaver.opened;
		leaver.ws.send(awarenessFrame([{ clientId: 777, clock: 1, state: { cursor: null } }]));
		await waitFor(() => observer.provider.awareness.getStates().has(777), 'leaver presence');
		// terminate(): no goodbye message from the client, so only the server can clear it.
		leaver.ws.terminate();
		const started = Date.now();
		await waitFor(
			() => !observer.provider.awareness.getStates().has(777),
			'presence removed',
			1000
		);
		expect(Date.now() - started).toBeLessThan(1000);
	});
});
