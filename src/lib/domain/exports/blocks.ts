/**
 * The export document model: what a printed læringsbevis, progressionsskema or drejebog holds,
 * as plain data, before it becomes a PDF, a Word file or a print page. Builders in this folder
 * turn a template (and a drejebog or a case) into an `ExportDocument`; each writer
 * (`lib/server/exports` for PDF and DOCX, the print view for HTML) renders every block kind the
 * same way, so the three formats never disagree about content.
 */

/** A run of text with one formatting; a "\n" inside `text` is a line break. */
export type Run = { text: string; bold?: boolean; italic?: boolean; href?: string };

export type ListItem = { runs: Run[]; children: ListBlock | null };
export type ListBlock = { kind: 'list'; isOrdered: boolean; items: ListItem[] };

/**
 * A table cell. `header` cells are header cells (TH) of their column or row; `box` is an empty
 * box to tick by hand (a check box in Word), `label` saying what ticking it means; `writeIn` is
 * room to write by hand, with an optional printed label ("Kommentar"). `span` columns wide.
 */
export type TableCell = { span?: number } & (
	| { kind: 'header'; scope: 'column' | 'row'; text: string; hint?: string }
	| { kind: 'text'; text: string; hint?: string }
	| { kind: 'box'; label: string }
	| { kind: 'writeIn'; label: string | null; lines?: number }
);

export type TableRow = {
	cells: TableCell[];
	/** Keep this row on the same page as the next one (a statement and its comment line). */
	keepWithNext?: boolean;
};

/**
 * A table. `widths` are relative column widths; `head` is the column header row, repeated on
 * every page the table spans. `fields` tables are label–value pairs without a grid.
 */
export type TableBlock = {
	kind: 'table';
	variant: 'grid' | 'fields';
	/** A short instruction printed above the table ("Sæt ét kryds pr. udsagn"). */
	caption: string | null;
	widths: number[];
	head: TableCell[] | null;
	rows: TableRow[];
};

export type HeadingLevel = 2 | 3 | 4;

export type Block =
	| {
			kind: 'heading';
			level: HeadingLevel;
			text: string;
			/** Whether the heading gets a bookmark under its part's bookmark. */
			isBookmarked: boolean;
	  }
	| { kind: 'paragraph'; runs: Run[]; tone: 'normal' | 'hint' | 'lead' }
	| ListBlock
	| TableBlock
	/** Ruled lines to write on by hand. */
	| { kind: 'writeIn'; lines: number }
	/** The next block starts on a new page (a rater's form is handed out on its own). */
	| { kind: 'pageBreak' }
	| {
			kind: 'signatures';
			signers: {
				/** The role the signer signs in ("Virksomhedsmentor"). */
				label: string;
				/** The person's name, when the case names them. */
				name: string | null;
				/** Filled when the signer has confirmed (in a case), else a line to sign on. */
				signedBy: string | null;
				signedAt: string | null;
			}[];
	  };

/** A part of the document: a top-level heading (H1) with a top-level bookmark. */
export type ExportPart = {
	id: string;
	title: string;
	/** Whether the part starts on a new page (the parts of a published version do). */
	breakBefore: boolean;
	blocks: Block[];
};

export type ExportDocument = {
	/** The document's title: the PDF title shown in the viewer's title bar, the first heading. */
	title: string;
	/** What the document is, in one line (PDF subject, Word description). */
	subject: string;
	/** The organisation the document is from (PDF author, Word creator). */
	author: string;
	keywords: string[];
	/** A4 upright, or lying for wide tables (a case's progressionsskema). */
	orientation: 'portrait' | 'landscape';
	/** BCP 47 language of the content: the documents are Danish. */
	language: 'da';
	/** When the content was fixed (publishing, or generating a case's output). */
	createdAt: Date;
	/** Printed under the title on the first page. */
	front: Block[];
	parts: ExportPart[];
	/** Printed at the foot of every page next to the page number. */
	footer: string;
};

/** A paragraph of plain text. */
export function paragraph(text: string, tone: 'normal' | 'hint' | 'lead' = 'normal'): Block {
	return { kind: 'paragraph', runs: [{ text }], tone };
}

/** A heading; levels 2 and 3 are bookmarked by default, level 4 is not. */
export function heading(level: HeadingLevel, text: string, isBookmarked = level < 4): Block {
	return { kind: 'heading', level, text, isBookmarked };
}

/** A list of plain-text items. */
export function plainList(items: string[], isOrdered = false): ListBlock {
	return {
		kind: 'list',
		isOrdered,
		items: items.map((text) => ({ runs: [{ text }], children: null }))
	};
}

/**
 * A table of label–value pairs (a form's header fields); a null value is room to write on,
 * `lines` lines high (one by default).
 */
export function fieldsTable(
	fields: { label: string; value: string | null; lines?: number }[]
): TableBlock {
	return {
		kind: 'table',
		variant: 'fields',
		caption: null,
		widths: [2, 5],
		head: null,
		rows: fields.map((field) => ({
			cells: [
				{ kind: 'header', scope: 'row', text: field.label },
				field.value === null
					? { kind: 'writeIn', label: null, lines: field.lines }
					: { kind: 'text', text: field.value }
			]
		}))
	};
}

/**
 * A grid table of two columns headed `columns`: each row a row header and a cell beside it (a
 * statement and its CV phrase, a checklist item and its box, a rule's condition and action).
 */
export function pairTable(
	columns: [string, string],
	widths: [number, number],
	rows: { header: string; cell: TableCell }[]
): TableBlock {
	return {
		kind: 'table',
		variant: 'grid',
		caption: null,
		widths,
		head: columns.map((text): TableCell => ({ kind: 'header', scope: 'column', text })),
		rows: rows.map((row) => ({
			cells: [{ kind: 'header', scope: 'row', text: row.header }, row.cell]
		}))
	};
}

/** The text of runs without formatting. */
export function runsText(runs: readonly Run[]): string {
	return runs.map((run) => run.text).join('');
}
