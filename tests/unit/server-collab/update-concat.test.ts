/**
 * Property: joining a log of updates with `concatUpdates` and applying the result gives exactly
 * the document that applying the updates one by one gives, for every kind of content Yjs
 * writes (strings with surrogate pairs, formats, embeds, XML elements and hooks, maps of any
 * values, JSON, binary, deletions, subdocuments), and whatever it cannot join it refuses.
 * `snapshotStateVector` reads the same state vector from a snapshot that the built doc has.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { concatUpdates, snapshotStateVector } from '../../../server/collab/update-concat.ts';
import { buildDoc } from '../../../server/collab/room-core.ts';

type Op =
	| { kind: 'insert'; at: number; text: string }
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

function apply(doc: Y.Doc, op: Op, docs: Y.Doc[]): void {
	const text = doc.getText('t');
	const pos = (x: number) => Math.floor(x * text.length);
	switch (op.kind) {
		case 'insert':
			return text.insert(pos(op.at), op.text);
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
const oneByOne = (log: Uint8Array[]) => {
	const doc = new Y.Doc();
	for (const update of log) Y.applyUpdate(doc, update);
	return doc;
};

describe('concatUpdates', () => {
	it('joins any log into one update that builds the same document', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ client: fc.integer({ min: 0, max: 2 }), op: opArb }), {
					minLength: 1,
					maxLength: 60
				}),
				(ops) => {
					const log = logOf(ops);
					const joined = concatUpdates(log);
					// Logs in arrival order can always be joined (each client's runs follow each other).
					expect(joined).not.toBeNull();
					const doc = new Y.Doc();
					Y.applyUpdate(doc, joined!);
					expect(state(doc)).toEqual(state(oneByOne(log)));
				}
			),
			{ numRuns: 300 }
		);
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
		Y.applyUpdate(doc, concatUpdates(withHole)!);
		expect(state(doc)).toEqual(state(oneByOne(withHole)));
		// The rest arrives later, as a client resending it would: both end complete.
		Y.applyUpdate(doc, log[4]);
		expect(doc.getText('t').toJSON()).toBe(oneByOne(log).getText('t').toJSON());
	});

	it('refuses duplicates, reordering and garbage instead of guessing', () => {
		const log = logOf([
			{ client: 0, op: { kind: 'insert', at: 0, text: 'ab' } },
			{ client: 0, op: { kind: 'insert', at: 1, text: 'cd' } }
		]);
		expect(concatUpdates([log[0], log[0]])).toBeNull();
		expect(concatUpdates([log[1], log[0]])).toBeNull();
		expect(concatUpdates([log[0], new Uint8Array([1, 1, 5, 0, 99])])).toBeNull();
		expect(concatUpdates([log[0], Uint8Array.of(...log[1], 0)])).toBeNull();
	});

	it('buildDoc falls back to one by one and skips a bad update, as before', () => {
		const log = logOf(
			Array.from({ length: 40 }, (_, i) => ({
				client: i % 3,
				op: { kind: 'insert' as const, at: 0.5, text: 'x' }
			}))
		);
		const withDuplicate = [...log, log[3]];
		const { doc, errors } = buildDoc({ snapshot: null, updates: withDuplicate });
		expect(errors).toEqual([]);
		expect(state(doc)).toEqual(state(oneByOne(log)));
		const withGarbage = [...log, new Uint8Array([1, 1, 5, 0, 99])];
		const rebuilt = buildDoc({ snapshot: null, updates: withGarbage });
		expect(rebuilt.errors).toHaveLength(1);
		expect(state(rebuilt.doc)).toEqual(state(oneByOne(log)));
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
