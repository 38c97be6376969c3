/**
 * The plain model of a rich-text field (level descriptors, statement descriptions, free-text
 * guidance). It is the subset of tiptap's JSON that the template editor allows: paragraphs, bullet
 * and numbered lists, line breaks, bold, italic and links. Being tiptap JSON, the preview can render
 * it with tiptap's `generateHTML`; in the Yjs document the same content lives in a `Y.XmlFragment`.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.ts';

/** Link targets we render; anything else (javascript:, data:) is dropped when read. */
export const SAFE_HREF = /^(https?:\/\/|mailto:)[^\s]+$/i;

/** Longest link target kept; longer ones are dropped rather than truncated into a wrong address. */
const MAX_HREF_LENGTH = 2000;

export const safeHrefSchema = lazySchema(() => z.string().max(MAX_HREF_LENGTH).regex(SAFE_HREF));

export const richMarkSchema = lazySchema(() =>
	z.discriminatedUnion('type', [
		z.object({ type: z.literal('bold') }),
		z.object({ type: z.literal('italic') }),
		z.object({ type: z.literal('link'), attrs: z.object({ href: safeHrefSchema }) })
	])
);
export type RichMark = z.infer<typeof richMarkSchema>;

export const richInlineSchema = lazySchema(() =>
	z.discriminatedUnion('type', [
		z.object({
			type: z.literal('text'),
			text: z.string().min(1),
			marks: z.array(richMarkSchema).optional()
		}),
		z.object({ type: z.literal('hardBreak') })
	])
);
export type RichInline = z.infer<typeof richInlineSchema>;

export const richParagraphSchema = lazySchema(() =>
	z.object({
		type: z.literal('paragraph'),
		content: z.array(richInlineSchema).optional()
	})
);
export type RichParagraph = z.infer<typeof richParagraphSchema>;

export const richListItemSchema = lazySchema(() =>
	z.object({
		type: z.literal('listItem'),
		get content(): z.ZodArray<typeof richBlockSchema> {
			return z.array(richBlockSchema);
		}
	})
);
export type RichListItem = z.infer<typeof richListItemSchema>;

export const richListSchema = lazySchema(() =>
	z.object({
		type: z.enum(['bulletList', 'orderedList']),
		content: z.array(richListItemSchema)
	})
);
export type RichList = z.infer<typeof richListSchema>;

export const richBlockSchema: z.ZodUnion<[typeof richParagraphSchema, typeof richListSchema]> =
	lazySchema(() => z.union([richParagraphSchema, richListSchema]));
export type RichBlock = z.infer<typeof richBlockSchema>;

export const richTextSchema = lazySchema(() =>
	z.object({
		type: z.literal('doc'),
		content: z.array(richBlockSchema)
	})
);
/** A rich-text value as plain data. */
export type RichText = z.infer<typeof richTextSchema>;

/** Rich text where authoring is easier as a string (starter files, operation inputs). */
export const richTextInputSchema = lazySchema(() => z.union([z.string(), richTextSchema]));
export type RichTextInput = z.infer<typeof richTextInputSchema>;

/** A new empty rich-text value. */
export function emptyRichText(): RichText {
	return { type: 'doc', content: [] };
}

function inlineToPlain(inline: RichInline[] | undefined): string {
	return (inline ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

function blockToPlain(block: RichBlock, depth: number): string {
	if (block.type === 'paragraph') return inlineToPlain(block.content);
	const indent = '  '.repeat(depth);
	return block.content
		.map((item, index) => {
			const bullet = block.type === 'orderedList' ? `${index + 1}.` : '•';
			const text = item.content.map((child) => blockToPlain(child, depth + 1)).join('\n');
			return `${indent}${bullet} ${text.trimStart()}`;
		})
		.join('\n');
}

/** The text of a rich-text value without formatting: blocks on their own lines, bullets as "•". */
export function richTextToPlainText(richText: RichText): string {
	return richText.content.map((block) => blockToPlain(block, 0)).join('\n');
}

/** True when a rich-text value holds no visible text. */
export function isRichTextEmpty(richText: RichText): boolean {
	return richTextToPlainText(richText).trim() === '';
}

/** Splits "**bold**" runs out of a line of authored text. */
function parseInline(line: string): RichInline[] {
	const parts = line.split(/\*\*(.+?)\*\*/);
	const inline: RichInline[] = [];
	parts.forEach((part, index) => {
		if (part === '') return;
		// split() with a capture group puts the captured (bold) runs at odd positions.
		inline.push(
			index % 2 === 1
				? { type: 'text', text: part, marks: [{ type: 'bold' }] }
				: { type: 'text', text: part }
		);
	});
	return inline;
}

function linesToParagraph(lines: string[]): RichParagraph {
	const content: RichInline[] = [];
	lines.forEach((line, index) => {
		if (index > 0) content.push({ type: 'hardBreak' });
		content.push(...parseInline(line));
	});
	return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/**
 * Turns authored text into rich text: blank lines separate blocks, a block whose lines all start
 * with "- " becomes a bullet list, other line breaks become hard breaks, and "**x**" is bold.
 */
export function textToRichText(text: string): RichText {
	const blocks = text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((block) => block.split('\n').map((line) => line.trim()))
		.map((lines) => lines.filter((line) => line !== ''))
		.filter((lines) => lines.length > 0);
	return {
		type: 'doc',
		content: blocks.map((lines): RichBlock => {
			if (lines.every((line) => line.startsWith('- '))) {
				return {
					type: 'bulletList',
					content: lines.map((line) => ({
						type: 'listItem',
						content: [linesToParagraph([line.slice(2).trim()])]
					}))
				};
			}
			return linesToParagraph(lines);
		})
	};
}

/** Normalises authored input (string or rich text) to rich text. */
export function toRichText(input: RichTextInput | undefined): RichText {
	if (input === undefined) return emptyRichText();
	return typeof input === 'string' ? textToRichText(input) : input;
}
