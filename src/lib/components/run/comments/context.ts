/**
 * Hands a document page's comments to the editor components (comment buttons on areas,
 * statements and levels, or on stages, steps and the drejebog's rule sections; the panel; the
 * toolbar count). Optional: without it an editor shows no comment controls.
 */
import { getContext, setContext } from 'svelte';
import { DocumentComments, type CommentsSource } from './document-comments.svelte.ts';

const KEY = Symbol('document-comments');

/** Creates the page's comments from `source` and makes them available below the caller. */
export function provideDocumentComments(source: CommentsSource): DocumentComments {
	return setContext(KEY, new DocumentComments(source));
}

/** The surrounding page's comments, or undefined where the page has none. */
export function getDocumentComments(): DocumentComments | undefined {
	return getContext<DocumentComments | undefined>(KEY);
}
