/**
 * A stand-in for an `<input>` in unit tests of the text binding (the unit tests run in Node,
 * without a DOM). It behaves as a browser does where the binding depends on it: typing replaces
 * the selection and fires `input`; setting `value` from code puts the caret at the end (Chromium
 * does, so a binding that forgets to restore the caret fails here too); compositions fire
 * `compositionstart`, `input` events marked `isComposing`, and `compositionend`.
 */
import type { TextInputElement } from '#lib/collab/text-input-binding.ts';

type Listener = (event: Event) => void;

/** A minimal event object: the fields the binding reads, and `preventDefault`. */
function fakeEvent(type: string, fields: Record<string, unknown> = {}) {
	return {
		type,
		defaultPrevented: false,
		preventDefault() {
			this.defaultPrevented = true;
		},
		...fields
	};
}

export class FakeInput implements TextInputElement {
	#value = '';
	selectionStart = 0;
	selectionEnd = 0;
	selectionDirection: 'forward' | 'backward' | 'none' = 'none';
	/** Each fake has a document of its own, in which it may be the focused element. */
	readonly ownerDocument: { activeElement: unknown } = { activeElement: null };
	readonly #listeners = new Map<string, Set<Listener>>();
	/** Characters typed while composing, not yet committed. */
	#composition: { start: number; text: string } | null = null;

	get value(): string {
		return this.#value;
	}

	set value(value: string) {
		if (value === this.#value) return;
		this.#value = value;
		this.selectionStart = this.selectionEnd = value.length;
	}

	get caret(): number {
		return this.selectionEnd;
	}

	setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none') {
		this.selectionStart = Math.min(start, this.#value.length);
		this.selectionEnd = Math.max(this.selectionStart, Math.min(end, this.#value.length));
		this.selectionDirection = direction ?? 'none';
	}

	addEventListener(type: string, listener: Listener): void {
		if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
		this.#listeners.get(type)!.add(listener);
	}

	removeEventListener(type: string, listener: Listener): void {
		this.#listeners.get(type)?.delete(listener);
	}

	/** Number of listeners still attached (an unbound binding leaves none). */
	get listenerCount(): number {
		return [...this.#listeners.values()].reduce((sum, set) => sum + set.size, 0);
	}

	dispatch(type: string, fields: Record<string, unknown> = {}): { defaultPrevented: boolean } {
		const event = fakeEvent(type, fields);
		for (const listener of this.#listeners.get(type) ?? []) listener(event as unknown as Event);
		return event;
	}

	focus(): void {
		this.ownerDocument.activeElement = this;
	}

	blur(): void {
		this.ownerDocument.activeElement = null;
	}

	select(start: number, end = start): void {
		this.setSelectionRange(start, end);
	}

	/** Replaces the selection with `text` (typing or pasting) and fires `input`. */
	type(text: string, maxLength?: number): void {
		const { selectionStart: start, selectionEnd: end } = this;
		const next = this.#value.slice(0, start) + text + this.#value.slice(end);
		// The browser's own `maxlength` check is left out unless asked for, so the binding's is tested.
		if (maxLength !== undefined && next.length > maxLength) return;
		this.#value = next;
		this.selectionStart = this.selectionEnd = start + text.length;
		this.dispatch('input', { isComposing: this.#composition !== null, inputType: 'insertText' });
	}

	/** Backspace: deletes the selection or the character before the caret. */
	backspace(): void {
		const { selectionStart: start, selectionEnd: end } = this;
		const from = start === end ? Math.max(0, start - 1) : start;
		this.#value = this.#value.slice(0, from) + this.#value.slice(end);
		this.selectionStart = this.selectionEnd = from;
		this.dispatch('input', { isComposing: false, inputType: 'deleteContentBackward' });
	}

	/** Starts a composition (a dead key, an input method). */
	compositionStart(): void {
		this.#composition = { start: this.selectionStart, text: '' };
		this.dispatch('compositionstart');
	}

	/** The input method shows `text` as the composition so far (replacing the previous one). */
	compose(text: string): void {
		const composition = this.#composition!;
		const start = composition.start;
		this.#value =
			this.#value.slice(0, start) + text + this.#value.slice(start + composition.text.length);
		composition.text = text;
		this.selectionStart = this.selectionEnd = start + text.length;
		this.dispatch('input', { isComposing: true, inputType: 'insertCompositionText' });
	}

	compositionEnd(): void {
		this.#composition = null;
		this.dispatch('compositionend');
	}

	/** A key press the binding may take over (Ctrl+Z and friends); returns whether it did. */
	key(key: string, modifiers: { ctrl?: boolean; shift?: boolean } = {}): boolean {
		return this.dispatch('keydown', {
			key,
			ctrlKey: modifiers.ctrl === true,
			metaKey: false,
			shiftKey: modifiers.shift === true,
			altKey: false
		}).defaultPrevented;
	}
}
