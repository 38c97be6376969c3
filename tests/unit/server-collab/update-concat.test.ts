/**
 * Property: joining a log of updates with `joinLog` (merging each client's typed runs) and
 * applying the result gives exactly the document that applying the updates one by one gives,
 * for every kind of content Yjs writes (strings with surrogate pairs, formats, embeds, XML
 * elements and hooks, maps of any values, JSON, binary, deletions, subdocuments) and for
 * people typing on at their own cursors concurrently, and whatever it cannot join it refuses.
 * `splitLog` cuts a log back into its updates; `snapshotStateVector` reads the same state
 * vector from a snapshot that the built doc has.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { joinLog } from '../../../server/collab/update-concat.ts';
import { snapshotStateVector, splitLog } from '../../../server/collab/update-scan.ts';
import { buildDoc } from '../../../server/collab/room-core.ts';

type Op =
	| { kind: 'insert'; at: number; text: string }
	| { kind: 'type'; text: string }
	| { kind: 'jump'; at: number }
	| { kind: 'meet'; peer: number }
	| { kind: 'format'; at: number; length: number }
	| { kind: 'embed'; at: number }
	| { kind: 'delete'; at: number; length: number }
	| { kind: 'set'; key: string; value: unknown }
	| { kind: 'xml'; name: string }
	| { kind: 'array'; value: unknown }
	| { kind: 'binary' }
	| { kind: 'subdoc' }
	| { kind: 'merge'; from: number };

const anyValue = fc.oneof(
	fc.integer(),
	fc.double({ noNaN: true }),
	fc.string(),
	fc.boolean(),
	fc.constant(null),
	fc.array(fc.integer(), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 3, noNullPrototype: true })
);
const at = fc.double({ min: 0, max: 1, noNaN: true });
const opArb: fc.Arbitrary<Op> = fc.oneof(
	fc.record({
		kind: fc.constant('insert' as const),
		at,
		// Full Unicode: four-byte characters are two UTF-16 units in a Yjs string's length.
		text: fc.string({ unit: 'binary', minLength: 1, maxLength: 5 })
	}),
	// Typing on at one's own cursor, keystroke by keystroke: the runs joinLog merges.
	fc.record({
		kind: fc.constant('type' as const),
		text: fc.string({ unit: 'binary', maxLength: 6 })
	}),
	fc.record({ kind: fc.constant('format' as const), at, length: fc.integer({ min: 1, max: 3 }) }),
	fc.record({ kind: fc.constant('embed' as const), at }),
	fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 4 }) }),
	fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom('a', 'b'), value: anyValue }),
	fc.record({ kind: fc.constant('xml' as const), name: fc.constantFrom('paragraph', 'hook') }),
	fc.record({ kind: fc.constant('array' as const), value: anyValue }),
	fc.record({ kind: fc.constant('binary' as const) }),
	fc.record({ kind: fc.constant('subdoc' as const) }),
	fc.record({ kind: fc.constant('merge' as const), from: fc.integer({ min: 0, max: 2 }) })
);

/** Each doc's cursor: after its own last keystroke, moving with everyone's edits. */
const cursors = new WeakMap<Y.Doc, Y.RelativePosition>();

/** Types `text` one character (code point) per transaction at the doc's cursor, as an editor does. */
function typeOn(doc: Y.Doc, text: string): void {
	const ytext = doc.getText('t');
	const cursor = cursors.get(doc);
	let index = cursor ? (Y.createAbsolutePositionFromRelativePosition(cursor, doc)?.index ?? 0) : 0;
	for (const char of text) {
		ytext.insert(index, char);
		index += char.length;
	}
	cursors.set(doc, Y.createRelativePositionFromTypeIndex(ytext, index));
}

function apply(doc: Y.Doc, op: Op, docs: Y.Doc[]): void {
	const text = doc.getText('t');
	const pos = (x: number) => Math.floor(x * text.length);
	switch (op.kind) {
		case 'insert':
			return text.insert(pos(op.at), op.text);
		case 'type':
			return typeOn(doc, op.text);
		case 'jump':
			cursors.set(doc, Y.createRelativePositionFromTypeIndex(text, pos(op.at)));
			return;
		case 'meet': {
			// Move to where a peer's cursor is, as far as this doc knows it: two people typing into
			// the same spot is where Yjs must order concurrent runs.
			const theirs = cursors.get(docs[op.peer]);
			const index = theirs ? Y.createAbsolutePositionFromRelativePosition(theirs, doc)?.index : 0;
			cursors.set(doc, Y.createRelativePositionFromTypeIndex(text, index ?? 0));
			return;
		}
		case 'format':
			return text.format(pos(op.at), op.length, { bold: true });
		case 'embed':
			return text.insertEmbed(pos(op.at), { image: 'x.png' });
		case 'delete': {
			const from = pos(op.at);
			return text.delete(from, Math.min(op.length, text.length - from));
		}
		case 'set':
			doc.getMap('m').set(op.key, op.value);
			return;
		case 'xml': {
			const fragment = doc.getXmlFragment('x');
			if (op.name === 'hook') {
				// XmlHook is not in the fragment's insert type; Yjs stores it like any child.
				fragment.insert(fragment.length, [new Y.XmlHook('hook') as unknown as Y.XmlElement]);
				return;
			}
			const node = new Y.XmlElement('paragraph');
			fragment.insert(fragment.length, [node]);
			node.insert(0, [new Y.XmlText('hej')]);
			return;
		}
		case 'array':
			return doc.getArray('a').push([op.value]);
		case 'binary':
			return doc.getArray('a').push([new Uint8Array([1, 2, 3])]);
		case 'subdoc':
			doc.getMap('docs').set('sub', new Y.Doc());
			return;
		case 'merge':
			Y.applyUpdate(doc, Y.encodeStateAsUpdate(docs[op.from]), 'remote');
	}
}

/** Runs the ops on three docs and returns the log a server would store, in arrival order. */
function logOf(ops: { client: number; op: Op }[]): Uint8Array[] {
	const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
	const log: Uint8Array[] = [];
	docs.forEach((doc) =>
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'remote') log.push(update);
		})
	);
	for (const { client, op } of ops) apply(docs[client], op, docs);
	return log;
}

const state = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);
/** The updates back to back in one buffer, as a store's `load` returns a log. */
const backToBack = (updates: Uint8Array[]) => Uint8Array.from(updates.flatMap((u) => [...u]));
const joinUpdates = (updates: Uint8Array[]) => joinLog(backToBack(updates));
/**
 * A hand-made update of one item of `client` at `clock`: a string in the root text 't', or
 * (with `key`) a value of that key in the root map 'm'; with the given origin and right origin
 * ids, the parent written only when it has neither, and no deletions.
 */
function itemUpdate(item: {
	client: number;
	clock: number;
	text: string;
	key?: string;
	origin?: [number, number];
	right?: [number, number];
}): Uint8Array {
	const CONTENT_STRING = 4;
	const CONTENT_ANY = 8;
	const encoder = encoding.createEncoder();
	for (const value of [1, 1, item.client, item.clock]) encoding.writeVarUint(encoder, value);
	const flags = (item.origin ? 0x80 : 0) | (item.right ? 0x40 : 0) | (item.key ? 0x20 : 0);
	encoding.writeUint8(encoder, (item.key ? CONTENT_ANY : CONTENT_STRING) | flags);
	for (const id of [item.origin, item.right]) {
		if (id) id.forEach((value) => encoding.writeVarUint(encoder, value));
	}
	if (!item.origin && !item.right) {
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarString(encoder, item.key ? 'm' : 't');
		if (item.key) encoding.writeVarString(encoder, item.key);
	}
	if (item.key) {
		encoding.writeVarUint(encoder, 1);
		encoding.writeAny(encoder, item.text);
	} else encoding.writeVarString(encoder, item.text);
	encoding.writeVarUint(encoder, 0);
	return encoding.toUint8Array(encoder);
}
/** Structs in an update, counted by Yjs's own decoder. */
const structCount = (update: Uint8Array) => Y.decodeUpdate(update).structs.length;
const oneByOne = (log: Uint8Array[]) => {
	const doc = new Y.Doc();
	for (const update of log) Y.applyUpdate(doc, update);
	return doc;
};

/**
 * Property: for logs of up to `maxLength` ops by three clients, joinLog always joins (a log in
 * arrival order has each client's runs in order) and the result builds the very document that
 * applying the updates one by one builds.
 */
function expectJoinsLikeOneByOne(op: fc.Arbitrary<Op>, maxLength: number, numRuns: number): void {
	fc.assert(
		fc.property(
			fc.array(fc.record({ client: fc.integer({ min: 0, max: 2 }), op }), {
				minLength: 1,
				maxLength
			}),
			(ops) => {
				const log = logOf(ops);
				const joined = joinUpdates(log);
				expect(joined).not.toBeNull();
				const doc = new Y.Doc();
				Y.applyUpdate(doc, joined!);
				expect(state(doc)).toEqual(state(oneByOne(log)));
			}
		),
		{ numRuns }
	);
}

describe('joinLog', () => {
	it('joins any log into one update that builds the same document', () => {
		expectJoinsLikeOneByOne(opArb, 60, 300);
	});

	it('merges concurrent typing at shared spots into the same document', () => {
		// Mostly typing on, with peers syncing now and then, people moving their cursor to where
		// someone else types (so runs meet at one spot), deletions and inserts elsewhere.
		const typingOp: fc.Arbitrary<Op> = fc.oneof(
			{
				weight: 6,
				arbitrary: fc.record({
					kind: fc.constant('type' as const),
					text: fc.string({ minLength: 1, maxLength: 4 })
				})
			},
			{
				weight: 2,
				arbitrary: fc.record({
					kind: fc.constant('merge' as const),
					from: fc.integer({ min: 0, max: 2 })
				})
			},
			{
				weight: 2,
				arbitrary: fc.record({
					kind: fc.constant('meet' as const),
					peer: fc.integer({ min: 0, max: 2 })
				})
			},
			{ weight: 1, arbitrary: fc.record({ kind: fc.constant('jump' as const), at }) },
			{
				weight: 1,
				arbitrary: fc.record({
					kind: fc.constant('delete' as const),
					at,
					length: fc.integer({ min: 1, max: 3 })
				})
			},
			{
				weight: 1,
				arbitrary: fc.record({
					kind: fc.constant('insert' as const),
					at,
					text: fc.string({ minLength: 1, maxLength: 2 })
				})
			}
		);
		expectJoinsLikeOneByOne(typingOp, 80, 500);
	});

	it('turns a missing update into a gap that Yjs keeps pending, as one by one', () => {
		const log = logOf(
			Array.from({ length: 20 }, (_, i) => ({
				client: i % 2,
				op: { kind: 'insert' as const, at: 1, text: `${i}` }
			}))
		);
		const withHole = log.filter((_, i) => i !== 4);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, joinUpdates(withHole)!);
		const expected = oneByOne(withHole);
		// What waits for the hole is held pending by both (merged runs here, separate ones there).
		expect(doc.store.pendingStructs).not.toBeNull();
		expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(expected));
		expect(doc.getText('t').toJSON()).toBe(expected.getText('t').toJSON());
		// The rest arrives later, as a client resending it would: both end complete and equal.
		Y.applyUpdate(doc, log[4]);
		Y.applyUpdate(expected, log[4]);
		expect(doc.store.pendingStructs).toBeNull();
		expect(state(doc)).toEqual(state(expected));
		expect(state(doc)).toEqual(state(oneByOne(log)));
	});

	it('refuses duplicates, reordering and garbage instead of guessing', () => {
		const log = logOf([
			{ client: 0, op: { kind: 'insert', at: 0, text: 'ab' } },
			{ client: 0, op: { kind: 'insert', at: 1, text: 'cd' } }
		]);
		expect(joinUpdates([log[0], log[0]])).toBeNull();
		expect(joinUpdates([log[1], log[0]])).toBeNull();
		expect(joinUpdates([log[0], new Uint8Array([1, 1, 5, 0, 99])])).toBeNull();
		expect(joinUpdates([log[0], Uint8Array.of(...log[1], 0)])).toBeNull();
	});

	it('buildDoc falls back to one by one and skips a bad update, as before', () => {
		const log = logOf(
			Array.from({ length: 40 }, (_, i) => ({
				client: i % 3,
				op: { kind: 'insert' as const, at: 0.5, text: 'x' }
			}))
		);
		const withDuplicate = [...log, log[3]];
		const stored = (updates: Uint8Array[]) => ({
			snapshot: null,
			log: backToBack(updates),
			logCount: updates.length
		});
		const { doc, errors } = buildDoc(stored(withDuplicate));
		expect(errors).toEqual([]);
		expect(state(doc)).toEqual(state(oneByOne(log)));
		const withGarbage = [...log, new Uint8Array([1, 1, 5, 0, 99])];
		const rebuilt = buildDoc(stored(withGarbage));
		expect(rebuilt.errors).toEqual([expect.stringContaining('log unreadable from byte')]);
		expect(state(rebuilt.doc)).toEqual(state(oneByOne(log)));
		// Damage in the middle: what comes before it is still loaded.
		const damaged = buildDoc(stored([...log.slice(0, 20), new Uint8Array([1, 1, 5, 0, 99])]));
		expect(damaged.errors).toHaveLength(1);
		expect(state(damaged.doc)).toEqual(state(oneByOne(log.slice(0, 20))));
	});

	it('merges typed runs into one struct per run, as Yjs merges them in a document', () => {
		// Two people type on at their own cursors, keystroke by keystroke, interleaved.
		const log = logOf(
			Array.from({ length: 200 }, (_, i) => ({
				client: i % 2,
				op: { kind: 'type' as const, text: i % 2 ? 'ø' : 'a' }
			}))
		);
		expect(log).toHaveLength(200);
		const joined = joinUpdates(log)!;
		// One run per person: the second person's first keystroke starts a run of its own.
		expect(structCount(joined)).toBe(2);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, joined);
		expect(state(doc)).toEqual(state(oneByOne(log)));
		// Yjs orders the two concurrent runs by client id, which is random here.
		const runs = ['a'.repeat(100), 'ø'.repeat(100)];
		expect([runs.join(''), runs.reverse().join('')]).toContain(doc.getText('t').toJSON());
	});

	it('merges only a struct whose origin is the run’s last character, with the same right origin', () => {
		// Hand-made updates (any client may send these): the cases where merging by clock alone
		// would move a character. Client 7 writes; client 5 (lower id: Yjs puts it first among
		// equals) writes in between.
		const a = itemUpdate({ client: 7, clock: 0, text: 'ab' });
		// 'c' goes right after 'a' (its origin), not after the run's last character 'b'.
		const afterFirst = itemUpdate({ client: 7, clock: 2, text: 'c', origin: [7, 0] });
		// 'Z' follows 'a'; then client 7's 'x' goes between 'a' and 'Z' (its right origin).
		const single = itemUpdate({ client: 7, clock: 0, text: 'a' });
		const z = itemUpdate({ client: 5, clock: 0, text: 'Z', origin: [7, 0] });
		const beforeZ = itemUpdate({ client: 7, clock: 1, text: 'x', origin: [7, 0], right: [5, 0] });
		for (const log of [
			[a, afterFirst],
			[single, z, beforeZ]
		]) {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, joinUpdates(log)!);
			expect(state(doc)).toEqual(state(oneByOne(log)));
		}
		expect(oneByOne([a, afterFirst]).getText('t').toJSON()).toBe('acb');
		expect(oneByOne([single, z, beforeZ]).getText('t').toJSON()).toBe('axZ');
	});

	it('never merges map entries: a new value deletes the one it replaces', () => {
		// A second value of key 'k' without the deletion of the first in its update (Yjs clients
		// send it along; this one does not): integrating it deletes the first all the same.
		const log = [
			itemUpdate({ client: 7, clock: 0, text: 'v1', key: 'k' }),
			itemUpdate({ client: 7, clock: 1, text: 'v2', key: 'k', origin: [7, 0] })
		];
		const doc = new Y.Doc();
		Y.applyUpdate(doc, joinUpdates(log)!);
		expect(state(doc)).toEqual(state(oneByOne(log)));
		expect(doc.getMap('m').toJSON()).toEqual({ k: 'v2' });
	});

	it('splits a log back into its updates, and says where damage starts', () => {
		const log = logOf(
			Array.from({ length: 30 }, (_, i) => ({
				client: i % 3,
				op: { kind: 'type' as const, text: `${i}` }
			}))
		);
		expect(splitLog(backToBack(log))).toEqual({ updates: log, unreadableFrom: null });
		expect(splitLog(new Uint8Array(0))).toEqual({ updates: [], unreadableFrom: null });
		const damaged = backToBack([...log.slice(0, 3), new Uint8Array([1, 1, 5, 0, 99]), log[3]]);
		expect(splitLog(damaged)).toEqual({
			updates: log.slice(0, 3),
			unreadableFrom: backToBack(log.slice(0, 3)).length
		});
	});

	it('snapshotStateVector reads the state vector the built document has', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ client: fc.integer({ min: 0, max: 2 }), op: opArb }), {
					maxLength: 60
				}),
				(ops) => {
					const doc = oneByOne(logOf(ops));
					const snapshot = Y.encodeStateAsUpdate(doc);
					expect(snapshotStateVector(snapshot)).toEqual(Y.encodeStateVector(doc));
				}
			),
			{ numRuns: 200 }
		);
		// A log tail is not a snapshot: it does not start at clock 0.
		const log = logOf([
			{ client: 0, op: { kind: 'insert', at: 0, text: 'a' } },
			{ client: 0, op: { kind: 'insert', at: 1, text: 'b' } }
		]);
		expect(snapshotStateVector(log[1])).toBeNull();
		expect(snapshotStateVector(new Uint8Array([1, 1]))).toBeNull();
	});
});
