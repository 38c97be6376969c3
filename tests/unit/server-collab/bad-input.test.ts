import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, haveConverged, rawSocket, waitFor } from '../../support/collab-client.ts';
import { awarenessFrame, syncStep1Frame, updateFrame } from '../../support/collab-frames.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';

/** A small deterministic PRNG (mulberry32) so a failing fuzz run can be replayed. */
function prng(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** 64 KiB frames keep the oversized-frame case fast; production's limit is 2 MiB. */
const MAX_FRAME = 64 * 1024;

/** Well-formed frames to cut up or corrupt: a real update, a step 1, an awareness message. */
function validFrames(): Uint8Array[] {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, 'skabelon for læringsbevis');
	return [
		updateFrame(Y.encodeStateAsUpdate(doc)),
		syncStep1Frame(doc),
		awarenessFrame([{ clientId: 5, clock: 1, state: { a: 1 } }])
	];
}

/** The kinds of garbage a broken or hostile client sends. */
function badFrame(random: () => number, i: number): Uint8Array {
	const valid = validFrames();
	const base = valid[i % valid.length];
	switch (i % 5) {
		case 0: {
			// Random bytes that start like a sync message, so they reach the Yjs decoder.
			const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 200) }, () =>
				Math.floor(random() * 256)
			);
			bytes[0] = 0;
			bytes[1] = 1 + Math.floor(random() * 2);
			return bytes;
		}
		case 1:
			// Truncated: a prefix of a valid frame.
			return base.slice(0, 1 + Math.floor(random() * (base.length - 2)));
		case 2:
			// Absurd length prefix: claims 2^35 bytes follow.
			return Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]);
		case 3: {
			// A valid frame with a few bytes flipped inside the Yjs payload.
			const bytes = base.slice();
			for (let k = 0; k < 3; k++) bytes[3 + Math.floor(random() * (bytes.length - 3))] ^= 0xff;
			return bytes;
		}
		default:
			// An unknown message type.
			return Uint8Array.from([9, 0, 0]);
	}
}

describe('malformed input', () => {
	let fixture: CollabFixture;
	beforeAll(async () => {
		fixture = await startCollabFixture({ maxFrameBytes: MAX_FRAME });
	});
	afterAll(async () => {
		await fixture.close();
	});

	it('closes only the offending connections while two clients keep converging', async () => {
		const doc = fixture.documents.template;
		const a = connectClient(fixture.wsBase, doc, fixture.users.facilitator.cookie);
		const b = connectClient(fixture.wsBase, doc, fixture.users.member.cookie);
		await Promise.all([a.synced, b.synced]);
		let typing = true;
		let typed = 0;
		const typist = (async () => {
			while (typing) {
				a.doc.getArray('items').push([`a${typed}`]);
				b.doc.getArray('items').push([`b${typed}`]);
				typed++;
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
		})();

		const random = prng(20240611);
		const codes: (number | undefined)[] = [];
		const CONNECTIONS = 600;
		const FRAMES_EACH = 4;
		for (let batch = 0; batch < CONNECTIONS / 50; batch++) {
			await Promise.all(
				Array.from({ length: 50 }, async (_, k) => {
					const socket = rawSocket(fixture.wsBase, doc, fixture.users.member2.cookie);
					await socket.opened;
					for (let f = 0; f < FRAMES_EACH; f++) {
						if (socket.ws.readyState !== socket.ws.OPEN) break;
						socket.ws.send(badFrame(random, (batch * 50 + k) * FRAMES_EACH + f));
					}
					codes.push((await socket.closed).code);
				})
			);
		}
		const oversized = rawSocket(fixture.wsBase, doc, fixture.users.member2.cookie);
		await oversized.opened;
		oversized.ws.send(new Uint8Array(MAX_FRAME + 1));
		const oversizedClose = await oversized.closed;

		typing = false;
		await typist;
		await waitFor(() => haveConverged([a.doc, b.doc]), 'legit clients to converge', 10_000);
		expect(a.doc.getArray('items').length).toBe(typed * 2);
		expect(codes).toHaveLength(CONNECTIONS);
		expect(new Set(codes)).toEqual(new Set([CLOSE_CODES.badMessage]));
		expect(oversizedClose.code).toBe(CLOSE_CODES.messageTooBig);
		expect(a.closeCodes).toHaveLength(0);
		expect(b.closeCodes).toHaveLength(0);

		// Nothing the attacker sent was stored (its frames were refused before the log).
		const authors = new Set((await new SqliteDocStore().entries(doc)).map((e) => e.userId));
		expect(authors.has(fixture.users.member2.id)).toBe(false);
		a.destroy();
		b.destroy();
	}, 60_000);

	it('closes a connection that floods messages (4529) and leaves others alone', async () => {
		const doc = fixture.documents.drejebog;
		const calm = connectClient(fixture.wsBase, doc, fixture.users.facilitator.cookie);
		await calm.synced;
		const flood = rawSocket(fixture.wsBase, doc, fixture.users.member.cookie);
		await flood.opened;
		for (let i = 0; i < 2000 && flood.ws.readyState === flood.ws.OPEN; i++) {
			flood.ws.send(awarenessFrame([{ clientId: 31337, clock: i + 1, state: { i } }]));
		}
		expect((await flood.closed).code).toBe(CLOSE_CODES.rateLimited);
		calm.doc.getText('t').insert(0, 'stadig her');
		const check = connectClient(fixture.wsBase, doc, fixture.users.member2.cookie);
		await check.synced;
		await waitFor(() => check.doc.getText('t').toJSON() === 'stadig her', 'room still works');
		calm.destroy();
		check.destroy();
	});
});

describe('maximum document size', () => {
	let fixture: CollabFixture;
	beforeAll(async () => {
		fixture = await startCollabFixture({ room: { maxDocumentBytes: 32 * 1024 } });
	});
	afterAll(async () => {
		await fixture.close();
	});

	it('refuses the update that would outgrow the limit (4413) and stores nothing of it', async () => {
		const doc = fixture.documents.template;
		const big = connectClient(fixture.wsBase, doc, fixture.users.member.cookie, {
			shouldReconnect: false
		});
		const other = connectClient(fixture.wsBase, doc, fixture.users.facilitator.cookie);
		await Promise.all([big.synced, other.synced]);
		big.doc.getText('t').insert(0, 'lille ');
		await waitFor(() => other.doc.getText('t').toJSON() === 'lille ', 'small edit');
		big.doc.getText('t').insert(6, 'x'.repeat(40 * 1024));
		await waitFor(() => big.closeCodes.includes(CLOSE_CODES.documentTooLarge), 'refusal');
		other.doc.getText('t').insert(0, 'ok ');
		const check = connectClient(fixture.wsBase, doc, fixture.users.member2.cookie);
		await check.synced;
		await waitFor(() => check.doc.getText('t').toJSON() === 'ok lille ', 'room unaffected');
		const stored = await new SqliteDocStore().entries(doc);
		expect(stored.every((e) => e.data.length < 1024)).toBe(true);
		for (const client of [big, other, check]) client.destroy();
	});
});
