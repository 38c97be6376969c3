/**
 * Property tests of live typing: two and three people type in one bound field at once, their
 * keystrokes reaching each other late and in any order, and every field ends up with the same
 * text, holding every character anyone typed and did not delete.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTextInput } from '#lib/collab/text-input-binding.ts';
import {
	createTemplateUndoManager,
	readTemplate,
	resolveTextField
} from '#lib/collab/template/template-binding.ts';
import { FakeInput } from '../../support/fake-input.ts';
import { cloneDoc, docFromStarter } from '../../support/template-docs.ts';
import { shuffled } from '../../support/template-model.ts';

const INITIAL = 'Lager';

type Typist = {
	doc: Y.Doc;
	input: FakeInput;
	/** Updates this typist made that others have not received yet, per receiver. */
	outbox: Uint8Array[][];
	/** Characters this typist has typed so far (each one unique in the whole run). */
	typed: string[];
};

/** `count` people with the same field open; each types characters no one else types. */
function typists(count: number): Typist[] {
	const first = new Y.Doc();
	first.clientID = 1;
	first.getMap('item').set('label', new Y.Text(INITIAL));
	const docs = [first];
	for (let i = 1; i < count; i++) {
		const doc = new Y.Doc();
		doc.clientID = i + 1;
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(first));
		docs.push(doc);
	}
	return docs.map((doc, index) => {
		const input = new FakeInput();
		const typist: Typist = { doc, input, outbox: docs.map(() => []), typed: [] };
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === 'remote') return;
			typist.outbox.forEach((box, to) => {
				if (to !== index) box.push(update);
			});
		});
		bindTextInput(input, {
			doc,
			resolve: () => ({ map: doc.getMap('item'), key: 'label' }),
			origin: `typist-${index}`
		});
		input.focus();
		return typist;
	});
}

/** The next character of typist `index`: a code point no other typist uses. */
function nextChar(typist: Typist, index: number): string {
	return String.fromCodePoint(0x4e00 + index * 0x400 + typist.typed.length);
}

type Command =
	| { kind: 'type'; actor: number }
	| { kind: 'move'; actor: number; to: number }
	| { kind: 'backspace'; actor: number }
	| { kind: 'deliver'; from: number; to: number; seed: number };

function commandArb(count: number): fc.Arbitrary<Command> {
	const actor = fc.integer({ min: 0, max: count - 1 });
	return fc.oneof(
		{ weight: 5, arbitrary: fc.record({ kind: fc.constant('type' as const), actor }) },
		{
			weight: 1,
			arbitrary: fc.record({ kind: fc.constant('move' as const), actor, to: fc.nat(40) })
		},
		{ weight: 1, arbitrary: fc.record({ kind: fc.constant('backspace' as const), actor }) },
		{
			weight: 3,
			arbitrary: fc.record({
				kind: fc.constant('deliver' as const),
				from: actor,
				to: actor,
				seed: fc.integer()
			})
		}
	);
}

function deliver(from: Typist, to: Typist, toIndex: number, seed: number): void {
	const updates = from.outbox[toIndex].splice(0);
	for (const update of shuffled(updates, seed)) Y.applyUpdate(to.doc, update, 'remote');
}

const textOf = (typist: Typist) => (typist.doc.getMap('item').get('label') as Y.Text).toJSON();

function runScenario(count: number, commands: readonly Command[], finalSeed: number): void {
	const people = typists(count);
	const deleted = new Set<string>();
	for (const command of commands) {
		if (command.kind === 'deliver') {
			if (command.from !== command.to) {
				deliver(people[command.from], people[command.to], command.to, command.seed);
			}
			continue;
		}
		const typist = people[command.actor];
		const { input } = typist;
		if (command.kind === 'type') {
			const char = nextChar(typist, command.actor);
			typist.typed.push(char);
			input.type(char);
		} else if (command.kind === 'move') {
			input.select(Math.min(command.to, input.value.length));
		} else if (input.caret > 0) {
			deleted.add(input.value[input.caret - 1]);
			input.backspace();
		}
		// The field always shows its own document, caret within it.
		expect(input.value).toBe(textOf(typist));
	}
	people.forEach((to, toIndex) => {
		people.forEach((from, i) => {
			if (i !== toIndex) deliver(from, to, toIndex, finalSeed + i);
		});
	});
	const final = textOf(people[0]);
	const expected = [...INITIAL, ...people.flatMap((p) => p.typed)].filter((c) => !deleted.has(c));
	expect([...final].sort()).toEqual(expected.sort());
	for (const typist of people) {
		expect(textOf(typist)).toBe(final);
		expect(typist.input.value).toBe(final);
	}
}

describe('live typing in one field', () => {
	it('two people converge character by character, losing nothing', () => {
		fc.assert(
			fc.property(
				fc.array(commandArb(2), { minLength: 1, maxLength: 60 }),
				fc.integer(),
				(commands, seed) => runScenario(2, commands, seed)
			),
			{ numRuns: 150 }
		);
	});

	it('three people converge character by character, losing nothing', () => {
		fc.assert(
			fc.property(
				fc.array(commandArb(3), { minLength: 1, maxLength: 80 }),
				fc.integer(),
				(commands, seed) => runScenario(3, commands, seed)
			),
			{ numRuns: 150 }
		);
	});

	it('people typing at the same place each keep their word in one piece', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 3 }),
				fc.nat(INITIAL.length),
				fc.array(fc.tuple(fc.nat(2), fc.boolean(), fc.integer()), { maxLength: 40 }),
				(count, at, schedule) => {
					const people = typists(count);
					const words = people.map((_, i) => `${'abc'[i]}${i}`.repeat(3));
					const progress = people.map(() => 0);
					for (const typist of people) typist.input.select(at);
					const typeNext = (i: number) => {
						if (progress[i] >= words[i].length) return;
						people[i].input.type(words[i][progress[i]++]);
					};
					for (const [who, isDelivery, seed] of schedule) {
						const i = who % count;
						if (isDelivery) deliver(people[i], people[(i + 1) % count], (i + 1) % count, seed);
						else typeNext(i);
					}
					for (let i = 0; i < count; i++) while (progress[i] < words[i].length) typeNext(i);
					people.forEach((to, toIndex) =>
						people.forEach((from, i) => {
							if (i !== toIndex) deliver(from, to, toIndex, 0);
						})
					);
					const final = textOf(people[0]);
					for (const word of words) expect(final).toContain(word);
					expect(final.length).toBe(INITIAL.length + words.join('').length);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('moves the caret exactly as a Yjs relative position does', () => {
		fc.assert(
			fc.property(
				fc.nat(20),
				fc.array(fc.tuple(fc.boolean(), fc.nat(30), fc.string({ minLength: 1, maxLength: 3 })), {
					minLength: 1,
					maxLength: 6
				}),
				(caret, changes) => {
					const [me] = typists(1);
					const them = new Y.Doc();
					them.clientID = 7;
					Y.applyUpdate(them, Y.encodeStateAsUpdate(me.doc));
					me.input.select(Math.min(caret, INITIAL.length));
					const text = me.doc.getMap('item').get('label') as Y.Text;
					// The caret sticks to the character before it, as the binding promises.
					const oracle = Y.createRelativePositionFromTypeIndex(text, me.input.caret, -1);
					const theirText = them.getMap('item').get('label') as Y.Text;
					them.transact(() => {
						for (const [isInsert, position, chars] of changes) {
							const at = Math.min(position, theirText.length);
							if (isInsert) theirText.insert(at, chars);
							else theirText.delete(at, Math.min(chars.length, theirText.length - at));
						}
					});
					Y.applyUpdate(me.doc, Y.encodeStateAsUpdate(them), 'remote');
					const expected = Y.createAbsolutePositionFromRelativePosition(oracle, me.doc)!.index;
					expect(me.input.value).toBe(theirText.toJSON());
					expect(me.input.caret).toBe(expected);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('undo of typing in a bound template field', () => {
	/** Alice and Bob in the first area's label, with live delivery and per-user undo. */
	function session() {
		const a = docFromStarter('detail', 1);
		const b = cloneDoc(a, 2);
		a.on('update', (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(b, u, 'remote'));
		b.on('update', (u: Uint8Array, o: unknown) => o !== 'remote' && Y.applyUpdate(a, u, 'remote'));
		const areaId = readTemplate(a).areas[0].id;
		return [a, b].map((doc, i) => {
			const origin = { user: i };
			const undo = createTemplateUndoManager(doc, origin);
			const input = new FakeInput();
			bindTextInput(input, {
				doc,
				resolve: () => resolveTextField(doc, { field: 'areaLabel', areaId }),
				origin,
				undo: () => undo.undo(),
				redo: () => undo.redo()
			});
			input.focus();
			return { doc, input, undo };
		});
	}

	it('Ctrl+Z takes back only my own typing, and Ctrl+Shift+Z brings it back', () => {
		const [alice, bob] = session();
		expect(alice.input.value).toBe('Faglige kompetencer');
		alice.input.select(alice.input.value.length);
		for (const char of ' i butikken') alice.input.type(char);
		bob.input.select(0);
		for (const char of 'Nye ') bob.input.type(char);
		expect(bob.input.value).toBe('Nye Faglige kompetencer i butikken');
		expect(alice.input.key('z', { ctrl: true })).toBe(true);
		expect(alice.input.value).toBe('Nye Faglige kompetencer');
		expect(bob.input.value).toBe('Nye Faglige kompetencer');
		expect(alice.input.caret).toBe('Nye Faglige kompetencer'.length);
		// Bob's caret stays after what he typed.
		expect(bob.input.caret).toBe(4);
		alice.input.key('z', { ctrl: true, shift: true });
		expect(readTemplate(bob.doc).areas[0].label).toBe('Nye Faglige kompetencer i butikken');
	});

	it('after random typing by both, undoing all of mine leaves exactly the other’s characters', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.boolean(), fc.nat(30)), { minLength: 1, maxLength: 30 }),
				(keys) => {
					const people = session();
					const typed: string[][] = [[], []];
					keys.forEach(([isBob, position], n) => {
						const who = isBob ? 1 : 0;
						const { input, undo } = people[who];
						input.select(Math.min(position, input.value.length));
						const char = String.fromCodePoint(0x4e00 + who * 0x400 + n);
						typed[who].push(char);
						input.type(char);
						// Every keystroke an undo step of its own, so order matters in the test.
						undo.stopCapturing();
					});
					while (people[0].undo.canUndo()) people[0].input.key('z', { ctrl: true });
					const label = readTemplate(people[1].doc).areas[0].label;
					const bobs = [...label].filter((c) => typed[1].includes(c));
					expect(label.replace(/[\u4e00-\u9fff]/gu, '')).toBe('Faglige kompetencer');
					expect(bobs.sort()).toEqual([...typed[1]].sort());
					expect(people[0].input.value).toBe(label);
				}
			),
			{ numRuns: 100 }
		);
	});
});
