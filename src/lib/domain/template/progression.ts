/**
 * The progressionsskema as data: for each statement, the level each rater gave at each
 * measurement point (a table), and per area and rater the share of the scale reached over the
 * measurement points (chart series). Pure, so the preview, the printed læringsbevis and the case
 * view in operations all draw the same numbers.
 */
import { effectiveScale, type Template } from './schemas.ts';

/** One reading: the level a rater gave a statement at a measurement point. */
export type Rating = {
	statementId: string;
	measurementPointId: string;
	raterId: string;
	levelId: string;
};

/** A table column: one rater at one measurement point. */
export type ProgressionColumn = {
	measurementPointId: string;
	measurementPointLabel: string;
	raterId: string;
	raterLabel: string;
};

/** A table cell; the level fields are null when nobody has rated it (yet). */
export type ProgressionCell = ProgressionColumn & {
	levelId: string | null;
	levelLabel: string | null;
	/** 1-based position on the statement's scale. */
	levelPosition: number | null;
};

export type ProgressionRow = {
	areaId: string;
	areaLabel: string;
	statementId: string;
	statementText: string;
	levelCount: number;
	cells: ProgressionCell[];
};

/** A line in the chart: one rater, over the measurement points; `areaId` null for all areas. */
export type ProgressionSeries = {
	areaId: string | null;
	areaLabel: string | null;
	raterId: string;
	raterLabel: string;
	points: {
		measurementPointId: string;
		measurementPointLabel: string;
		/** Mean share of the scale reached, 0 (lowest level) to 1 (highest); null when unrated. */
		value: number | null;
	}[];
};

export type Progression = {
	columns: ProgressionColumn[];
	rows: ProgressionRow[];
	series: ProgressionSeries[];
};

function ratingKey(statementId: string, pointId: string, raterId: string): string {
	return `${statementId}\u0000${pointId}\u0000${raterId}`;
}

function mean(values: number[]): number | null {
	return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Table and chart data for `ratings` on `template`; ratings of removed items are ignored. */
export function describeProgression(template: Template, ratings: readonly Rating[]): Progression {
	const byKey = new Map<string, string>();
	for (const r of ratings) {
		byKey.set(ratingKey(r.statementId, r.measurementPointId, r.raterId), r.levelId);
	}
	const columns: ProgressionColumn[] = template.measurementPoints.flatMap((point) =>
		template.raters.map((rater) => ({
			measurementPointId: point.id,
			measurementPointLabel: point.label,
			raterId: rater.id,
			raterLabel: rater.label
		}))
	);
	const rows: ProgressionRow[] = template.areas.flatMap((area) =>
		area.statements.map((statement) => {
			const levels = effectiveScale(area, statement).levels;
			return {
				areaId: area.id,
				areaLabel: area.label,
				statementId: statement.id,
				statementText: statement.text,
				levelCount: levels.length,
				cells: columns.map((column) => {
					const levelId = byKey.get(
						ratingKey(statement.id, column.measurementPointId, column.raterId)
					);
					const index = levels.findIndex((level) => level.id === levelId);
					return index < 0
						? { ...column, levelId: null, levelLabel: null, levelPosition: null }
						: {
								...column,
								levelId: levels[index].id,
								levelLabel: levels[index].label,
								levelPosition: index + 1
							};
				})
			};
		})
	);
	return { columns, rows, series: buildSeries(template, rows) };
}

function buildSeries(template: Template, rows: ProgressionRow[]): ProgressionSeries[] {
	const groups: { areaId: string | null; areaLabel: string | null; rows: ProgressionRow[] }[] = [
		...template.areas.map((area) => ({
			areaId: area.id,
			areaLabel: area.label,
			rows: rows.filter((row) => row.areaId === area.id)
		})),
		{ areaId: null, areaLabel: null, rows }
	];
	return groups.flatMap((group) =>
		template.raters.map((rater) => ({
			areaId: group.areaId,
			areaLabel: group.areaLabel,
			raterId: rater.id,
			raterLabel: rater.label,
			points: template.measurementPoints.map((point) => {
				const shares = group.rows.flatMap((row) => {
					const cell = row.cells.find(
						(c) => c.measurementPointId === point.id && c.raterId === rater.id
					);
					if (!cell || cell.levelPosition === null || row.levelCount < 2) return [];
					return [(cell.levelPosition - 1) / (row.levelCount - 1)];
				});
				return {
					measurementPointId: point.id,
					measurementPointLabel: point.label,
					value: mean(shares)
				};
			})
		}))
	);
}
