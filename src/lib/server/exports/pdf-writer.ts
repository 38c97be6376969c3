/**
 * An export document as a PDF: A4, tagged for screen readers (a structure tree of Document,
 * Sect, H1–H4, P, L and Table elements), language Danish, the title shown in the viewer's title
 * bar, title/author/subject/keywords set, a bookmark per part and section, Noto Sans embedded
 * (regular, bold and italic, subset to the glyphs used), and "Side x af y" on every page.
 */
import PDFDocument from 'pdfkit';
import type { ExportDocument } from '#lib/domain/exports/blocks.ts';
import { LABELS } from '#lib/domain/exports/labels.ts';
import { exportFont, type FontFace } from './fonts.ts';
import { drawBlocks, drawHeading } from './pdf-blocks.ts';
import {
	artifact,
	COLOR,
	isPageFresh,
	leaf,
	open,
	SIZE,
	useFont,
	type Pdf,
	type PdfContext
} from './pdf-context.ts';

/** 2 cm on every side, with room below for the page footer. */
const MARGIN = 56.7;
const BOTTOM_MARGIN = 64;
const FACES: FontFace[] = ['regular', 'bold', 'italic'];

function createDocument(document: ExportDocument): Pdf {
	const doc = new PDFDocument({
		size: 'A4',
		layout: document.orientation,
		margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM_MARGIN },
		pdfVersion: '1.7',
		tagged: true,
		lang: document.language,
		displayTitle: true,
		// Page numbers ("Side 2 af 9") are written once the number of pages is known.
		bufferPages: true,
		autoFirstPage: false,
		// No default font: pdfkit would otherwise load Helvetica, which is not embedded.
		font: null as unknown as string,
		info: {
			Title: document.title,
			Author: document.author,
			Subject: document.subject,
			Keywords: document.keywords.join(', '),
			Creator: 'Formværk',
			// The content's own date, so the same version always gives the same file.
			CreationDate: document.createdAt,
			ModDate: document.createdAt
		}
	});
	for (const face of FACES) {
		// pdfkit accepts a parsed fontkit font; its declarations list only files and buffers.
		doc.registerFont(face, exportFont(face) as unknown as Buffer);
	}
	doc.font('regular');
	doc.addPage();
	return doc;
}

function drawFooters(ctx: PdfContext, footer: string): void {
	const { doc } = ctx;
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		// The footer sits in the bottom margin; without this pdfkit would start a new page.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const y = doc.page.height - 40;
		artifact(
			ctx,
			() => {
				useFont(ctx, 'regular', SIZE.footer, COLOR.hint);
				doc.text(footer, ctx.left, y, { width: ctx.width * 0.7, lineBreak: false });
				doc.text(LABELS.page(i + 1, range.count), ctx.left, y, {
					width: ctx.width,
					align: 'right',
					lineBreak: false
				});
			},
			'Pagination'
		);
		doc.page.margins.bottom = bottom;
	}
}

function collect(doc: Pdf): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const chunks: Uint8Array[] = [];
		doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
}

/** `document` as the bytes of a PDF file (see the module comment). */
export function writePdf(document: ExportDocument): Promise<Uint8Array> {
	const doc = createDocument(document);
	const bytes = collect(doc);
	const ctx: PdfContext = {
		doc,
		left: MARGIN,
		width: doc.page.width - 2 * MARGIN,
		bookmarks: { part: null, section: null },
		headerSizes: new Map()
	};
	const root = doc.struct('Document');
	doc.addStructure(root);
	const front = open(ctx, root, 'Sect');
	leaf(ctx, front, 'H1', () => {
		useFont(ctx, 'bold', SIZE.title);
		doc.text(document.title, ctx.left, doc.y, { width: ctx.width });
	});
	doc.y += 8;
	drawBlocks(ctx, front, document.front);
	front.end();
	for (const part of document.parts) {
		if (part.breakBefore && !isPageFresh(ctx)) doc.addPage();
		const section = open(ctx, root, 'Sect');
		drawHeading(ctx, section, { level: 1, text: part.title, isBookmarked: true });
		drawBlocks(ctx, section, part.blocks);
		section.end();
	}
	root.end();
	drawFooters(ctx, document.footer);
	doc.end();
	return bytes;
}
