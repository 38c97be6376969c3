import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { MemoryDocStore } from '../../../server/collab/memory-store.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';
import type { DocStore } from '../../../server/collab/persistence.ts';
import { createWorkshop, getWorkshop } from '#lib/server/workshops/workshops.ts';

/** The fixture supplies a database with real document rows (the SQLite log references them). */
let fixture: CollabFixture;
beforeAll(async () => {
	fixture = await startCollabFixture();
});
afterAll(async () => {
	await fixture.close();
});

const bytes = (...values: number[]) => Uint8Array.from(values);
/** The `log` and `logCount` a load returns for these updates: back to back, in order. */
const logOf = (...updates: Uint8Array[]) => ({
	log: Uint8Array.from(updates.flatMap((u) => [...u])),
	logCount: updates.length
});

/** Two fresh document ids (a new workshop), so each case starts from empty storage. */
function freshDocuments(): [string, string] {
	const actor = fixture.users.facilitator.actor();
	const orgId = actor.orgs[0].orgId;
	const workshop = createWorkshop(actor, { orgId, title: 'Kontrakt' });
	const docs = getWorkshop(fixture.users.facilitator.actor(), workshop.id).documents;
	return [docs[0].id, docs[1].id];
}

/** One contract, every implementation; a PostgreSQL store would join this list. */
const STORES: [string, () => DocStore][] = [
	['memory', () => new MemoryDocStore()],
	['sqlite', () => new SqliteDocStore()]
];

describe.each(STORES)('DocStore contract: %s', (_name, makeStore) => {
	it('loads an unknown or empty document as nothing', async () => {
		const store = makeStore();
		const [doc] = freshDocuments();
		expect(await store.load(doc)).toEqual({ snapshot: null, ...logOf(), lastSeq: 0 });
	});

	it('appends in order with rising sequence numbers, author and time', async () => {
		const store = makeStore();
		const [doc] = freshDocuments();
		const before = Date.now();
		// Appended in one tick: they share a commit and still keep their order.
		const seqs = await Promise.all([
			store.append(doc, bytes(1), { userId: fixture.users.facilitator.id }),
			store.append(doc, bytes(2), { userId: fixture.users.member.id }),
			store.append(doc, bytes(3), { userId: fixture.users.facilitator.id })
		]);
		expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
		expect(await store.load(doc)).toEqual({
			snapshot: null,
			...logOf(bytes(1), bytes(2), bytes(3)),
			lastSeq: seqs[2]
		});
		const entries = await store.entries(doc);
		expect(entries.map((e) => e.userId)).toEqual([
			fixture.users.facilitator.id,
			fixture.users.member.id,
			fixture.users.facilitator.id
		]);
		expect(entries.every((e) => e.createdAt >= before && e.createdAt <= Date.now())).toBe(true);
	});

	it('compacts: the snapshot replaces the log through the given seq, later entries stay', async () => {
		const store = makeStore();
		const [doc, other] = freshDocuments();
		await store.append(other, bytes(1), { userId: fixture.users.member.id });
		const first = await store.append(doc, bytes(10), { userId: fixture.users.member.id });
		const second = await store.append(doc, bytes(11), { userId: fixture.users.member.id });
		const third = await store.append(doc, bytes(12), { userId: fixture.users.member.id });
		await store.compact(doc, bytes(99), second);
		expect(await store.load(doc)).toEqual({
			snapshot: bytes(99),
			...logOf(bytes(12)),
			lastSeq: third
		});
		await store.compact(doc, bytes(98), third);
		expect(await store.load(doc)).toEqual({ snapshot: bytes(98), ...logOf(), lastSeq: third });
		expect(first).toBeLessThan(second);
		// The other document is untouched.
		expect(await store.load(other)).toMatchObject(logOf(bytes(1)));
	});

	it('stores exactly the bytes of a view into a larger buffer', async () => {
		const store = makeStore();
		const [doc] = freshDocuments();
		const buffer = bytes(7, 7, 1, 2, 3, 7);
		await store.append(doc, buffer.subarray(2, 5), { userId: fixture.users.member.id });
		expect(await store.load(doc)).toMatchObject(logOf(bytes(1, 2, 3)));
	});

	it('returns every byte of a long log exactly, in order: NULs, invalid UTF-8, all 256 values', async () => {
		const store = makeStore();
		const [doc] = freshDocuments();
		// Rows of 0-8 bytes cycling through every byte value, plus rows that are not UTF-8 text
		// (a lone continuation byte, a truncated sequence, an encoded surrogate) and an empty one.
		const updates = Array.from({ length: 600 }, (_, i) =>
			Uint8Array.from({ length: i % 9 }, (_, j) => (i * 7 + j * 31) % 256)
		);
		updates.push(bytes(0x80), bytes(0xe2, 0x82), bytes(0xed, 0xa0, 0x80), bytes(0, 0, 0));
		const userId = fixture.users.member.id;
		await Promise.all(updates.map((update) => store.append(doc, update, { userId })));
		expect(await store.load(doc)).toMatchObject(logOf(...updates));
	});
});

describe('SqliteDocStore', () => {
	it('is durable: a new store on the same database sees what an earlier one appended', async () => {
		const seq = await new SqliteDocStore().append(fixture.documents.template, bytes(42), {
			userId: fixture.users.member.id
		});
		const loaded = await new SqliteDocStore().load(fixture.documents.template);
		expect(loaded.log.at(-1)).toBe(42);
		expect(loaded.lastSeq).toBe(seq);
	});
});
