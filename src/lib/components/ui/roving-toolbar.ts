/**
 * A roving-tabindex toolbar (WAI-ARIA APG "Toolbar") over whatever controls an element contains:
 * one Tab stop for the whole row, Left/Right arrows between its controls, Home/End to the first
 * and last. It works on the DOM rather than on component props, so the controls of child
 * components (a text field, a select, a menu trigger) take part without knowing about it.
 *
 * Text fields keep their arrow keys for the caret: Left at the very start of the text and Right at
 * its very end leave the field, which is how a keyboard user gets from a statement's text to its
 * buttons without Tab. Home/End stay with the caret there. A select keeps Up/Down (changing its
 * value) but not Left/Right/Home/End, which in Chromium would change the shared value by accident.
 * Alt+arrows are left alone: they move list items (reorder.ts).
 */
import type { Action } from 'svelte/action';

const FOCUSABLE =
	'input:not([type="hidden"]), textarea, select, button, summary, a[href], [contenteditable="true"]';

/** Marks the element the toolbar belongs to, so nested rows do not collect each other's items. */
const ROOT_ATTRIBUTE = 'data-roving-toolbar';

function isTextEntry(element: HTMLElement): element is HTMLInputElement | HTMLTextAreaElement {
	if (element instanceof HTMLTextAreaElement) return true;
	return (
		element instanceof HTMLInputElement &&
		['text', 'search', 'email', 'url', 'tel', 'number', 'password'].includes(element.type)
	);
}

/**
 * The controls of `root` that can take focus now, in document order. Only attributes are read,
 * never layout: every row runs this when it mounts, and a layout read per row would lay out the
 * whole page once per row.
 */
function itemsOf(root: HTMLElement): HTMLElement[] {
	return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
		(element) =>
			element.closest(`[${ROOT_ATTRIBUTE}]`) === root &&
			!(element as HTMLButtonElement).disabled &&
			!element.closest('[hidden], [inert]')
	);
}

/** Which way a key moves, or null when the focused control keeps the key for itself. */
function stepFor(
	event: KeyboardEvent,
	element: HTMLElement
): 'prev' | 'next' | 'first' | 'last' | null {
	if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
	if (isTextEntry(element)) {
		const { selectionStart, selectionEnd, value } = element;
		const isCollapsed = selectionStart !== null && selectionStart === selectionEnd;
		if (event.key === 'ArrowLeft' && isCollapsed && selectionStart === 0) return 'prev';
		if (event.key === 'ArrowRight' && isCollapsed && selectionEnd === value.length) return 'next';
		return null;
	}
	const steps: Record<string, 'prev' | 'next' | 'first' | 'last'> = {
		ArrowLeft: 'prev',
		ArrowRight: 'next',
		Home: 'first',
		End: 'last'
	};
	return steps[event.key] ?? null;
}

/**
 * `<div role="toolbar" aria-label="…" use:rovingToolbar>`: makes the row one Tab stop. The control
 * that last had focus keeps the stop (the first one at the start); a control that disappears or
 * becomes disabled hands it to the first remaining one.
 */
export const rovingToolbar: Action<HTMLElement> = (node) => {
	node.setAttribute(ROOT_ATTRIBUTE, '');
	let current: HTMLElement | null = null;
	let isSyncing = false;

	function sync(): void {
		isSyncing = true;
		const items = itemsOf(node);
		if (!current || !items.includes(current)) current = items[0] ?? null;
		for (const item of items) {
			const wanted = item === current ? '0' : '-1';
			if (item.getAttribute('tabindex') !== wanted) item.setAttribute('tabindex', wanted);
		}
		// Let the observer see our own attribute changes without reacting to them.
		queueMicrotask(() => (isSyncing = false));
	}

	function onFocusIn(event: FocusEvent): void {
		const target = event.target as HTMLElement;
		if (!itemsOf(node).includes(target) || target === current) return;
		current = target;
		sync();
	}

	function onKeydown(event: KeyboardEvent): void {
		const target = event.target as HTMLElement;
		const items = itemsOf(node);
		const index = items.indexOf(target);
		if (index < 0) return;
		const step = stepFor(event, target);
		if (!step) return;
		event.preventDefault();
		const last = items.length - 1;
		const next = {
			prev: index === 0 ? last : index - 1,
			next: index === last ? 0 : index + 1,
			first: 0,
			last
		}[step];
		current = items[next];
		sync();
		current.focus();
		// Arriving in a text field by arrow key puts the caret at the edge one came from.
		if (isTextEntry(current) && step === 'prev') {
			const end = current.value.length;
			current.setSelectionRange(end, end);
		} else if (isTextEntry(current)) current.setSelectionRange(0, 0);
	}

	// Children re-render (a button appears, a field becomes disabled): keep exactly one stop.
	const observer = new MutationObserver(() => {
		if (!isSyncing) sync();
	});
	observer.observe(node, {
		subtree: true,
		childList: true,
		attributes: true,
		attributeFilter: ['disabled', 'hidden', 'tabindex']
	});
	node.addEventListener('focusin', onFocusIn);
	node.addEventListener('keydown', onKeydown);
	sync();
	return {
		destroy() {
			observer.disconnect();
			node.removeEventListener('focusin', onFocusIn);
			node.removeEventListener('keydown', onKeydown);
		}
	};
};
