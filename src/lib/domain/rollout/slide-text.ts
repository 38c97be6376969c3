/**
 * A slide's rich text back as the text the facilitator writes it in (the inverse of
 * `textToRichText`): blank lines between blocks, "- " bullets, "**bold**", line breaks kept. So
 * editing a slide shows the same markup its creation took. Marks the markup cannot write (italic,
 * links, from slides made through the API) come back as their plain text.
 */
import type { RichBlock, RichInline, RichText } from '../template/rich-text.ts';

function inlineToText(inline: readonly RichInline[] | undefined): string {
	return (inline ?? [])
		.map((node) => {
			if (node.type === 'hardBreak') return '\n';
			return node.marks?.some((m) => m.type === 'bold') ? `**${node.text}**` : node.text;
		})
		.join('');
}

function blockToText(block: RichBlock): string {
	if (block.type === 'paragraph') return inlineToText(block.content);
	// Nested blocks of one item go on one line: the markup has no nesting.
	return block.content
		.map((item) => `- ${item.content.map(blockToText).join(' ').replace(/\n/g, ' ')}`)
		.join('\n');
}

/** The authored text of `richText`, ready for the slide form's text field. */
export function richTextToSlideText(richText: RichText): string {
	return richText.content
		.map(blockToText)
		.filter((text) => text.trim() !== '')
		.join('\n\n');
}

/** A slide's values as the dashboard's form holds them (the body as text in the markup). */
export type SlideFormValues = {
	title: string;
	text: string;
	afterStepId: string | null;
	learningGoal: string;
	requiresAck: boolean;
};
