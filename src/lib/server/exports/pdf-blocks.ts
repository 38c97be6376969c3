/**
 * Draws the export blocks into a tagged PDF: headings (H2–H4, bookmarked as the block says),
 * paragraphs with bold, italic and links (P), lists (L, LI, Lbl, LBody), ruled lines to write on
 * and signature lines. Tables have their own module.
 */
import type { Block, HeadingLevel, ListBlock } from '#lib/domain/exports/blocks.ts';
import { LABELS } from '#lib/domain/exports/labels.ts';
import {
	artifact,
	COLOR,
	drawRuns,
	ensureSpace,
	isPageFresh,
	leaf,
	LINE_GAP,
	open,
	SIZE,
	textHeight,
	useFont,
	type PdfContext,
	type StructElement
} from './pdf-context.ts';
import { drawTable } from './pdf-table.ts';

/** Space kept below a heading on its page, so a heading never ends a page alone. */
const KEEP_WITH_HEADING = 90;
const PARAGRAPH_GAP = 6;
const LIST_INDENT = 16;
/** Distance between the ruled lines a hand writes on. */
const WRITE_LINE = 22;
const SIGNATURE_HEIGHT = 64;

const HEADING_SIZE: Record<HeadingLevel | 1, number> = {
	1: SIZE.h1,
	2: SIZE.h2,
	3: SIZE.h3,
	4: SIZE.h4
};

/**
 * A heading of `level` (1 for a part), kept on a page with some space below it, with a bookmark
 * under the part's when asked.
 */
export function drawHeading(
	ctx: PdfContext,
	parent: StructElement,
	o: { level: HeadingLevel | 1; text: string; isBookmarked: boolean }
): void {
	const { doc } = ctx;
	const size = HEADING_SIZE[o.level];
	const height = textHeight(ctx, o.text, { face: 'bold', size, width: ctx.width });
	doc.y += o.level === 1 ? 0 : size * 0.6;
	ensureSpace(ctx, height + KEEP_WITH_HEADING);
	const y = doc.y;
	if (o.isBookmarked) bookmark(ctx, o.level, o.text);
	leaf(ctx, parent, `H${o.level}`, () => {
		useFont(ctx, 'bold', size);
		doc.text(o.text, ctx.left, y, { width: ctx.width, lineGap: LINE_GAP });
	});
	doc.y += size * 0.35;
}

function bookmark(ctx: PdfContext, level: HeadingLevel | 1, text: string): void {
	const { bookmarks } = ctx;
	if (level === 1) {
		bookmarks.part = ctx.doc.outline.addItem(text);
		bookmarks.section = null;
	} else if (level === 2 || !bookmarks.section) {
		const item = (bookmarks.part ?? ctx.doc.outline).addItem(text);
		if (level === 2) bookmarks.section = item;
	} else {
		bookmarks.section.addItem(text);
	}
}

function drawParagraph(
	ctx: PdfContext,
	parent: StructElement,
	block: Extract<Block, { kind: 'paragraph' }>
): void {
	const size = block.tone === 'lead' ? SIZE.lead : block.tone === 'hint' ? SIZE.hint : SIZE.body;
	const color = block.tone === 'hint' ? COLOR.hint : COLOR.text;
	ensureSpace(ctx, size * 2.5);
	const y = ctx.doc.y;
	leaf(ctx, parent, 'P', () =>
		drawRuns(ctx, block.runs, { x: ctx.left, y, width: ctx.width, size, color })
	);
	ctx.doc.y += PARAGRAPH_GAP;
}

function drawList(ctx: PdfContext, parent: StructElement, list: ListBlock, depth: number): void {
	const { doc } = ctx;
	const x = ctx.left + depth * LIST_INDENT;
	const list_ = open(ctx, parent, 'L');
	list.items.forEach((item, index) => {
		ensureSpace(ctx, SIZE.body * 2.5);
		const y = doc.y;
		const entry = open(ctx, list_, 'LI');
		leaf(ctx, entry, 'Lbl', () => {
			useFont(ctx, 'regular', SIZE.body);
			doc.text(list.isOrdered ? `${index + 1}.` : '•', x, y, {
				width: LIST_INDENT,
				lineBreak: false
			});
		});
		const body = open(ctx, entry, 'LBody');
		body.add(() =>
			drawRuns(ctx, item.runs, {
				x: x + LIST_INDENT,
				y,
				width: ctx.width - (x - ctx.left) - LIST_INDENT,
				size: SIZE.body
			})
		);
		doc.y += 2;
		if (item.children) drawList(ctx, body, item.children, depth + 1);
		body.end();
		entry.end();
	});
	list_.end();
	if (depth === 0) doc.y += PARAGRAPH_GAP;
}

function drawWriteIn(ctx: PdfContext, lines: number): void {
	const { doc } = ctx;
	ensureSpace(ctx, lines * WRITE_LINE + 4);
	const y = doc.y;
	artifact(ctx, () => {
		doc.lineWidth(0.6).strokeColor(COLOR.rule);
		for (let i = 1; i <= lines; i++) {
			doc.moveTo(ctx.left, y + i * WRITE_LINE).lineTo(ctx.left + ctx.width, y + i * WRITE_LINE);
		}
		doc.stroke();
	});
	doc.y = y + lines * WRITE_LINE + PARAGRAPH_GAP * 2;
}

function drawSignatures(
	ctx: PdfContext,
	parent: StructElement,
	signers: Extract<Block, { kind: 'signatures' }>['signers']
): void {
	const { doc } = ctx;
	const gap = 24;
	const columnWidth = (ctx.width - gap) / 2;
	doc.y += 8;
	for (let i = 0; i < signers.length; i += 2) {
		ensureSpace(ctx, SIGNATURE_HEIGHT);
		const y = doc.y;
		const lineY = y + 30;
		artifact(ctx, () => {
			doc.lineWidth(0.8).strokeColor(COLOR.text);
			for (let c = 0; c < 2 && i + c < signers.length; c++) {
				const x = ctx.left + c * (columnWidth + gap);
				doc.moveTo(x, lineY).lineTo(x + columnWidth, lineY);
			}
			doc.stroke();
		});
		signers.slice(i, i + 2).forEach((signer, c) => {
			const x = ctx.left + c * (columnWidth + gap);
			if (signer.signedBy) {
				const name = signer.signedBy;
				leaf(ctx, parent, 'P', () => {
					useFont(ctx, 'regular', SIZE.body);
					doc.text(name, x, lineY - SIZE.body * 1.6, { width: columnWidth, lineBreak: false });
				});
			}
			const label = LABELS.signatureCaption(signer);
			leaf(ctx, parent, 'P', () => {
				useFont(ctx, 'regular', SIZE.hint, COLOR.hint);
				doc.text(label, x, lineY + 4, { width: columnWidth });
			});
		});
		doc.y = y + SIGNATURE_HEIGHT;
	}
}

/** Draws `blocks` in order under `parent`. */
export function drawBlocks(ctx: PdfContext, parent: StructElement, blocks: readonly Block[]): void {
	for (const block of blocks) {
		switch (block.kind) {
			case 'heading':
				drawHeading(ctx, parent, block);
				break;
			case 'paragraph':
				drawParagraph(ctx, parent, block);
				break;
			case 'list':
				drawList(ctx, parent, block, 0);
				break;
			case 'table':
				drawTable(ctx, parent, block);
				break;
			case 'writeIn':
				drawWriteIn(ctx, block.lines);
				break;
			case 'signatures':
				drawSignatures(ctx, parent, block.signers);
				break;
			case 'pageBreak':
				if (!isPageFresh(ctx)) ctx.doc.addPage();
				break;
		}
	}
}
