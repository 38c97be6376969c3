/**
 * Hands the template page's comments to the editor components (comment buttons on areas,
 * statements and levels, the panel, the toolbar count). Optional: without it the template
 * editor shows no comment controls.
 */
import { getContext, setContext } from 'svelte';
import { TemplateComments, type CommentsSource } from './template-comments.svelte.ts';

const KEY = Symbol('template-comments');

/** Creates the page's comments from `source` and makes them available below the caller. */
export function provideTemplateComments(source: CommentsSource): TemplateComments {
	return setContext(KEY, new TemplateComments(source));
}

/** The surrounding page's comments, or undefined where the page has none. */
export function getTemplateComments(): TemplateComments | undefined {
	return getContext<TemplateComments | undefined>(KEY);
}
