/**
 * The export blocks as Word content: real heading styles (Heading 2–4, in Word's navigation
 * pane), paragraphs with bold, italic and links, bullet and numbered lists on Word's own
 * numbering, tables with a repeated header row and check boxes a person can tick on screen or
 * on paper, ruled lines to write on, and signature lines.
 */
import {
	AlignmentType,
	BorderStyle,
	CheckBox,
	ExternalHyperlink,
	HeadingLevel,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type ParagraphChild
} from 'docx';
import type {
	Block,
	ListBlock,
	Run,
	TableBlock,
	TableCell as ExportCell
} from '#lib/domain/exports/blocks.ts';
import { LABELS } from '#lib/domain/exports/labels.ts';

/** Half-points, as Word measures type. */
const SMALL = 16;
const HINT_COLOR = '404040';
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '5C5C5C' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const LIST_REFERENCES = { bullet: 'bullet-list', ordered: 'ordered-list' } as const;

const HEADINGS = {
	1: HeadingLevel.HEADING_1,
	2: HeadingLevel.HEADING_2,
	3: HeadingLevel.HEADING_3,
	4: HeadingLevel.HEADING_4
} as const;

/** State while writing one document: the page width and the numbering of ordered lists. */
export type DocxContext = {
	/** Width of the text area in twentieths of a point. */
	width: number;
	/** Each ordered list is its own Word list, numbered from 1. */
	nextListInstance: number;
	/** Set by a page break: the next paragraph starts a page. */
	breakBefore: boolean;
};

/** Word runs of `runs`: line breaks as breaks, links as hyperlinks. */
export function docxRuns(
	runs: readonly Run[],
	o: { size?: number; color?: string; bold?: boolean } = {}
): ParagraphChild[] {
	return runs.flatMap((run): ParagraphChild[] => {
		const lines = run.text.split('\n');
		const texts = lines.map(
			(text, index) =>
				new TextRun({
					text,
					break: index > 0 ? 1 : undefined,
					bold: run.bold ?? o.bold,
					italics: run.italic,
					size: o.size,
					color: o.color,
					style: run.href ? 'Hyperlink' : undefined
				})
		);
		return run.href ? [new ExternalHyperlink({ link: run.href, children: texts })] : texts;
	});
}

/** A paragraph that takes a pending page break. */
function paragraph(
	ctx: DocxContext,
	options: ConstructorParameters<typeof Paragraph>[0] & object
): Paragraph {
	const breakBefore = ctx.breakBefore;
	ctx.breakBefore = false;
	return new Paragraph({ ...options, pageBreakBefore: breakBefore || undefined });
}

/** A heading paragraph of `level` (1 for a part). */
export function docxHeading(ctx: DocxContext, level: 1 | 2 | 3 | 4, text: string): Paragraph {
	return paragraph(ctx, {
		heading: HEADINGS[level],
		keepNext: true,
		children: [new TextRun(text)]
	});
}

function listParagraphs(ctx: DocxContext, list: ListBlock, depth: number): Paragraph[] {
	const instance = list.isOrdered ? ctx.nextListInstance++ : undefined;
	return list.items.flatMap((item) => [
		paragraph(ctx, {
			numbering: {
				reference: list.isOrdered ? LIST_REFERENCES.ordered : LIST_REFERENCES.bullet,
				level: depth,
				instance
			},
			children: docxRuns(item.runs)
		}),
		...(item.children ? listParagraphs(ctx, item.children, depth + 1) : [])
	]);
}

function cellParagraphs(
	table: TableBlock,
	cell: ExportCell,
	keepNext: true | undefined
): Paragraph[] {
	switch (cell.kind) {
		case 'header':
		case 'text': {
			const bold =
				cell.kind === 'header' && (cell.scope === 'column' || table.variant === 'fields');
			return [
				new Paragraph({ keepNext, children: docxRuns([{ text: cell.text }], { size: 18, bold }) }),
				...(cell.hint
					? [
							new Paragraph({
								keepNext,
								children: docxRuns([{ text: cell.hint }], { size: SMALL, color: HINT_COLOR })
							})
						]
					: [])
			];
		}
		case 'box':
			return [
				new Paragraph({
					keepNext,
					alignment: AlignmentType.CENTER,
					children: [new CheckBox({ alias: cell.label })]
				})
			];
		case 'writeIn':
			return [
				new Paragraph({
					keepNext,
					children: cell.label
						? docxRuns([{ text: cell.label }], { size: SMALL, color: HINT_COLOR })
						: []
				}),
				...Array.from(
					{ length: Math.max(0, (cell.lines ?? 1) - 1) },
					() => new Paragraph({ keepNext })
				)
			];
	}
}

function docxTable(ctx: DocxContext, table: TableBlock): (Paragraph | Table)[] {
	const total = table.widths.reduce((sum, w) => sum + w, 0);
	const columnWidths = table.widths.map((w) => Math.round((w / total) * ctx.width));
	const isGrid = table.variant === 'grid';
	const row = (cells: readonly ExportCell[], o: { isHead: boolean; keepNext: boolean }) => {
		let column = 0;
		return new TableRow({
			tableHeader: o.isHead,
			cantSplit: true,
			children: cells.map((cell) => {
				const span = cell.span ?? 1;
				const width = columnWidths.slice(column, column + span).reduce((a, b) => a + b, 0);
				column += span;
				const valueBorder = cell.kind === 'writeIn' && !isGrid ? RULE : NONE;
				return new TableCell({
					columnSpan: span > 1 ? span : undefined,
					width: { size: width, type: WidthType.DXA },
					borders: isGrid ? undefined : { top: NONE, left: NONE, right: NONE, bottom: valueBorder },
					children: cellParagraphs(table, cell, o.keepNext || o.isHead || undefined)
				});
			})
		});
	};
	return [
		...(table.caption
			? [
					paragraph(ctx, {
						keepNext: true,
						children: docxRuns([{ text: table.caption }], { size: 18, color: HINT_COLOR })
					})
				]
			: []),
		new Table({
			width: { size: ctx.width, type: WidthType.DXA },
			columnWidths,
			rows: [
				...(table.head ? [row(table.head, { isHead: true, keepNext: true })] : []),
				...table.rows.map((r) => row(r.cells, { isHead: false, keepNext: r.keepWithNext ?? false }))
			]
		}),
		new Paragraph({})
	];
}

function signatureTable(ctx: DocxContext, block: Extract<Block, { kind: 'signatures' }>): Table {
	const half = Math.round(ctx.width / 2);
	const pairs: (typeof block.signers)[] = [];
	for (let i = 0; i < block.signers.length; i += 2) pairs.push(block.signers.slice(i, i + 2));
	return new Table({
		width: { size: ctx.width, type: WidthType.DXA },
		columnWidths: [half, ctx.width - half],
		borders: {
			top: NONE,
			bottom: NONE,
			left: NONE,
			right: NONE,
			insideHorizontal: NONE,
			insideVertical: NONE
		},
		rows: pairs.map(
			(pair) =>
				new TableRow({
					cantSplit: true,
					children: pair.map(
						(signer) =>
							new TableCell({
								width: { size: half, type: WidthType.DXA },
								margins: { top: 400, right: 300 },
								children: [
									new Paragraph({
										border: { bottom: RULE },
										children: signer.signedBy ? [new TextRun(signer.signedBy)] : []
									}),
									new Paragraph({
										children: docxRuns(
											[
												{
													text: LABELS.signatureCaption(signer)
												}
											],
											{ size: SMALL, color: HINT_COLOR }
										)
									})
								]
							})
					)
				})
		)
	});
}

/** Word content of `blocks`, in order. */
export function docxBlocks(ctx: DocxContext, blocks: readonly Block[]): (Paragraph | Table)[] {
	return blocks.flatMap((block): (Paragraph | Table)[] => {
		switch (block.kind) {
			case 'heading':
				return [docxHeading(ctx, block.level, block.text)];
			case 'paragraph':
				return [
					paragraph(ctx, {
						children: docxRuns(block.runs, {
							size: block.tone === 'hint' ? 18 : block.tone === 'lead' ? 24 : undefined,
							color: block.tone === 'hint' ? HINT_COLOR : undefined
						})
					})
				];
			case 'list':
				return listParagraphs(ctx, block, 0);
			case 'table':
				return docxTable(ctx, block);
			case 'writeIn':
				return Array.from({ length: block.lines }, () =>
					paragraph(ctx, { border: { bottom: RULE }, spacing: { before: 240 }, children: [] })
				);
			case 'signatures':
				return [signatureTable(ctx, block)];
			case 'pageBreak':
				ctx.breakBefore = true;
				return [];
		}
	});
}
