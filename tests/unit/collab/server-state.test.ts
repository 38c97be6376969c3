import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ServerState } from '#lib/collab/server-state.ts';

/**
 * A stand-in for the server's room: a Y.Doc whose `update` events are what the real server
 * broadcasts (to the author too) after storing them.
 */
function serverRoom() {
	const doc = new Y.Doc();
	const broadcasts: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => broadcasts.push(update));
	return {
		doc,
		/** Applies a client's update the way the server does; returns what it broadcasts. */
		receive(update: Uint8Array): Uint8Array[] {
			const before = broadcasts.length;
			Y.applyUpdate(doc, update);
			return broadcasts.slice(before);
		}
	};
}

/** Collects a client doc's local updates. */
function outbox(doc: Y.Doc): Uint8Array[] {
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	return updates;
}

/** Joins like a client: the server's step 1 (its state vector) and its answer to our step 1. */
function join(state: ServerState, client: Y.Doc, room: ReturnType<typeof serverRoom>): void {
	state.noteStateVector(Y.encodeStateVector(room.doc));
	const answer = Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(client));
	Y.applyUpdate(client, answer, 'server');
	state.noteUpdate(answer);
}

describe('ServerState', () => {
	it('confirms an edit only once the server broadcast it back', () => {
		const room = serverRoom();
		const client = new Y.Doc();
		const state = new ServerState();
		join(state, client, room);
		expect(state.hasAllOf(client)).toBe(true);

		const sent = outbox(client);
		client.getText('t').insert(0, 'Hej');
		expect(state.hasAllOf(client)).toBe(false);
		for (const echo of sent.flatMap((u) => room.receive(u))) state.noteUpdate(echo);
		expect(state.hasAllOf(client)).toBe(true);
	});

	it('confirms a deletion of someone else’s text only when the server has it', () => {
		const room = serverRoom();
		const other = new Y.Doc();
		other.getText('t').insert(0, 'andres tekst');
		room.receive(Y.encodeStateAsUpdate(other));
		const client = new Y.Doc();
		const state = new ServerState();
		join(state, client, room);
		expect(state.hasAllOf(client)).toBe(true);

		const sent = outbox(client);
		client.getText('t').delete(0, 7);
		expect(state.hasAllOf(client)).toBe(false);
		for (const echo of sent.flatMap((u) => room.receive(u))) state.noteUpdate(echo);
		expect(state.hasAllOf(client)).toBe(true);
		expect(room.doc.getText('t').toJSON()).toBe('tekst');
	});

	it('a deletion someone else made at the same time is confirmed by their broadcast', () => {
		const room = serverRoom();
		const seed = new Y.Doc();
		seed.getText('t').insert(0, 'slet mig');
		room.receive(Y.encodeStateAsUpdate(seed));
		const client = new Y.Doc();
		const other = new Y.Doc();
		const state = new ServerState();
		join(state, client, room);
		Y.applyUpdate(other, Y.encodeStateAsUpdate(room.doc));

		const sent = outbox(client);
		client.getText('t').delete(0, 8);
		const otherSent = outbox(other);
		other.getText('t').delete(0, 8);
		const theirBroadcast = otherSent.flatMap((u) => room.receive(u));
		// Ours is now a no-op on the server: it broadcasts nothing for it.
		expect(sent.flatMap((u) => room.receive(u))).toEqual([]);
		expect(state.hasAllOf(client)).toBe(false);
		for (const update of theirBroadcast) state.noteUpdate(update);
		expect(state.hasAllOf(client)).toBe(true);
	});

	it('after a reload, edits the server already had are confirmed by joining alone', () => {
		const room = serverRoom();
		const before = new Y.Doc();
		before.getText('t').insert(0, 'skrevet før genindlæsning');
		before.getText('t').delete(0, 8);
		room.receive(Y.encodeStateAsUpdate(before));
		// The page reloads before the broadcast arrived; the cache restores the same state.
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(before));
		const state = new ServerState();
		expect(state.hasAllOf(reloaded)).toBe(false);
		join(state, reloaded, room);
		expect(state.hasAllOf(reloaded)).toBe(true);
	});

	it('after a reload, edits the server lacks stay unconfirmed until it broadcasts them', () => {
		const room = serverRoom();
		const offline = new Y.Doc();
		offline.getText('t').insert(0, 'kun på denne computer');
		const state = new ServerState();
		join(state, offline, room);
		expect(state.hasAllOf(offline)).toBe(false);
		// Our answer to the server's step 1 carries what it lacks.
		const step2 = Y.encodeStateAsUpdate(offline, Y.encodeStateVector(room.doc));
		for (const echo of room.receive(step2)) state.noteUpdate(echo);
		expect(state.hasAllOf(offline)).toBe(true);
	});
});
