/**
 * What every part of the PDF writer shares: the pdfkit document, the content box, the type
 * scale, and the two ways content is drawn in a tagged PDF. Content a screen reader should read
 * is drawn inside a structure element (`leaf`, `open`); rules, boxes and page numbers are drawn
 * as artifacts, which assistive technology skips.
 *
 * pdfkit runs a structure element's drawing function the moment the element is added to an
 * element already in the document's tree, so elements are always added to their parent first,
 * and artifacts are drawn between elements, never inside one: opening an artifact closes the
 * marked content that is open.
 */
import type PDFDocument from 'pdfkit';
import type { Run } from '#lib/domain/exports/blocks.ts';
import type { FontFace } from './fonts.ts';

export type Pdf = InstanceType<typeof PDFDocument>;
export type StructElement = PDFKit.PDFStructureElement;

export type PdfContext = {
	doc: Pdf;
	/** Left edge and width of the content box. */
	left: number;
	width: number;
	/** The latest bookmarks per level, for nesting the next ones under them. */
	bookmarks: { part: PDFKit.PDFOutline | null; section: PDFKit.PDFOutline | null };
	/**
	 * Fitted sizes of column headers by width and text: a header is measured for its row's
	 * height, again when drawn, and on every page it is repeated on, with the same answer.
	 */
	headerSizes: Map<string, number>;
};

/** Font sizes in points. */
export const SIZE = {
	title: 22,
	h1: 17,
	h2: 13.5,
	h3: 11.5,
	h4: 10.5,
	lead: 11,
	body: 10,
	hint: 8.5,
	table: 8.5,
	tableHint: 7.5,
	footer: 8
} as const;

/** Colours with at least 7:1 contrast on white, so grey hints stay readable when printed. */
export const COLOR = { text: '#1a1a1a', hint: '#404040', rule: '#5c5c5c', link: '#1f4a85' };

/** Extra space between lines of text, in points. */
export const LINE_GAP = 1.5;

/** The y coordinate content must stay above on the current page. */
export function pageBottom(ctx: PdfContext): number {
	return ctx.doc.page.height - ctx.doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(ctx: PdfContext, height: number): void {
	if (ctx.doc.y + height > pageBottom(ctx)) ctx.doc.addPage();
}

/** True when nothing has been drawn below the top margin of the current page. */
export function isPageFresh(ctx: PdfContext): boolean {
	return ctx.doc.y <= ctx.doc.page.margins.top + 0.5;
}

/** Selects a face, size and colour for the text drawn next. */
export function useFont(ctx: PdfContext, face: FontFace, size: number, color = COLOR.text): void {
	ctx.doc.font(face).fontSize(size).fillColor(color);
}

/** Height of `text` set in `face` at `size` within `width`. */
export function textHeight(
	ctx: PdfContext,
	text: string,
	o: { face: FontFace; size: number; width: number }
): number {
	ctx.doc.font(o.face).fontSize(o.size);
	return ctx.doc.heightOfString(text, { width: o.width, lineGap: LINE_GAP });
}

/** Structure options pdfkit 0.20 reads that its type declarations (written for 0.17) lack. */
export type StructOptions = PDFKit.Mixins.StructureElementOptions & {
	scope?: 'Column' | 'Row';
};

/** A new structure element of `type` under `parent`; add its children, then `end()` it. */
export function open(
	ctx: PdfContext,
	parent: StructElement,
	type: string,
	options: StructOptions = {}
): StructElement {
	const element = ctx.doc.struct(type, options);
	parent.add(element);
	return element;
}

/** A structure element of `type` under `parent` whose content `draw` draws. */
export function leaf(
	ctx: PdfContext,
	parent: StructElement,
	type: string,
	draw: () => void,
	options: StructOptions = {}
): StructElement {
	const element = open(ctx, parent, type, options);
	element.add(draw);
	element.end();
	return element;
}

/** Draws what `draw` draws as an artifact: seen on paper, skipped by screen readers. */
export function artifact(ctx: PdfContext, draw: () => void, type?: 'Pagination' | 'Layout'): void {
	ctx.doc.markContent('Artifact', type ? { type } : undefined);
	ctx.doc.save();
	draw();
	ctx.doc.restore();
	ctx.doc.endMarkedContent();
}

/** Draws `runs` as one flowing text at (x, y), wrapping within `width` and across pages. */
export function drawRuns(
	ctx: PdfContext,
	runs: readonly Run[],
	o: { x: number; y: number; width: number; face?: FontFace; size: number; color?: string }
): void {
	const { doc } = ctx;
	const visible = runs.filter((run) => run.text !== '');
	visible.forEach((run, index) => {
		const face: FontFace = run.bold ? 'bold' : run.italic ? 'italic' : (o.face ?? 'regular');
		useFont(ctx, face, o.size, run.href ? COLOR.link : (o.color ?? COLOR.text));
		const options: PDFKit.Mixins.TextOptions = {
			width: o.width,
			lineGap: LINE_GAP,
			continued: index < visible.length - 1,
			// Set on every run: pdfkit carries text options over to the runs that continue a line.
			link: run.href ?? undefined,
			underline: run.href !== undefined
		};
		if (index === 0) doc.text(run.text, o.x, o.y, options);
		else doc.text(run.text, options);
	});
}
