/**
 * A wrapper that scrolls its wide content (a table) sideways inside itself rather than the page.
 * While the content is wider than the wrapper it is a focusable region, so keyboard users can
 * scroll it (WCAG 2.1.1); while everything fits it is no Tab stop.
 */
import type { Action } from 'svelte/action';

/** `<div class="scroll-region" role="region" aria-label="…" use:scrollRegion>` */
export const scrollRegion: Action<HTMLElement> = (node) => {
	const update = () => {
		const isScrollable = node.scrollWidth > node.clientWidth + 1;
		if (isScrollable) node.setAttribute('tabindex', '0');
		else node.removeAttribute('tabindex');
	};
	const observer = new ResizeObserver(update);
	observer.observe(node);
	for (const child of node.children) observer.observe(child);
	update();
	return { destroy: () => observer.disconnect() };
};
