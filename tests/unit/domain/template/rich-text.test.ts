import { describe, expect, it } from 'vitest';
import {
	isRichTextEmpty,
	richTextToPlainText,
	textToRichText,
	toRichText
} from '#lib/domain/template/rich-text.ts';

describe('rich text', () => {
	it('turns authored text into paragraphs, bullet lists, line breaks and bold', () => {
		expect(textToRichText('Første **vigtige** linje\nanden linje\n\n- et\n- to')).toEqual({
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'Første ' },
						{ type: 'text', text: 'vigtige', marks: [{ type: 'bold' }] },
						{ type: 'text', text: ' linje' },
						{ type: 'hardBreak' },
						{ type: 'text', text: 'anden linje' }
					]
				},
				{
					type: 'bulletList',
					content: [
						{
							type: 'listItem',
							content: [{ type: 'paragraph', content: [{ type: 'text', text: 'et' }] }]
						},
						{
							type: 'listItem',
							content: [{ type: 'paragraph', content: [{ type: 'text', text: 'to' }] }]
						}
					]
				}
			]
		});
	});

	it('gives plain text with blocks on lines and bullets', () => {
		const value = textToRichText('Skriv fx:\n\n- Modtager varer\n- Møder til tiden');
		expect(richTextToPlainText(value)).toBe('Skriv fx:\n• Modtager varer\n• Møder til tiden');
	});

	it('knows an empty value, also one with only blank paragraphs', () => {
		expect(isRichTextEmpty(toRichText(undefined))).toBe(true);
		expect(isRichTextEmpty({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe(true);
		expect(isRichTextEmpty(textToRichText('x'))).toBe(false);
	});

	it('passes rich text through unchanged', () => {
		const value = textToRichText('a');
		expect(toRichText(value)).toBe(value);
	});
});
