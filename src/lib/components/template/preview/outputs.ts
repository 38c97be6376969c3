/**
 * The decisions the output previews make, as pure functions so they are tested without a browser:
 * which tab a key moves to, how the læringsbevis groups what is reached, how the progressionsskema
 * numbers its comments and spans its points, how a blank form splits into tables, and how a
 * measurement point's timing is worded. The components only render what these return.
 */
import type {
	AreaCategory,
	Laeringsbevis,
	Progression,
	RatingForm,
	Timing
} from '#lib/domain/template/index.ts';

/** The three things the preview shows. */
export const OUTPUTS = ['laeringsbevis', 'progression', 'forms'] as const;
export type Output = (typeof OUTPUTS)[number];

/**
 * The tab a key press moves to in a tab list of `count` tabs (the ARIA tabs pattern): arrows
 * wrap around, Home and End go to the ends; null for any other key.
 */
export function tabAfterKey(key: string, index: number, count: number): number | null {
	if (count === 0) return null;
	switch (key) {
		case 'ArrowRight':
			return (index + 1) % count;
		case 'ArrowLeft':
			return (index - 1 + count) % count;
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return null;
	}
}

type ReachedArea = Laeringsbevis['competences'][number];

/** The reached statements of one category, and the areas they come from. */
export type CategoryGroup = {
	category: AreaCategory;
	heading: string;
	areas: (ReachedArea & { isHeadingShown: boolean })[];
};

/**
 * The læringsbevis's competences by category (in the order the categories first appear in the
 * template), each under the category's heading. An area's own label is shown under it only when it
 * says something more: when the category has several areas, or the label differs from the heading.
 */
export function groupByCategory(
	competences: readonly ReachedArea[],
	headingOf: (category: AreaCategory) => string
): CategoryGroup[] {
	const groups: CategoryGroup[] = [];
	for (const area of competences) {
		let group = groups.find((g) => g.category === area.category);
		if (!group) {
			group = { category: area.category, heading: headingOf(area.category), areas: [] };
			groups.push(group);
		}
		group.areas.push({ ...area, isHeadingShown: true });
	}
	const same = (a: string, b: string) =>
		a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');
	for (const group of groups) {
		for (const area of group.areas) {
			area.isHeadingShown = group.areas.length > 1 || !same(area.areaLabel, group.heading);
		}
	}
	return groups;
}

/** One comment in the progressionsskema's list under the table. */
export type ProgressionNote = {
	number: number;
	statementText: string;
	measurementPointLabel: string;
	raterLabel: string;
	comment: string;
};

function noteKey(statementId: string, measurementPointId: string, raterId: string): string {
	return `${statementId}\u0000${measurementPointId}\u0000${raterId}`;
}

/**
 * The comments of the progressionsskema, numbered in reading order (row by row, left to right), so
 * a cell shows a small number and the comment is printed in full under the table rather than in a
 * tooltip that paper cannot show. `numberOf` gives a cell's number, or undefined.
 */
export function progressionNotes(progression: Pick<Progression, 'rows'>): {
	notes: ProgressionNote[];
	numberOf: (
		statementId: string,
		measurementPointId: string,
		raterId: string
	) => number | undefined;
} {
	const notes: ProgressionNote[] = [];
	const numbers = new Map<string, number>();
	for (const row of progression.rows) {
		for (const cell of row.cells) {
			if (!cell.comment) continue;
			const number = notes.length + 1;
			numbers.set(noteKey(row.statementId, cell.measurementPointId, cell.raterId), number);
			notes.push({
				number,
				statementText: row.statementText,
				measurementPointLabel: cell.measurementPointLabel,
				raterLabel: cell.raterLabel,
				comment: cell.comment
			});
		}
	}
	return {
		notes,
		numberOf: (statementId, pointId, raterId) => numbers.get(noteKey(statementId, pointId, raterId))
	};
}

/** The measurement points of the table's columns, each spanning the columns of its raters. */
export function pointSpans(
	columns: Progression['columns']
): { measurementPointId: string; measurementPointLabel: string; span: number }[] {
	const spans: { measurementPointId: string; measurementPointLabel: string; span: number }[] = [];
	for (const column of columns) {
		const last = spans.at(-1);
		if (last?.measurementPointId === column.measurementPointId) last.span += 1;
		else spans.push({ ...column, span: 1 });
	}
	return spans.map(({ measurementPointId, measurementPointLabel, span }) => ({
		measurementPointId,
		measurementPointLabel,
		span
	}));
}

type FormStatement = RatingForm['areas'][number]['statements'][number];

/** One table of a blank form: statements that share a scale, with its levels as columns. */
export type FormTable = { levels: FormStatement['levels']; statements: FormStatement[] };

/**
 * A blank form's areas as tables: consecutive statements on the same scale share a table, so a
 * statement with a scale of its own gets columns of its own instead of the wrong boxes.
 */
export function formTables(
	form: Pick<RatingForm, 'areas'>
): { areaId: string; areaLabel: string; tables: FormTable[] }[] {
	const scaleKey = (statement: FormStatement) => statement.levels.map((l) => l.levelId).join('|');
	return form.areas.map((area) => {
		const tables: FormTable[] = [];
		for (const statement of area.statements) {
			const last = tables.at(-1);
			if (last && scaleKey(last.statements[0]) === scaleKey(statement)) {
				last.statements.push(statement);
			} else {
				tables.push({ levels: statement.levels, statements: [statement] });
			}
		}
		return { areaId: area.areaId, areaLabel: area.areaLabel, tables };
	});
}

/** A blank form's key, for choosing one in the preview. */
export function formKey(form: Pick<RatingForm, 'measurementPointId' | 'raterId'>): string {
	return `${form.measurementPointId}/${form.raterId}`;
}

/** The message key and values that word a timing ("Efter 4 uger"); i18next picks the plural. */
export function timingMessage(timing: Timing): { key: string; values?: { count: number } } {
	switch (timing.kind) {
		case 'start':
		case 'end':
			return { key: `template.timing.${timing.kind}` };
		case 'afterWeeks':
		case 'everyWeeks':
			return { key: `template.timing.${timing.kind}`, values: { count: timing.weeks } };
	}
}
