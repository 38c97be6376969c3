/**
 * Tables in the tagged PDF: Table, THead and TBody with TR rows of TH (with their scope) and TD
 * cells (with their column span), so a screen reader can say which level a box belongs to.
 * Grid lines, tick boxes and writing lines are artifacts. Rows are measured before they are
 * drawn: a row (with the row it is kept with) never splits across pages, and the header row is
 * repeated, as an artifact, at the top of every page the table continues on.
 */
import type { TableBlock, TableCell, TableRow } from '#lib/domain/exports/blocks.ts';
import {
	artifact,
	COLOR,
	drawRuns,
	ensureSpace,
	leaf,
	LINE_GAP,
	open,
	pageBottom,
	SIZE,
	textHeight,
	useFont,
	type PdfContext,
	type StructElement
} from './pdf-context.ts';

const PAD = 3.5;
const BOX = 9;
/** Height of one line to write on in a table cell. */
const WRITE_LINE = 18;
const TABLE_GAP = 10;

type Placed = { cell: TableCell; x: number; width: number };

function place(cells: readonly TableCell[], columns: readonly { x: number; width: number }[]) {
	const placed: Placed[] = [];
	let index = 0;
	for (const cell of cells) {
		const span = Math.max(1, Math.min(cell.span ?? 1, columns.length - index));
		const spanned = columns.slice(index, index + span);
		if (spanned.length === 0) break;
		placed.push({ cell, x: spanned[0].x, width: spanned.reduce((sum, c) => sum + c.width, 0) });
		index += span;
	}
	return placed;
}

/**
 * Column headers and field labels are bold; the row headers of grids (the statements) stay
 * regular, to keep long forms calm.
 */
function isBold(table: TableBlock, cell: TableCell): boolean {
	return cell.kind === 'header' && (cell.scope === 'column' || table.variant === 'fields');
}

function cellText(cell: TableCell): { text: string; hint: string | null } | null {
	if (cell.kind === 'header' || cell.kind === 'text') {
		return { text: cell.text, hint: cell.hint ?? null };
	}
	if (cell.kind === 'writeIn' && cell.label) return { text: cell.label, hint: null };
	return null;
}

/** Smallest size a header may shrink to so that its longest word fits its column. */
const MIN_HEADER_SIZE = 6.5;

/**
 * The size to set a cell's text in: the table size, or smaller for a column header whose
 * longest word ("påmindelser", "planlægge") would otherwise be broken inside the word.
 */
function fittedSize(ctx: PdfContext, table: TableBlock, cell: TableCell, width: number): number {
	const content = cellText(cell);
	if (!content || cell.kind !== 'header' || cell.scope !== 'column') return SIZE.table;
	const key = `${width}\u0000${content.text}`;
	const known = ctx.headerSizes.get(key);
	if (known !== undefined) return known;
	const face = isBold(table, cell) ? 'bold' : 'regular';
	const longest = content.text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
	let size: number = SIZE.table;
	ctx.doc.font(face);
	while (size > MIN_HEADER_SIZE && ctx.doc.fontSize(size).widthOfString(longest) > width) {
		size -= 0.5;
	}
	ctx.headerSizes.set(key, size);
	return size;
}

function cellHeight(ctx: PdfContext, table: TableBlock, { cell, width }: Placed): number {
	const inner = width - 2 * PAD;
	const content = cellText(cell);
	let height = 0;
	if (content && cell.kind !== 'writeIn') {
		const face = isBold(table, cell) ? 'bold' : 'regular';
		const size = fittedSize(ctx, table, cell, inner);
		height += textHeight(ctx, content.text, { face, size, width: inner });
		if (content.hint) {
			height += textHeight(ctx, content.hint, {
				face: 'regular',
				size: SIZE.tableHint,
				width: inner
			});
		}
	}
	if (cell.kind === 'writeIn') height = Math.max(height, (cell.lines ?? 1) * WRITE_LINE);
	if (cell.kind === 'box') height = BOX;
	return height + 2 * PAD;
}

function rowHeight(ctx: PdfContext, table: TableBlock, cells: readonly Placed[]): number {
	return Math.max(...cells.map((placed) => cellHeight(ctx, table, placed)));
}

/** The grid, boxes and writing lines of a row: drawn as one artifact. */
function drawRowFrame(
	ctx: PdfContext,
	table: TableBlock,
	cells: readonly Placed[],
	y: number,
	height: number
): void {
	const { doc } = ctx;
	doc.lineWidth(0.6).strokeColor(COLOR.rule);
	for (const { cell, x, width } of cells) {
		if (table.variant === 'grid') doc.rect(x, y, width, height).stroke();
		if (cell.kind === 'box') {
			doc.lineWidth(0.9).strokeColor(COLOR.text);
			doc.rect(x + (width - BOX) / 2, y + (height - BOX) / 2, BOX, BOX).stroke();
			doc.lineWidth(0.6).strokeColor(COLOR.rule);
		}
		if (cell.kind === 'writeIn' && table.variant === 'fields') {
			for (let line = 1; line <= (cell.lines ?? 1); line++) {
				const lineY = y + PAD + line * WRITE_LINE - 2;
				doc
					.moveTo(x + PAD, lineY)
					.lineTo(x + width - PAD, lineY)
					.stroke();
			}
		}
	}
}

function drawCellContent(
	ctx: PdfContext,
	table: TableBlock,
	{ cell, x, width }: Placed,
	y: number
): void {
	const content = cellText(cell);
	if (!content) return;
	const isLabel = cell.kind === 'writeIn';
	drawRuns(ctx, [{ text: content.text, bold: isBold(table, cell) }], {
		x: x + PAD,
		y: y + PAD,
		width: width - 2 * PAD,
		size: isLabel ? SIZE.tableHint : fittedSize(ctx, table, cell, width - 2 * PAD),
		color: isLabel ? COLOR.hint : COLOR.text
	});
	if (content.hint) {
		useFont(ctx, 'regular', SIZE.tableHint, COLOR.hint);
		ctx.doc.text(content.hint, x + PAD, ctx.doc.y, { width: width - 2 * PAD, lineGap: LINE_GAP });
	}
}

function drawRow(
	ctx: PdfContext,
	o: { table: TableBlock; parent: StructElement | null; cells: Placed[]; height: number }
): void {
	const y = ctx.doc.y;
	if (o.parent === null) {
		// A repeated header row: seen on every page, read once.
		artifact(
			ctx,
			() => {
				drawRowFrame(ctx, o.table, o.cells, y, o.height);
				for (const placed of o.cells) drawCellContent(ctx, o.table, placed, y);
			},
			'Pagination'
		);
	} else {
		artifact(ctx, () => drawRowFrame(ctx, o.table, o.cells, y, o.height));
		const row = open(ctx, o.parent, 'TR');
		for (const placed of o.cells) {
			const { cell } = placed;
			const isHeader = cell.kind === 'header';
			const element = open(ctx, row, isHeader ? 'TH' : 'TD', {
				scope: isHeader ? (cell.scope === 'row' ? 'Row' : 'Column') : undefined
			});
			// Attributes must be set before the element ends: pdfkit writes it out then.
			if ((cell.span ?? 1) > 1) setColumnSpan(element, cell.span ?? 1);
			element.add(() => drawCellContent(ctx, o.table, placed, y));
			element.end();
		}
		row.end();
	}
	ctx.doc.y = y + o.height;
}

/** Sets the Table attribute ColSpan on a cell element, merged with its scope if any. */
function setColumnSpan(element: StructElement, span: number): void {
	// pdfkit 0.20 keeps an element's dictionary on it but its type declarations do not say so.
	const { data } = (element as unknown as { dictionary: { data: { A?: object } } }).dictionary;
	data.A = { ...data.A, O: 'Table', ColSpan: span };
}

/** Rows grouped so that a row kept with the next one travels with it to a new page. */
function groups(rows: readonly TableRow[]): TableRow[][] {
	const result: TableRow[][] = [];
	let current: TableRow[] = [];
	for (const row of rows) {
		current.push(row);
		if (!row.keepWithNext) {
			result.push(current);
			current = [];
		}
	}
	if (current.length > 0) result.push(current);
	return result;
}

/** Draws `table` under `parent` (see the module comment). */
export function drawTable(ctx: PdfContext, parent: StructElement, table: TableBlock): void {
	const { doc } = ctx;
	const total = table.widths.reduce((sum, w) => sum + w, 0);
	let x = ctx.left;
	const columns = table.widths.map((w) => {
		const column = { x, width: (w / total) * ctx.width };
		x += column.width;
		return column;
	});
	const head = table.head ? place(table.head, columns) : null;
	const headHeight = head ? rowHeight(ctx, table, head) : 0;
	if (table.caption) {
		ensureSpace(ctx, headHeight + 60);
		const y = doc.y;
		leaf(ctx, parent, 'P', () =>
			drawRuns(ctx, [{ text: table.caption ?? '' }], {
				x: ctx.left,
				y,
				width: ctx.width,
				size: SIZE.hint,
				color: COLOR.hint
			})
		);
		doc.y += 3;
	}
	const measured = groups(table.rows).map((group) =>
		group.map((row) => {
			const cells = place(row.cells, columns);
			return { cells, height: rowHeight(ctx, table, cells) };
		})
	);
	const firstHeight = measured[0]?.reduce((sum, row) => sum + row.height, 0) ?? 0;
	ensureSpace(ctx, headHeight + firstHeight);
	const element = open(ctx, parent, 'Table');
	if (head) {
		const thead = open(ctx, element, 'THead');
		drawRow(ctx, { table, parent: thead, cells: head, height: headHeight });
		thead.end();
	}
	const tbody = open(ctx, element, 'TBody');
	for (const group of measured) {
		const height = group.reduce((sum, row) => sum + row.height, 0);
		if (doc.y + height > pageBottom(ctx)) {
			doc.addPage();
			if (head) drawRow(ctx, { table, parent: null, cells: head, height: headHeight });
		}
		for (const row of group) drawRow(ctx, { table, parent: tbody, ...row });
	}
	tbody.end();
	element.end();
	doc.y += TABLE_GAP;
}
