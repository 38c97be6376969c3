/**
 * An export document as a Word file (.docx): A4, Danish as the proofing language, title,
 * subject, keywords and author in the file's properties, the title in Word's Title style, parts
 * as Heading 1 (each part of a published version on a new page), and "Side x af y" in the footer.
 */
import {
	AlignmentType,
	Document,
	Footer,
	HeadingLevel,
	LevelFormat,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	TabStopType,
	TextRun
} from 'docx';
import type { ExportDocument } from '#lib/domain/exports/blocks.ts';
import { docxBlocks, docxHeading, LIST_REFERENCES, type DocxContext } from './docx-blocks.ts';

/** 2 cm margins, in twentieths of a point. */
const MARGIN = 1134;
/** A4 in twentieths of a point. */
const A4 = { short: 11906, long: 16838 };

function listLevels(format: 'bullet' | 'decimal') {
	return Array.from({ length: 4 }, (_, level) => ({
		level,
		format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
		text: format === 'bullet' ? '•' : `%${level + 1}.`,
		alignment: AlignmentType.LEFT,
		style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } }
	}));
}

function footer(text: string, width: number): Footer {
	return new Footer({
		children: [
			new Paragraph({
				tabStops: [{ type: TabStopType.RIGHT, position: width }],
				children: [
					new TextRun({ text, size: 16 }),
					new TextRun({
						size: 16,
						children: ['\tSide ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES]
					})
				]
			})
		]
	});
}

/** `document` as the bytes of a .docx file (see the module comment). */
export async function writeDocx(document: ExportDocument): Promise<Uint8Array> {
	const isLandscape = document.orientation === 'landscape';
	const ctx: DocxContext = {
		width: (isLandscape ? A4.long : A4.short) - 2 * MARGIN,
		nextListInstance: 1,
		breakBefore: false
	};
	const children = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] }),
		...docxBlocks(ctx, document.front),
		...document.parts.flatMap((part) => {
			ctx.breakBefore = part.breakBefore;
			return [docxHeading(ctx, 1, part.title), ...docxBlocks(ctx, part.blocks)];
		})
	];
	const file = new Document({
		title: document.title,
		subject: document.subject,
		description: document.subject,
		creator: document.author,
		lastModifiedBy: document.author,
		keywords: document.keywords.join(', '),
		styles: {
			default: { document: { run: { language: { value: 'da-DK' } } } }
		},
		numbering: {
			config: [
				{ reference: LIST_REFERENCES.bullet, levels: listLevels('bullet') },
				{ reference: LIST_REFERENCES.ordered, levels: listLevels('decimal') }
			]
		},
		sections: [
			{
				properties: {
					page: {
						size: {
							width: A4.short,
							height: A4.long,
							orientation: isLandscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT
						},
						margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }
					}
				},
				footers: { default: footer(document.footer, ctx.width) },
				children
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(file));
}
