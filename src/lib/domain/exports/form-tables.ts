/**
 * The tables of the blank forms: statements with their scale's levels as boxes to tick, "ikke
 * vurderet" and a comment line; and sub-goals with the status scale as boxes. Statements that
 * share a scale share a table (one header row of levels); a statement with its own scale gets a
 * table of its own, so every box sits under the level it means.
 */
import type { TableBlock, TableCell, TableRow } from './blocks.ts';
import { LABELS } from './labels.ts';

/** A statement as a form prints it: its text, a short explanation, and its scale's level labels. */
export type FormStatement = { text: string; hint: string | null; levels: string[] };

/** Relative width of the statement column against one level column. */
const STATEMENT_WIDTH = 9;
const LEVEL_WIDTH = 2.6;

function sameScale(a: FormStatement, b: FormStatement): boolean {
	return a.levels.length === b.levels.length && a.levels.every((label, i) => label === b.levels[i]);
}

/** Consecutive statements with the same scale, in order. */
function runsOfScale(statements: readonly FormStatement[]): FormStatement[][] {
	const runs: FormStatement[][] = [];
	for (const statement of statements) {
		const last = runs.at(-1);
		if (last && sameScale(last[0], statement)) last.push(statement);
		else runs.push([statement]);
	}
	return runs;
}

function ratingTable(statements: FormStatement[], caption: string | null): TableBlock {
	const levels = statements[0].levels;
	const columns = levels.length + 2;
	const head: TableCell[] = [
		{ kind: 'header', scope: 'column', text: LABELS.statement },
		...levels.map((label, i): TableCell => ({
			kind: 'header',
			scope: 'column',
			text: LABELS.level(i + 1, label)
		})),
		{ kind: 'header', scope: 'column', text: LABELS.notAssessed }
	];
	const rows: TableRow[] = statements.flatMap((statement) => [
		{
			keepWithNext: true,
			cells: [
				{ kind: 'header', scope: 'row', text: statement.text, hint: statement.hint ?? undefined },
				...levels.map((label): TableCell => ({ kind: 'box', label })),
				{ kind: 'box', label: LABELS.notAssessed }
			]
		},
		{ cells: [{ kind: 'writeIn', label: LABELS.comment, span: columns }] }
	]);
	return {
		kind: 'table',
		variant: 'grid',
		caption,
		widths: [STATEMENT_WIDTH, ...levels.map(() => LEVEL_WIDTH), LEVEL_WIDTH],
		head,
		rows
	};
}

/**
 * The rating tables of `statements`: one per run of statements sharing a scale, the caption
 * above the first.
 */
export function ratingTables(
	statements: readonly FormStatement[],
	caption: string | null
): TableBlock[] {
	return runsOfScale(statements).map((run, index) =>
		ratingTable(run, index === 0 ? caption : null)
	);
}

/**
 * A table of sub-goals with a box per status, and `blankRows` rows to write the young person's
 * own sub-goals in.
 */
export function statusTable(
	subGoals: readonly string[],
	statuses: readonly string[],
	blankRows: number,
	caption: string
): TableBlock {
	const boxes = statuses.map((label): TableCell => ({ kind: 'box', label }));
	return {
		kind: 'table',
		variant: 'grid',
		caption,
		widths: [STATEMENT_WIDTH, ...statuses.map(() => LEVEL_WIDTH)],
		head: [
			{ kind: 'header', scope: 'column', text: LABELS.subGoal },
			...statuses.map((label): TableCell => ({ kind: 'header', scope: 'column', text: label }))
		],
		rows: [
			...subGoals.map((text) => ({
				cells: [{ kind: 'header', scope: 'row', text } satisfies TableCell, ...boxes]
			})),
			...Array.from({ length: blankRows }, () => ({
				cells: [{ kind: 'writeIn', label: LABELS.ownSubGoal } satisfies TableCell, ...boxes]
			}))
		]
	};
}
