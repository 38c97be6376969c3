/**
 * SEAM(drejebog): the drejebog part of a published version, in one place.
 *
 * Until the drejebog model lands (`#lib/domain/drejebog`: `drejebogSchema`, `Drejebog`,
 * `validateDrejebog(drejebog, template)`), a drejebog document holds one rich-text field, `body`,
 * so a version carries that text and nothing is checked. When it lands, these exports become
 * re-exports of the model (schema, type, validation) and the diff of stages and steps replaces
 * `diffDrejebog` below; nothing else in publishing names the drejebog's shape. The collaboration
 * side of the seam is `#lib/collab/publications/drejebog-seam.ts`.
 */
import { z } from 'zod';
import type { ErrorProblem } from '../errors.ts';
import { richTextSchema, type RichText } from '../template/rich-text.ts';
import type { Template } from '../template/schemas.ts';

/** The drejebog as a version stores it (today: the document's one rich-text field). */
export const publishedDrejebogSchema = z.object({ body: richTextSchema });
export type PublishedDrejebog = z.infer<typeof publishedDrejebogSchema>;

/** An empty drejebog (a document nobody has written in). */
export function emptyPublishedDrejebog(): PublishedDrejebog {
	return { body: { type: 'doc', content: [] } };
}

/**
 * Every problem that keeps the drejebog from being published, checked against the template it
 * goes with. The one-field drejebog has no rules yet.
 */
export function validatePublishedDrejebog(
	_drejebog: PublishedDrejebog,
	_template: Template
): ErrorProblem[] {
	return [];
}

/** The rich-text fields of the drejebog that the diff compares word by word, with their keys. */
export function drejebogRichTexts(drejebog: PublishedDrejebog): { key: string; value: RichText }[] {
	return [{ key: 'body', value: drejebog.body }];
}
