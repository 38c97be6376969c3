/**
 * Input schemas of publishing: the change note a version is published with. The note follows the
 * one text rule (`text.ts`): no control or bidi characters, line breaks allowed.
 */
import { z } from 'zod';
import { textSchema } from '../text.ts';

/** Longest change note: a few sentences about what changed and why. */
export const MAX_PUBLICATION_NOTE_LENGTH = 1000;

export const publicationNoteSchema = textSchema(MAX_PUBLICATION_NOTE_LENGTH, {
	isMultiLine: true
});

/** `POST /api/v1/workshops/{id}/publications` and the "Udgiv version" form. */
export const publishSchema = z.object({ note: publicationNoteSchema });
export type PublishInput = z.infer<typeof publishSchema>;
