import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTextInput, transformIndex, type TextSlot } from '#lib/collab/text-input-binding.ts';
import { FakeInput } from '../../support/fake-input.ts';

/** A doc whose map `item` holds `label` as a Y.Text (the current shape) or a string (the old one). */
function docWith(label: string, shape: 'text' | 'string' = 'text', clientId = 1): Y.Doc {
	const doc = new Y.Doc();
	doc.clientID = clientId;
	doc.getMap('item').set('label', shape === 'text' ? new Y.Text(label) : label);
	return doc;
}

function copyOf(doc: Y.Doc, clientId: number): Y.Doc {
	const copy = new Y.Doc();
	copy.clientID = clientId;
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), 'remote');
	return copy;
}

const slotOf = (doc: Y.Doc): TextSlot => ({ map: doc.getMap('item'), key: 'label' });
const labelOf = (doc: Y.Doc): unknown => {
	const value = doc.getMap('item').get('label');
	return value instanceof Y.Text ? value.toJSON() : value;
};

/** An input bound to the doc's label, focused, with every local update recorded. */
function bound(
	doc: Y.Doc,
	options: { maxLength?: number; isMultiLine?: boolean; isReadOnly?: () => boolean } = {}
) {
	const input = new FakeInput();
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') updates.push(update);
	});
	const unbind = bindTextInput(input, {
		doc,
		resolve: () => slotOf(doc),
		origin: 'me',
		...options
	});
	input.focus();
	return { input, updates, unbind };
}

function send(from: Uint8Array[], to: Y.Doc): void {
	for (const update of from.splice(0)) Y.applyUpdate(to, update, 'remote');
}

describe('transformIndex', () => {
	it('moves an index over text inserted or deleted before it, not at it', () => {
		expect(transformIndex(3, [{ retain: 1 }, { insert: 'xy' }])).toBe(5);
		expect(transformIndex(3, [{ retain: 3 }, { insert: 'xy' }])).toBe(3);
		expect(transformIndex(3, [{ delete: 2 }])).toBe(1);
		expect(transformIndex(3, [{ retain: 2 }, { delete: 4 }])).toBe(2);
		expect(transformIndex(3, [{ retain: 5 }, { delete: 1 }])).toBe(3);
		expect(transformIndex(0, [{ insert: 'a' }])).toBe(0);
	});
});

describe('binding an input to a Y.Text', () => {
	it('shows the text and writes each keystroke as a character change', () => {
		const doc = docWith('Lager');
		const { input, updates } = bound(doc);
		expect(input.value).toBe('Lager');
		input.select(0);
		input.type('F');
		input.select(6);
		input.type('s');
		expect(labelOf(doc)).toBe('FLagers');
		expect(updates).toHaveLength(2);
		// Each update carries one character, not the whole label.
		const other = copyOf(docWith('Lager'), 2);
		for (const update of updates) Y.applyUpdate(other, update);
		expect(labelOf(other)).toBe('FLagers');
	});

	it('writes nothing on focus and blur, so a stale value never goes back (the issue)', () => {
		const facilitator = docWith('Titel');
		const member = copyOf(facilitator, 2);
		const { input, updates } = bound(member);
		input.focus();
		// The facilitator changes the title while the member sits in the field.
		const text = facilitator.getMap('item').get('label') as Y.Text;
		text.delete(0, 5);
		text.insert(0, 'Ny titel');
		Y.applyUpdate(member, Y.encodeStateAsUpdate(facilitator), 'remote');
		expect(input.value).toBe('Ny titel');
		input.blur();
		expect(updates).toHaveLength(0);
		expect(labelOf(member)).toBe('Ny titel');
	});

	it('keeps the caret in place when someone types before it, at it or after it', () => {
		const mine = docWith('abcdef');
		const theirs = copyOf(mine, 2);
		const { input } = bound(mine);
		input.select(3);
		const text = theirs.getMap('item').get('label') as Y.Text;
		const sendTheirs = (change: () => void) => {
			const before = Y.encodeStateVector(mine);
			change();
			Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, before), 'remote');
		};
		sendTheirs(() => text.insert(0, 'XY'));
		expect([input.value, input.caret]).toEqual(['XYabcdef', 5]);
		sendTheirs(() => text.insert(5, '!'));
		expect([input.value, input.caret]).toEqual(['XYabc!def', 5]);
		sendTheirs(() => text.insert(9, '?'));
		expect(input.caret).toBe(5);
		sendTheirs(() => text.delete(1, 3));
		expect([input.value, input.caret]).toEqual(['Xc!def?', 2]);
		input.type('_');
		expect(labelOf(mine)).toBe('Xc_!def?');
	});

	it('carries a selection through a remote change, and collapses it into a deleted range', () => {
		const mine = docWith('one two three');
		const theirs = copyOf(mine, 2);
		const { input } = bound(mine);
		input.select(4, 7);
		const text = theirs.getMap('item').get('label') as Y.Text;
		text.insert(0, '0 ');
		Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs), 'remote');
		expect([input.selectionStart, input.selectionEnd]).toEqual([6, 9]);
		const before = Y.encodeStateVector(mine);
		text.delete(5, 6);
		Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, before), 'remote');
		expect(input.value).toBe('0 onehree');
		expect([input.selectionStart, input.selectionEnd]).toEqual([5, 5]);
	});

	it('refuses input past the maximum length and keeps the caret', () => {
		const doc = docWith('abcd');
		const { input, updates } = bound(doc, { maxLength: 5 });
		input.select(2);
		input.type('X');
		expect(labelOf(doc)).toBe('abXcd');
		input.type('YZ');
		expect(input.value).toBe('abXcd');
		expect(input.caret).toBe(3);
		expect(labelOf(doc)).toBe('abXcd');
		// Deleting is always allowed, also in a field that merges past the limit.
		input.backspace();
		expect(labelOf(doc)).toBe('abcd');
		expect(updates).toHaveLength(2);
	});

	it('refuses control and bidi characters (typing bypasses the schemas), line breaks where one line', () => {
		const doc = docWith('Kasse');
		const { input, updates } = bound(doc);
		for (const forbidden of ['\u202E', '\u0007', '\u2066', '\n']) {
			input.type(`a${forbidden}b`);
			expect(input.value).toBe('Kasse');
		}
		expect(labelOf(doc)).toBe('Kasse');
		expect(updates).toHaveLength(0);
		input.type('n');
		expect(labelOf(doc)).toBe('Kassen');
		const multi = docWith('Linje');
		const lines = bound(multi, { isMultiLine: true });
		lines.input.type('\nto');
		lines.input.type('\u202E');
		expect(labelOf(multi)).toBe('Linje\nto');
	});

	it('reverts input while the field is read-only (a locked part)', () => {
		const doc = docWith('Låst');
		let isLocked = true;
		const { input, updates } = bound(doc, { isReadOnly: () => isLocked });
		input.type('!');
		expect(input.value).toBe('Låst');
		expect(updates).toHaveLength(0);
		isLocked = false;
		input.type('!');
		expect(labelOf(doc)).toBe('Låst!');
	});

	it('waits for a composition to end, then merges it with what arrived meanwhile', () => {
		const mine = docWith('Cafe');
		const theirs = copyOf(mine, 2);
		const { input, updates } = bound(mine);
		input.select(4);
		input.compositionStart();
		input.compose('´');
		expect(updates).toHaveLength(0);
		(theirs.getMap('item').get('label') as Y.Text).insert(0, 'Den ');
		Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs), 'remote');
		// The field is not touched while the input method composes.
		expect(input.value).toBe('Cafe´');
		input.compose('é');
		input.compositionEnd();
		expect(labelOf(mine)).toBe('Den Cafeé');
		expect(input.value).toBe('Den Cafeé');
		expect(input.caret).toBe(9);
	});

	it('routes Ctrl+Z and Ctrl+Shift+Z to the given undo and redo', () => {
		const doc = docWith('a');
		const calls: string[] = [];
		const input = new FakeInput();
		bindTextInput(input, {
			doc,
			resolve: () => slotOf(doc),
			origin: 'me',
			undo: () => calls.push('undo'),
			redo: () => calls.push('redo')
		});
		expect(input.key('z', { ctrl: true })).toBe(true);
		expect(input.key('z', { ctrl: true, shift: true })).toBe(true);
		expect(input.key('y', { ctrl: true })).toBe(true);
		expect(input.key('z')).toBe(false);
		expect(input.dispatch('beforeinput', { inputType: 'historyUndo' }).defaultPrevented).toBe(true);
		expect(calls).toEqual(['undo', 'redo', 'redo', 'undo']);
	});

	it('writes an old-shape string field whole, and follows it once the server made it a Y.Text', () => {
		const server = docWith('Gammel', 'string', 9);
		const mine = copyOf(server, 1);
		const { input, updates } = bound(mine);
		input.select(6);
		input.type('t');
		expect(labelOf(mine)).toBe('Gammelt');
		expect(mine.getMap('item').get('label')).toBe('Gammelt');
		send(updates, server);
		// The server's upgrade turns the string into a Y.Text with the same content.
		const before = Y.encodeStateVector(server);
		server.getMap('item').set('label', new Y.Text('Gammelt'));
		Y.applyUpdate(mine, Y.encodeStateAsUpdate(server, before), 'remote');
		expect(mine.getMap('item').get('label')).toBeInstanceOf(Y.Text);
		input.select(0);
		input.type('>');
		expect(labelOf(mine)).toBe('>Gammelt');
		expect(input.value).toBe('>Gammelt');
	});

	it('unbinds completely', () => {
		const doc = docWith('x');
		const { input, unbind, updates } = bound(doc);
		unbind();
		expect(input.listenerCount).toBe(0);
		(doc.getMap('item').get('label') as Y.Text).insert(1, 'y');
		expect(input.value).toBe('x');
		input.type('z');
		expect(updates).toHaveLength(1);
	});
});
