/**
 * Rich text (the template's and the drejebog's tiptap JSON) as export blocks: paragraphs with
 * bold, italic and links, and bullet and numbered lists, nested as written.
 */
import type { RichInline, RichList, RichText } from '../template/rich-text.ts';
import type { Block, ListBlock, Run } from './blocks.ts';

function inlineRuns(content: readonly RichInline[] | undefined): Run[] {
	const runs: Run[] = [];
	for (const node of content ?? []) {
		if (node.type === 'hardBreak') {
			runs.push({ text: '\n' });
			continue;
		}
		const run: Run = { text: node.text };
		for (const mark of node.marks ?? []) {
			if (mark.type === 'bold') run.bold = true;
			if (mark.type === 'italic') run.italic = true;
			if (mark.type === 'link') run.href = mark.attrs.href;
		}
		runs.push(run);
	}
	return runs;
}

function listBlock(block: RichList): ListBlock {
	return {
		kind: 'list',
		isOrdered: block.type === 'orderedList',
		items: block.content.map((item) => {
			// A list item holds paragraphs and lists; its paragraphs become one run sequence and
			// its first nested list the item's children, which is all the editor produces.
			const paragraphs = item.content.filter((child) => child.type === 'paragraph');
			const nested = item.content.find((child): child is RichList => child.type !== 'paragraph');
			const runs = paragraphs.flatMap((p, index) =>
				index === 0 ? inlineRuns(p.content) : [{ text: '\n' }, ...inlineRuns(p.content)]
			);
			return { runs, children: nested ? listBlock(nested) : null };
		})
	};
}

/** The blocks of `richText`, with empty paragraphs left out; `tone` styles its paragraphs. */
export function richTextBlocks(richText: RichText, tone: 'normal' | 'hint' = 'normal'): Block[] {
	return richText.content.flatMap((block): Block[] => {
		if (block.type !== 'paragraph') return [listBlock(block)];
		const runs = inlineRuns(block.content);
		return runs.some((run) => run.text.trim() !== '') ? [{ kind: 'paragraph', runs, tone }] : [];
	});
}
