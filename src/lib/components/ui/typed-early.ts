/**
 * What a person typed before the page hydrated (recorded by the inline script in src/app.html):
 * hydration writes an input's rendered value (`value={...}`, e.g. a default of 3 dots or the
 * stored retention period) over what is in the field, so on a slow laptop a quick typist lost
 * their text. `restoreTypedEarly` runs once, after hydration, and puts each typed value back.
 */

declare global {
	interface Window {
		/** Stops recording and hands over the fields typed into before hydration. */
		__formvaerkTypedEarly?: () => Map<Element, string | boolean>;
	}
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isToggle(field: Field): field is HTMLInputElement {
	return field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio');
}

/**
 * Puts back every value typed before hydration that hydration changed, and tells the page with
 * the event the browser would have sent (so `bind:value` and `oninput` handlers see it). A field
 * hydration replaced is no longer in the document and is skipped. Safe to call more than once.
 */
export function restoreTypedEarly(): void {
	const typed = window.__formvaerkTypedEarly?.();
	window.__formvaerkTypedEarly = undefined;
	if (!typed) return;
	for (const [element, value] of typed) {
		const field = element as Field;
		if (!field.isConnected) continue;
		if (isToggle(field)) {
			if (field.checked === value) continue;
			field.checked = value as boolean;
			field.dispatchEvent(new Event('change', { bubbles: true }));
		} else {
			if (field.value === value) continue;
			field.value = value as string;
			field.dispatchEvent(new Event('input', { bubbles: true }));
		}
	}
}
