/**
 * Binds an `<input>` or `<textarea>` to a `Y.Text` that lives at a key of a `Y.Map`, so typing is
 * sent as it happens and merges character by character with everyone else's.
 *
 * - Local input: the change between what the field showed and what it shows now (one replaced
 *   range, placed by the caret) is written to the text with the caller's origin, so per-user undo
 *   tracks it. Focus and blur write nothing.
 * - Remote changes (and undo) are written into the field, and the selection is carried through
 *   the change (`transformIndex`): text inserted or deleted before the caret moves it, text
 *   inserted exactly at the caret goes after it, so two people typing at the same place each keep
 *   their own run of characters.
 * - While an input method composes (dead keys, IME), nothing is written and remote changes wait:
 *   both are settled when the composition ends, the local change mapped through the remote ones.
 * - The field's slot is looked up again after every transaction, because an undo can bring back a
 *   removed item as a new map, and the server's shape upgrade can turn an old plain string into a
 *   `Y.Text` under a bound field. A slot that still holds a plain string (a document in the old
 *   shape) is written whole, as a string: only the server converts fields, so clients never race
 *   to convert the same one (see template-shape.ts).
 * - A change that would make the value longer than `maxLength`, or that types a control or bidi
 *   character (`hasForbiddenCharacters`, the rule every text schema uses; typing bypasses the
 *   schemas), is refused at the input.
 *
 * The element is described structurally (`TextInputElement`), so the unit tests drive the binding
 * with a small fake instead of a DOM.
 */
import * as Y from 'yjs';
import { hasForbiddenCharacters } from '../domain/text.ts';
import { textChange } from './template/template-doc.ts';

/** What the binding uses of an `<input>` or `<textarea>`. */
export interface TextInputElement {
	value: string;
	readonly selectionStart: number | null;
	readonly selectionEnd: number | null;
	readonly selectionDirection: 'forward' | 'backward' | 'none' | null;
	setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none'): void;
	addEventListener(type: string, listener: (event: Event) => void): void;
	removeEventListener(type: string, listener: (event: Event) => void): void;
	readonly ownerDocument: { readonly activeElement: unknown } | null;
}

/** Where a text field lives: a map and a key. */
export type TextSlot = { map: Y.Map<unknown>; key: string };

/** One operation of a `Y.Text` delta (formatting attributes are ignored). */
export type TextDeltaOp = { insert?: unknown; retain?: number; delete?: number };

export type TextInputBindingOptions = {
	doc: Y.Doc;
	/** The field's slot now, or null when its item is gone. Called after every transaction. */
	resolve: () => TextSlot | null;
	/** Transaction origin of this person's writes (their undo manager tracks it). */
	origin: unknown;
	/** Longest value the person may type. */
	maxLength?: number;
	/** A multi-line field also takes tab and line breaks (see `hasForbiddenCharacters`). */
	isMultiLine?: boolean;
	/** True while this person may not change the field; their input is then reverted. */
	isReadOnly?: () => boolean;
	/** Ctrl/Cmd+Z and the browser's own undo in the field. */
	undo?: () => void;
	/** Ctrl/Cmd+Shift+Z, Ctrl+Y and the browser's own redo in the field. */
	redo?: () => void;
};

const insertLength = (insert: unknown) => (typeof insert === 'string' ? insert.length : 1);

/**
 * Where `index` (in the text before the change) is after the change `delta`. Text inserted exactly
 * at `index` stays after it; an index inside a deleted range goes to where the range was.
 */
export function transformIndex(index: number, delta: readonly TextDeltaOp[]): number {
	let position = 0;
	let shift = 0;
	for (const op of delta) {
		if (position > index) break;
		if (op.retain !== undefined) position += op.retain;
		else if (op.insert !== undefined) {
			if (position < index) shift += insertLength(op.insert);
		} else if (op.delete !== undefined) {
			const end = position + op.delete;
			if (end <= index) shift -= op.delete;
			else if (position < index) shift -= index - position;
			position = end;
		}
	}
	return index + shift;
}

/** The index just after the last change of `delta`, in the text after it (undo puts the caret there). */
function endOfChange(delta: readonly TextDeltaOp[]): number | null {
	let position = 0;
	let end: number | null = null;
	for (const op of delta) {
		if (op.retain !== undefined) position += op.retain;
		else if (op.insert !== undefined) end = position += insertLength(op.insert);
		else if (op.delete !== undefined) end = position;
	}
	return end;
}

/** The plain-text field at `slot`, or null when it holds something else. */
function textOf(slot: TextSlot | null): Y.Text | null {
	const value = slot?.map.get(slot.key);
	return value instanceof Y.Text && !(value instanceof Y.XmlText) ? value : null;
}

/** The value a slot that is not (yet) a `Y.Text` shows: its plain string, or nothing. */
function plainOf(slot: TextSlot | null): string {
	const value = slot?.map.get(slot.key);
	return typeof value === 'string' ? value : '';
}

/** Binds `element` to the text field `options.resolve()` names; returns the function that unbinds. */
export function bindTextInput(
	element: TextInputElement,
	options: TextInputBindingOptions
): () => void {
	const { doc, origin } = options;
	let slot = options.resolve();
	let text = textOf(slot);
	/** What the field shows, as last agreed with the document. */
	let shown = text ? text.toJSON() : plainOf(slot);
	let isComposing = false;
	let isWriting = false;
	/** Remote changes that arrived during a composition, not yet in the field. */
	let waiting: TextDeltaOp[][] = [];

	const isFocused = () => element.ownerDocument?.activeElement === element;

	/** Shows `value` and, if the field has focus, puts the selection at `start`–`end`. */
	function render(value: string, start: number, end = start): void {
		if (element.value !== value) element.value = value;
		if (!isFocused()) return;
		const clamp = (i: number) => Math.max(0, Math.min(value.length, i));
		element.setSelectionRange(clamp(start), clamp(end), element.selectionDirection ?? undefined);
	}

	function selection(): { start: number; end: number } {
		const end = element.selectionEnd ?? element.value.length;
		return { start: element.selectionStart ?? end, end };
	}

	const onTextChange = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
		if (isWriting) return;
		const delta = event.delta as TextDeltaOp[];
		if (isComposing) {
			waiting.push(delta);
			return;
		}
		shown = event.target.toJSON();
		// This person's own undo or redo: the caret goes to what changed, as in any editor.
		const undone = transaction.local ? endOfChange(delta) : null;
		if (undone !== null) return render(shown, undone);
		const { start, end } = selection();
		render(shown, transformIndex(start, delta), transformIndex(end, delta));
	};

	function attach(next: Y.Text | null): void {
		text?.unobserve(onTextChange);
		text = next;
		text?.observe(onTextChange);
	}

	/** Follows the slot: a new `Y.Text` (upgrade, undo) or a plain string written whole. */
	const onAfterTransaction = (): void => {
		slot = options.resolve();
		const next = textOf(slot);
		if (next !== text) {
			attach(next);
			// Changes waiting for a composition to end belong to the text that was replaced.
			waiting = [];
		} else if (isComposing || isWriting) return;
		const value = text ? text.toJSON() : plainOf(slot);
		if (value === shown) return;
		const { start, end } = selection();
		shown = value;
		render(value, start, end);
	};

	/** Writes what the person changed since `shown`, or reverts a change they may not make. */
	function flush(): void {
		const value = element.value;
		if (value === shown && waiting.length === 0) return;
		const { start, end } = selection();
		const change = textChange(shown, value, end);
		const isRefused =
			options.isReadOnly?.() === true ||
			slot === null ||
			hasForbiddenCharacters(change.insert, options.isMultiLine === true) ||
			(options.maxLength !== undefined &&
				value.length > options.maxLength &&
				value.length > shown.length);
		if (isRefused) {
			waiting = [];
			const back = shown.length - value.length;
			render(text ? text.toJSON() : shown, end + back);
			shown = element.value;
			return;
		}
		let from = change.index;
		let to = change.index + change.remove;
		for (const delta of waiting) {
			from = transformIndex(from, delta);
			to = Math.max(from, transformIndex(to, delta));
		}
		const hadWaiting = waiting.length > 0;
		waiting = [];
		isWriting = true;
		try {
			doc.transact(() => {
				if (!slot) return;
				if (text) {
					if (to > from) text.delete(from, to - from);
					if (change.insert) text.insert(from, change.insert);
				} else {
					slot.map.set(slot.key, value);
				}
			}, origin);
		} finally {
			isWriting = false;
		}
		shown = text ? text.toJSON() : value;
		if (hadWaiting || shown !== value) {
			const caret = from + change.insert.length;
			render(shown, start === end ? caret : from, caret);
		}
	}

	const onInput = (event: Event): void => {
		if ((event as InputEvent).isComposing) return;
		flush();
	};
	const onCompositionStart = (): void => {
		isComposing = true;
	};
	const onCompositionEnd = (): void => {
		isComposing = false;
		flush();
		onAfterTransaction();
	};
	const onKeydown = (event: Event): void => {
		const key = event as KeyboardEvent;
		if (!(key.ctrlKey || key.metaKey) || key.altKey) return;
		const name = key.key.toLowerCase();
		const command =
			name === 'z'
				? key.shiftKey
					? options.redo
					: options.undo
				: name === 'y'
					? options.redo
					: null;
		if (!command) return;
		// The browser's own undo would undo the field's value behind the document's back.
		event.preventDefault();
		if (options.isReadOnly?.() !== true) command();
	};
	const onBeforeInput = (event: Event): void => {
		const type = (event as InputEvent).inputType;
		if (type !== 'historyUndo' && type !== 'historyRedo') return;
		event.preventDefault();
		if (options.isReadOnly?.() !== true) (type === 'historyUndo' ? options.undo : options.redo)?.();
	};

	const listeners: [string, (event: Event) => void][] = [
		['input', onInput],
		['compositionstart', onCompositionStart],
		['compositionend', onCompositionEnd],
		['keydown', onKeydown],
		['beforeinput', onBeforeInput]
	];
	for (const [type, listener] of listeners) element.addEventListener(type, listener);
	text?.observe(onTextChange);
	doc.on('afterTransaction', onAfterTransaction);
	element.value = shown;

	return () => {
		for (const [type, listener] of listeners) element.removeEventListener(type, listener);
		doc.off('afterTransaction', onAfterTransaction);
		attach(null);
	};
}
