/**
 * The parts of a case's progressionsskema: per area a table of every statement's level per
 * measurement point and rater and the level agreed at the end, the raters' comments under it, hours and tasks per point, and the
 * sub-goals' statuses per point.
 */
import type { Progression, ProgressionCell, ProgressionRow } from '../template/progression.ts';
import type { Template } from '../template/schemas.ts';
import { inSentence } from '../text.ts';
import { heading, plainList, type Block, type ExportPart, type TableCell } from './blocks.ts';
import { formatHours, LABELS } from './labels.ts';

const STATEMENT_WIDTH = 7;
const COLUMN_WIDTH = 2.2;

function cellOf(cell: ProgressionCell): TableCell {
	switch (cell.status) {
		case 'rated':
			return { kind: 'text', text: String(cell.levelPosition), hint: cell.levelLabel ?? undefined };
		case 'notAssessed':
			return { kind: 'text', text: LABELS.notAssessed };
		case 'open':
			return { kind: 'text', text: LABELS.open };
		case 'notPlanned':
			return { kind: 'text', text: LABELS.notPlanned };
	}
}

/** The level the raters agreed on at the end, as a cell. */
function agreedCell(row: ProgressionRow): TableCell {
	const { agreed } = row;
	if (agreed.status === 'rated') {
		return {
			kind: 'text',
			text: String(agreed.levelPosition),
			hint: agreed.levelLabel ?? undefined
		};
	}
	return { kind: 'text', text: agreed.status === 'notAssessed' ? LABELS.notAssessed : LABELS.open };
}

function ratingBlocks(template: Template, progression: Progression): Block[] {
	const last = template.measurementPoints.at(-1);
	const head: TableCell[] = [
		{ kind: 'header', scope: 'column', text: LABELS.statement },
		...progression.columns.map((column): TableCell => ({
			kind: 'header',
			scope: 'column',
			text: column.measurementPointLabel,
			hint: column.raterLabel
		})),
		{ kind: 'header', scope: 'column', text: LABELS.agreed, hint: last?.label }
	];
	return template.areas.flatMap((area) => {
		const rows = progression.rows.filter((row) => row.areaId === area.id);
		if (rows.length === 0) return [];
		const comments = rows.flatMap((row) =>
			row.cells.flatMap((cell) =>
				cell.comment
					? [
							`${cell.measurementPointLabel}, ${cell.raterLabel}, »${row.statementText}«: ${cell.comment}`
						]
					: []
			)
		);
		return [
			heading(2, area.label),
			{
				kind: 'table',
				variant: 'grid',
				caption: null,
				widths: [STATEMENT_WIDTH, ...progression.columns.map(() => COLUMN_WIDTH), COLUMN_WIDTH],
				head,
				rows: rows.map((row) => ({
					cells: [
						{ kind: 'header', scope: 'row', text: row.statementText } satisfies TableCell,
						...row.cells.map(cellOf),
						agreedCell(row)
					]
				}))
			},
			...(comments.length > 0
				? [heading(3, LABELS.commentsOf(inSentence(area.label)), false), plainList(comments)]
				: [])
		];
	});
}

function measureBlocks(progression: Progression): Block[] {
	const { hoursPerWeek, tasks } = progression;
	const points = hoursPerWeek ?? tasks;
	if (!points) return [];
	return [
		{
			kind: 'table',
			variant: 'grid',
			caption: null,
			widths: [2, ...(hoursPerWeek ? [1.5] : []), ...(tasks ? [6] : [])],
			head: [
				{ kind: 'header', scope: 'column', text: 'Målepunkt' },
				...(hoursPerWeek
					? [{ kind: 'header', scope: 'column', text: LABELS.hoursPerWeek } satisfies TableCell]
					: []),
				...(tasks
					? [{ kind: 'header', scope: 'column', text: LABELS.tasks } satisfies TableCell]
					: [])
			],
			rows: points.map((point, index) => {
				const hours = hoursPerWeek?.[index].hours;
				return {
					cells: [
						{ kind: 'header', scope: 'row', text: point.measurementPointLabel } satisfies TableCell,
						...(hoursPerWeek
							? [
									{
										kind: 'text',
										text: hours == null ? '' : formatHours(hours)
									} satisfies TableCell
								]
							: []),
						...(tasks ? [{ kind: 'text', text: tasks[index].text } satisfies TableCell] : [])
					]
				};
			})
		}
	];
}

function subGoalBlocks(progression: Progression): Block[] {
	const subGoals = progression.subGoals;
	if (!subGoals || subGoals.rows.length === 0 || subGoals.points.length === 0) return [];
	return [
		{
			kind: 'table',
			variant: 'grid',
			caption: null,
			widths: [6, ...subGoals.points.map(() => 2)],
			head: [
				{ kind: 'header', scope: 'column', text: LABELS.subGoal },
				...subGoals.points.map((point): TableCell => ({
					kind: 'header',
					scope: 'column',
					text: point.measurementPointLabel
				}))
			],
			rows: subGoals.rows.map((row) => ({
				cells: [
					{ kind: 'header', scope: 'row', text: row.text } satisfies TableCell,
					...row.cells.map((cell): TableCell => ({
						kind: 'text',
						text: cell.statusLabel ?? LABELS.open
					}))
				]
			}))
		}
	];
}

/** The parts of a case's progressionsskema (see the module comment); empty ones are left out. */
export function progressionParts(template: Template, progression: Progression): ExportPart[] {
	const parts: ExportPart[] = [
		{
			id: 'ratings',
			title: LABELS.ratings,
			breakBefore: false,
			blocks: ratingBlocks(template, progression)
		},
		{
			id: 'measures',
			title: LABELS.hoursAndTasks,
			breakBefore: false,
			blocks: measureBlocks(progression)
		},
		{
			id: 'sub-goals',
			title: LABELS.statuses,
			breakBefore: false,
			blocks: subGoalBlocks(progression)
		}
	];
	return parts.filter((p) => p.blocks.length > 0);
}
