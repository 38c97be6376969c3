/**
 * Moving a participant's view to what the facilitator points at: find the element on the page,
 * open what hides it, scroll to it, mark it and move focus there. Never while the person is
 * typing in a field: taking the caret (or the view, which the browser would scroll straight back
 * to the caret at the next key) away mid-sentence loses their place, and for screen-reader users
 * their context. They stay put, hear the move from the live region, and the view follows when
 * they leave the field (FollowState).
 */
import { fieldId, revealById, revealElement } from '../../template/targets.ts';

/** The class that marks the element being shown (styled in FollowScope.svelte). */
export const HIGHLIGHT_CLASS = 'follow-highlight';

/**
 * The page element for a follow target: a container marked `data-follow-id` (sections, areas),
 * an element with that id (scales: `scale-<ownerId>`), else the list item around the item's
 * main field (statements, levels).
 */
export function findFollowElement(elementId: string): HTMLElement | null {
	const marked = document.querySelector<HTMLElement>(`[data-follow-id="${CSS.escape(elementId)}"]`);
	if (marked) return marked;
	const byId = document.getElementById(elementId);
	if (byId) return byId;
	const field =
		document.getElementById(fieldId(elementId, 'text')) ??
		document.getElementById(fieldId(elementId, 'label'));
	return field?.closest('li') ?? field;
}

/**
 * Opens the closed part that would render the element (a closed scale renders no levels, a
 * statement's closed details no own scale), so a followed target inside can be found.
 */
export async function revealHiddenTarget(elementId: string): Promise<void> {
	if (!findFollowElement(elementId)) await revealById(elementId);
}

/** True while the person is typing: focus is in a text field, a select or a rich-text editor. */
export function isTyping(): boolean {
	const active = document.activeElement;
	if (!(active instanceof HTMLElement)) return false;
	if (active.isContentEditable || active.tagName === 'TEXTAREA' || active.tagName === 'SELECT') {
		return true;
	}
	if (active.tagName !== 'INPUT') return false;
	const type = (active as HTMLInputElement).type;
	return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file'].includes(
		type
	);
}

/** Marks `elementId` as the element being shown (and unmarks the previous one). */
export function highlight(elementId: string | null): HTMLElement | null {
	for (const old of document.querySelectorAll(`.${HIGHLIGHT_CLASS}`)) {
		old.classList.remove(HIGHLIGHT_CLASS);
	}
	const element = elementId ? findFollowElement(elementId) : null;
	element?.classList.add(HIGHLIGHT_CLASS);
	return element;
}

export type RevealResult = 'focused' | 'scrolled' | 'missing';

/**
 * Highlights the element, scrolls to it and, with `mayFocus`, focuses it. Callers check
 * `isTyping()` first: while someone types, neither scroll nor focus may move (see the top).
 */
export async function revealFollowTarget(
	elementId: string,
	{ mayFocus }: { mayFocus: boolean }
): Promise<RevealResult> {
	const element = highlight(elementId);
	if (!element) return 'missing';
	const shouldFocus = mayFocus && !isTyping();
	// Containers (sections, list items) are not focusable by themselves; -1 keeps them out of
	// the tab order while letting the view move focus there.
	if (shouldFocus && element.tabIndex < 0) element.setAttribute('tabindex', '-1');
	await revealElement(element, { shouldFocus });
	return shouldFocus ? 'focused' : 'scrolled';
}

/**
 * Resolves once the element is on the page (the template may still be loading), or with null
 * after `timeoutMs` or when `signal` aborts.
 */
export function waitForFollowElement(
	elementId: string,
	timeoutMs: number,
	signal: AbortSignal
): Promise<HTMLElement | null> {
	const found = findFollowElement(elementId);
	if (found) return Promise.resolve(found);
	return new Promise((resolve) => {
		const finish = (element: HTMLElement | null) => {
			observer.disconnect();
			clearTimeout(timer);
			signal.removeEventListener('abort', onAbort);
			resolve(element);
		};
		const onAbort = () => finish(null);
		const observer = new MutationObserver(() => {
			const element = findFollowElement(elementId);
			if (element) finish(element);
		});
		observer.observe(document.body, { childList: true, subtree: true });
		const timer = setTimeout(() => finish(null), timeoutMs);
		signal.addEventListener('abort', onAbort);
	});
}
