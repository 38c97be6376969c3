/**
 * Property: whatever edits three clients make concurrently, and in whatever order their
 * updates reach the server (causal order included), every client, a peer applying the updates
 * in yet another order, the server's room and its stored log all end in the same state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { docFromStored } from '../../support/stored-doc.ts';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import {
	connectClient,
	haveConverged,
	rawSocket,
	testContent,
	waitFor,
	type RawSocket
} from '../../support/collab-client.ts';
import { applyServerFrames, updateFrame } from '../../support/collab-frames.ts';
import { addWorkshopMember, createWorkshop, getWorkshop } from '#lib/server/workshops/workshops.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';

let fixture: CollabFixture;
beforeAll(async () => {
	fixture = await startCollabFixture();
});
afterAll(async () => {
	await fixture.close();
});

const CLIENTS = 3;

type Op =
	| { kind: 'insert'; at: number; text: string }
	| { kind: 'delete'; at: number; length: number }
	| { kind: 'set'; key: string; value: number }
	| { kind: 'push'; value: number }
	| { kind: 'merge'; from: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
	fc.record({
		kind: fc.constant('insert' as const),
		at: fc.double({ min: 0, max: 1, noNaN: true }),
		text: fc.string({ minLength: 1, maxLength: 6 })
	}),
	fc.record({
		kind: fc.constant('delete' as const),
		at: fc.double({ min: 0, max: 1, noNaN: true }),
		length: fc.integer({ min: 1, max: 4 })
	}),
	fc.record({
		kind: fc.constant('set' as const),
		key: fc.constantFrom('a', 'b', 'c'),
		value: fc.integer()
	}),
	fc.record({ kind: fc.constant('push' as const), value: fc.integer() }),
	// A client that has seen another's edits before making its own (causal dependencies).
	fc.record({ kind: fc.constant('merge' as const), from: fc.integer({ min: 0, max: CLIENTS - 1 }) })
);

function apply(doc: Y.Doc, op: Op, docs: Y.Doc[]): void {
	const text = doc.getText('t');
	switch (op.kind) {
		case 'insert':
			text.insert(Math.floor(op.at * text.length), op.text);
			return;
		case 'delete': {
			const at = Math.floor(op.at * text.length);
			text.delete(at, Math.min(op.length, text.length - at));
			return;
		}
		case 'set':
			doc.getMap('m').set(op.key, op.value);
			return;
		case 'push':
			doc.getArray('items').push([op.value]);
			return;
		case 'merge':
			Y.applyUpdate(doc, Y.encodeStateAsUpdate(docs[op.from]));
	}
}

function freshDocument(): string {
	const actor = fixture.users.facilitator.actor();
	const workshop = createWorkshop(actor, { orgId: actor.orgs[0].orgId, title: 'Egenskab' });
	addWorkshopMember(workshop.id, fixture.users.member.id, 'member');
	addWorkshopMember(workshop.id, fixture.users.member2.id, 'member');
	return getWorkshop(fixture.users.facilitator.actor(), workshop.id).documents[0].id;
}

function shuffled<T>(items: T[], keys: number[]): T[] {
	return items
		.map((item, i) => ({ item, key: keys[i % keys.length] * 1000 + i }))
		.sort((a, b) => a.key - b.key)
		.map((x) => x.item);
}

describe('convergence property', () => {
	it('random concurrent edits delivered in shuffled orders always converge', async () => {
		const users = [fixture.users.facilitator, fixture.users.member, fixture.users.member2];
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.integer({ min: 0, max: CLIENTS - 1 }), opArb), {
					minLength: 1,
					maxLength: 40
				}),
				fc.array(fc.nat(1000), { minLength: 1, maxLength: 60 }),
				fc.array(fc.nat(1000), { minLength: 1, maxLength: 60 }),
				async (ops, serverOrder, peerOrder) => {
					const documentId = freshDocument();
					const sockets: RawSocket[] = users.map((u) =>
						rawSocket(fixture.wsBase, documentId, u.cookie)
					);
					// Joined once the server's sync step 1 arrived; from then on it gets every broadcast.
					await waitFor(() => sockets.every((s) => s.frames.length > 0), 'sockets joined');

					const docs = users.map(() => new Y.Doc());
					const updates: { author: number; update: Uint8Array }[] = [];
					docs.forEach((doc, author) =>
						doc.on('update', (update: Uint8Array, origin: unknown) => {
							// Updates merged in from another client are that client's to send.
							if (origin === null) updates.push({ author, update });
						})
					);
					for (const [client, op] of ops) apply(docs[client], op, docs);

					for (const { author, update } of shuffled(updates, serverOrder)) {
						sockets[author].ws.send(updateFrame(update));
					}
					const expected = new Y.Doc();
					for (const { update } of updates) Y.applyUpdate(expected, update);
					const peer = new Y.Doc();
					for (const { update } of shuffled(updates, peerOrder)) Y.applyUpdate(peer, update);

					const received = sockets.map(() => new Y.Doc());
					await waitFor(
						() => {
							received.forEach((doc, i) => applyServerFrames(doc, sockets[i].frames));
							return haveConverged([expected, peer, ...received]);
						},
						'clients to converge',
						5000
					);

					const fresh = connectClient(fixture.wsBase, documentId, users[0].cookie);
					await fresh.synced;
					const stored = await new SqliteDocStore().load(documentId);
					const fromLog = docFromStored(stored);
					expect(testContent(fresh.doc)).toBe(testContent(expected));
					expect(haveConverged([expected, fresh.doc, fromLog])).toBe(true);
					fresh.destroy();
					for (const socket of sockets) socket.ws.close();
				}
			),
			{ numRuns: 30 }
		);
	}, 120_000);
});
