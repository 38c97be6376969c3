/**
 * Rich text in the Yjs document: a `Y.XmlFragment` in the shape tiptap's Collaboration extension
 * (y-prosemirror) reads and writes — `Y.XmlElement`s named after tiptap nodes, `Y.XmlText` runs
 * whose formatting attributes are tiptap marks. Reading maps whatever is there onto the plain
 * `RichText` model: unknown blocks become paragraphs, unknown marks and unsafe links are dropped.
 */
import * as Y from 'yjs';
import {
	SAFE_HREF,
	richTextToPlainText,
	type RichBlock,
	type RichInline,
	type RichMark,
	type RichParagraph,
	type RichText
} from '#lib/domain/template/rich-text.ts';

type Attributes = Record<string, unknown>;

/** y-prosemirror stores overlapping marks as "name--hash"; the name is what counts. */
function markName(attribute: string): string {
	return /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(attribute)?.[1] ?? attribute;
}

function readMarks(attributes: Attributes | undefined): RichMark[] {
	const marks: RichMark[] = [];
	for (const [key, value] of Object.entries(attributes ?? {})) {
		const name = markName(key);
		if (name === 'bold' || name === 'italic') {
			if (!marks.some((m) => m.type === name)) marks.push({ type: name });
		} else if (name === 'link' && value && typeof value === 'object') {
			const href = (value as { href?: unknown }).href;
			if (
				typeof href === 'string' &&
				SAFE_HREF.test(href) &&
				!marks.some((m) => m.type === 'link')
			) {
				marks.push({ type: 'link', attrs: { href } });
			}
		}
	}
	return marks;
}

function readText(text: Y.XmlText): RichInline[] {
	const inline: RichInline[] = [];
	for (const op of text.toDelta() as { insert?: unknown; attributes?: Attributes }[]) {
		if (typeof op.insert !== 'string' || op.insert === '') continue;
		const marks = readMarks(op.attributes);
		inline.push(
			marks.length > 0
				? { type: 'text', text: op.insert, marks }
				: { type: 'text', text: op.insert }
		);
	}
	return inline;
}

/** Inline content of a block: text runs and hard breaks; other inline nodes are dropped. */
function readInline(element: Y.XmlFragment): RichInline[] {
	return element.toArray().flatMap((child): RichInline[] => {
		if (child instanceof Y.XmlText) return readText(child);
		if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
			return [{ type: 'hardBreak' }];
		}
		if (child instanceof Y.XmlElement) return readInline(child);
		return [];
	});
}

function paragraph(content: RichInline[]): RichParagraph {
	return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function readBlocks(parent: Y.XmlFragment): RichBlock[] {
	return parent.toArray().flatMap((child): RichBlock[] => {
		if (child instanceof Y.XmlText) {
			const inline = readText(child);
			return inline.length > 0 ? [paragraph(inline)] : [];
		}
		if (!(child instanceof Y.XmlElement)) return [];
		const name = child.nodeName;
		if (name === 'bulletList' || name === 'orderedList') {
			const items = child
				.toArray()
				.filter((item): item is Y.XmlElement => item instanceof Y.XmlElement)
				.map((item) => ({ type: 'listItem' as const, content: readBlocks(item) }));
			return [{ type: name, content: items }];
		}
		if (name === 'paragraph' || name === 'heading' || name === 'codeBlock') {
			return [paragraph(readInline(child))];
		}
		// Containers we do not model (blockquote, ...) keep their text as our blocks.
		return readBlocks(child);
	});
}

/** The content of a rich-text fragment as plain data. */
export function readRichText(fragment: Y.XmlFragment): RichText {
	return { type: 'doc', content: readBlocks(fragment) };
}

/** The text of a rich-text fragment without formatting, for validation and short previews. */
export function richTextToPlain(fragment: Y.XmlFragment): string {
	return richTextToPlainText(readRichText(fragment));
}

function markAttributes(marks: RichMark[] | undefined): Attributes {
	const attributes: Attributes = {};
	for (const mark of marks ?? []) {
		attributes[mark.type] = mark.type === 'link' ? { href: mark.attrs.href } : {};
	}
	return attributes;
}

function writeInline(element: Y.XmlElement, content: RichInline[] | undefined): void {
	// Consecutive text runs share one Y.XmlText, as y-prosemirror writes them.
	let run: { insert: string; attributes: Attributes }[] = [];
	const flush = () => {
		if (run.length === 0) return;
		const text = new Y.XmlText();
		element.push([text]);
		text.applyDelta(run);
		run = [];
	};
	for (const node of content ?? []) {
		if (node.type === 'text') {
			run.push({ insert: node.text, attributes: markAttributes(node.marks) });
		} else {
			flush();
			element.push([new Y.XmlElement('hardBreak')]);
		}
	}
	flush();
}

function writeBlocks(parent: Y.XmlFragment, blocks: RichBlock[]): void {
	for (const block of blocks) {
		const element = new Y.XmlElement(block.type);
		parent.push([element]);
		if (block.type === 'paragraph') {
			writeInline(element, block.content);
			continue;
		}
		for (const item of block.content) {
			const listItem = new Y.XmlElement('listItem');
			element.push([listItem]);
			writeBlocks(listItem, item.content);
		}
	}
}

/**
 * Replaces the content of `fragment` with `richText`. The fragment must already be part of a
 * document; call inside the operation's transaction.
 */
export function writeRichText(fragment: Y.XmlFragment, richText: RichText): void {
	if (fragment.length > 0) fragment.delete(0, fragment.length);
	writeBlocks(fragment, richText.content);
}
