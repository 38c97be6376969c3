/**
 * The progressionsskema as data: for each statement, the level each rater gave at each
 * measurement point where the rating plan says they rate it (a table), per area and rater the
 * share of the scale reached over the measurement points (chart series), and, when the template
 * follows them, hours per week, tasks and the sub-goals' statuses; per statement also the level
 * agreed at the end. Pure, so the preview, the exports and the case view in operations all draw
 * the same numbers.
 */
import type { CaseData, CaseRating } from './case-data.ts';
import { goalPoints, ratingPlanLookup } from './plan.ts';
import { effectiveScale, type Template } from './schemas.ts';

/** One answer: the level (or "ikke vurderet") a rater gave a statement at a measurement point. */
export type Rating = CaseRating;

/** A table column: one rater at one measurement point at which they rate something. */
export type ProgressionColumn = {
	measurementPointId: string;
	measurementPointLabel: string;
	raterId: string;
	raterLabel: string;
};

/**
 * What a cell shows: `rated` a level; `notAssessed` the rater's "ikke vurderet"; `open` a planned
 * rating nobody has given yet; `notPlanned` the rater does not rate this area at this point.
 */
export type CellStatus = 'rated' | 'notAssessed' | 'open' | 'notPlanned';

/** A table cell; the level fields are set only when it is rated. */
export type ProgressionCell = ProgressionColumn & {
	status: CellStatus;
	levelId: string | null;
	levelLabel: string | null;
	/** 1-based position on the statement's scale. */
	levelPosition: number | null;
	/** The rater's example or comment, if any. */
	comment: string | null;
};

/**
 * The level the raters agreed on at the final point: `rated` a level, `notAssessed` agreed as
 * "ikke vurderet", `open` nothing agreed yet (or a level the scale no longer has).
 */
export type AgreedLevel = {
	status: 'rated' | 'notAssessed' | 'open';
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
	agreed: AgreedLevel;
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
		/** True when the rater rates (some of) the areas of the line at this point. */
		isPlanned: boolean;
		/** Mean share of the scale reached, 0 (lowest level) to 1 (highest); null when unrated. */
		value: number | null;
	}[];
};

type PointValue<T> = { measurementPointId: string; measurementPointLabel: string } & T;

/** The sub-goals' statuses at the points where they are followed. */
export type SubGoalProgression = {
	points: PointValue<object>[];
	rows: {
		subGoalId: string;
		text: string;
		cells: PointValue<{
			statusId: string | null;
			statusLabel: string | null;
			/** 1-based position on the status scale (the last one is reached). */
			statusPosition: number | null;
		}>[];
	}[];
};

export type Progression = {
	columns: ProgressionColumn[];
	rows: ProgressionRow[];
	series: ProgressionSeries[];
	/** Hours per week at each point, or null when the template does not follow hours. */
	hoursPerWeek: PointValue<{ hours: number | null }>[] | null;
	/** The tasks at each point, or null when the template does not follow tasks. */
	tasks: PointValue<{ text: string }>[] | null;
	/** Null when the template has no goal part. */
	subGoals: SubGoalProgression | null;
};

/** The parts of a case the progressionsskema shows; only the ratings are required. */
export type ProgressionInput = Pick<CaseData, 'ratings'> &
	Partial<
		Pick<CaseData, 'hoursPerWeek' | 'tasks' | 'subGoals' | 'subGoalStatuses' | 'agreedLevels'>
	>;

function key(...parts: string[]): string {
	return parts.join('\u0000');
}

function mean(values: number[]): number | null {
	return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function pointRef(point: { id: string; label: string }) {
	return { measurementPointId: point.id, measurementPointLabel: point.label };
}

/**
 * Table, chart and measure data for a case on `template`, following its rating plan: ratings of
 * cells the plan does not name, of removed items and of removed levels are ignored.
 */
export function describeProgression(template: Template, input: ProgressionInput): Progression {
	const rates = ratingPlanLookup(template.ratingPlan);
	const byKey = new Map<string, Rating>();
	for (const r of input.ratings) byKey.set(key(r.statementId, r.measurementPointId, r.raterId), r);
	const agreedIds = new Map((input.agreedLevels ?? []).map((a) => [a.statementId, a.levelId]));
	const columns: ProgressionColumn[] = template.measurementPoints.flatMap((point) =>
		template.raters
			.filter((rater) =>
				template.areas.some((area) =>
					rates({ measurementPointId: point.id, raterId: rater.id, areaId: area.id })
				)
			)
			.map((rater) => ({ ...pointRef(point), raterId: rater.id, raterLabel: rater.label }))
	);
	const rows: ProgressionRow[] = template.areas.flatMap((area) =>
		area.statements.map((statement) => {
			const levels = effectiveScale(area, statement).levels;
			const cells = columns.map((column): ProgressionCell => {
				const empty = { levelId: null, levelLabel: null, levelPosition: null, comment: null };
				if (!rates({ ...column, areaId: area.id })) {
					return { ...column, ...empty, status: 'notPlanned' };
				}
				const rating = byKey.get(key(statement.id, column.measurementPointId, column.raterId));
				const comment = rating?.comment?.trim() || null;
				if (rating?.levelId === null) {
					return { ...column, ...empty, comment, status: 'notAssessed' };
				}
				const index = levels.findIndex((level) => level.id === rating?.levelId);
				if (index < 0) return { ...column, ...empty, status: 'open' };
				const level = levels[index];
				return {
					...column,
					status: 'rated',
					levelId: level.id,
					levelLabel: level.label,
					levelPosition: index + 1,
					comment
				};
			});
			return {
				areaId: area.id,
				areaLabel: area.label,
				statementId: statement.id,
				statementText: statement.text,
				levelCount: levels.length,
				cells,
				agreed: agreedLevel(levels, agreedIds, statement.id)
			};
		})
	);
	return {
		columns,
		rows,
		series: buildSeries(template, rows),
		...describeMeasures(template, input),
		subGoals: describeSubGoals(template, input)
	};
}

function agreedLevel(
	levels: readonly { id: string; label: string }[],
	agreedIds: ReadonlyMap<string, string | null>,
	statementId: string
): AgreedLevel {
	const empty = { levelId: null, levelLabel: null, levelPosition: null };
	if (!agreedIds.has(statementId)) return { status: 'open', ...empty };
	const levelId = agreedIds.get(statementId);
	if (levelId === null) return { status: 'notAssessed', ...empty };
	const index = levels.findIndex((level) => level.id === levelId);
	if (index < 0) return { status: 'open', ...empty };
	const level = levels[index];
	return { status: 'rated', levelId: level.id, levelLabel: level.label, levelPosition: index + 1 };
}

function buildSeries(template: Template, rows: ProgressionRow[]): ProgressionSeries[] {
	const rates = ratingPlanLookup(template.ratingPlan);
	const groups = [
		...template.areas.map((area) => ({ areaId: area.id, areaLabel: area.label, areas: [area] })),
		{ areaId: null, areaLabel: null, areas: template.areas }
	];
	return groups.flatMap((group) => {
		const groupRows = rows.filter((row) => group.areas.some((area) => area.id === row.areaId));
		const isPlanned = (pointId: string, raterId: string) =>
			group.areas.some((area) => rates({ measurementPointId: pointId, raterId, areaId: area.id }));
		return template.raters
			.filter((rater) => template.measurementPoints.some((p) => isPlanned(p.id, rater.id)))
			.map((rater) => ({
				areaId: group.areaId,
				areaLabel: group.areaLabel,
				raterId: rater.id,
				raterLabel: rater.label,
				points: template.measurementPoints.map((point) => {
					const shares = groupRows.flatMap((row) => {
						const cell = row.cells.find(
							(c) => c.measurementPointId === point.id && c.raterId === rater.id
						);
						if (cell?.levelPosition == null || row.levelCount < 2) return [];
						return [(cell.levelPosition - 1) / (row.levelCount - 1)];
					});
					return {
						...pointRef(point),
						isPlanned: isPlanned(point.id, rater.id),
						value: mean(shares)
					};
				})
			}));
	});
}

function describeMeasures(
	template: Template,
	input: ProgressionInput
): Pick<Progression, 'hoursPerWeek' | 'tasks'> {
	const { hasHoursPerWeek, hasTasks } = template.progressionMeasures;
	const hours = new Map((input.hoursPerWeek ?? []).map((h) => [h.measurementPointId, h.hours]));
	const tasks = new Map((input.tasks ?? []).map((t) => [t.measurementPointId, t.text]));
	const points = template.measurementPoints;
	return {
		hoursPerWeek: hasHoursPerWeek
			? points.map((p) => ({ ...pointRef(p), hours: hours.get(p.id) ?? null }))
			: null,
		tasks: hasTasks ? points.map((p) => ({ ...pointRef(p), text: tasks.get(p.id) ?? '' })) : null
	};
}

function describeSubGoals(template: Template, input: ProgressionInput): SubGoalProgression | null {
	const { goals } = template;
	if (!goals.isIncluded) return null;
	const points = goalPoints(template);
	const statuses = new Map(
		(input.subGoalStatuses ?? []).map((s) => [key(s.subGoalId, s.measurementPointId), s.statusId])
	);
	return {
		points: points.map(pointRef),
		rows: (input.subGoals ?? goals.subGoals).map((subGoal) => ({
			subGoalId: subGoal.id,
			text: subGoal.text,
			cells: points.map((point) => {
				const statusId = statuses.get(key(subGoal.id, point.id)) ?? null;
				const index = goals.statuses.findIndex((s) => s.id === statusId);
				return {
					...pointRef(point),
					statusId: index < 0 ? null : statusId,
					statusLabel: index < 0 ? null : goals.statuses[index].label,
					statusPosition: index < 0 ? null : index + 1
				};
			})
		}))
	};
}
