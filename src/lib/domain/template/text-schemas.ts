/**
 * The text schemas every part of a template shares: trimmed labels and sentences with a length
 * limit and template message keys, and rich text bounded by its plain length. Kept apart from
 * `schemas.ts` so the schemas of the template's parts can import them without a cycle.
 */
import {
	MAX_LABEL_LENGTH,
	MAX_LEVEL_LABEL_LENGTH,
	MAX_RICH_TEXT_LENGTH,
	MAX_STATEMENT_LENGTH,
	MAX_TEMPLATE_TITLE_LENGTH
} from '../limits.ts';
import { lazySchema } from '../lazy-schema.ts';
import { textSchema, type TextMessages } from '../text.ts';
import { richTextSchema, richTextToPlainText } from './rich-text.ts';

/** The template's message keys for the shared text rule (`textSchema` in lib/domain/text.ts). */
export const TEMPLATE_TEXT_MESSAGES: TextMessages = {
	required: 'template.input.required',
	tooLong: 'template.input.tooLong',
	invalidCharacters: 'template.input.invalidCharacters'
};

/** A trimmed, visible one-line text of at most `max` characters, with template message keys. */
export function templateTextSchema(max: number, tooLongKey = 'template.input.tooLong') {
	return textSchema(max, { messages: { ...TEMPLATE_TEXT_MESSAGES, tooLong: tooLongKey } });
}

export const templateTitleSchema = lazySchema(() => templateTextSchema(MAX_TEMPLATE_TITLE_LENGTH));
export const labelSchema = lazySchema(() => templateTextSchema(MAX_LABEL_LENGTH));
export const levelLabelSchema = lazySchema(() => templateTextSchema(MAX_LEVEL_LABEL_LENGTH));
export const statementTextSchema = lazySchema(() => templateTextSchema(MAX_STATEMENT_LENGTH));

/** Rich text no longer than the limit, counted as plain characters. */
export const boundedRichTextSchema = lazySchema(() =>
	richTextSchema.refine((value) => richTextToPlainText(value).length <= MAX_RICH_TEXT_LENGTH, {
		error: 'template.input.tooLong'
	})
);
