/** A slide's rich text turns back into the markup the dashboard's form takes, and round-trips. */
import { describe, expect, it } from 'vitest';
import { richTextToSlideText } from '#lib/domain/rollout/slide-text.ts';
import { textToRichText } from '#lib/domain/template/rich-text.ts';

describe('richTextToSlideText', () => {
	it('gives back paragraphs, line breaks, bullets and bold as they were written', () => {
		const text =
			'Husk **altid** at spørge\nden unge først.\n\n- Ring til kontaktpersonen\n- Skriv i **journalen**';
		expect(richTextToSlideText(textToRichText(text))).toBe(text);
	});

	it('writes marks the markup has no syntax for as plain text, and nested items on one line', () => {
		expect(
			richTextToSlideText({
				type: 'doc',
				content: [
					{
						type: 'paragraph',
						content: [
							{ type: 'text', text: 'Se ' },
							{
								type: 'text',
								text: 'her',
								marks: [{ type: 'link', attrs: { href: 'https://a.dk' } }]
							}
						]
					},
					{ type: 'paragraph' },
					{
						type: 'orderedList',
						content: [
							{
								type: 'listItem',
								content: [
									{ type: 'paragraph', content: [{ type: 'text', text: 'Et' }] },
									{ type: 'paragraph', content: [{ type: 'text', text: 'to' }] }
								]
							}
						]
					}
				]
			})
		).toBe('Se her\n\n- Et to');
	});
});
