/**
 * The team lead's progression statistics for one version in operation, optionally narrowed to a
 * target group (issue 14): cases by stage, the share of young people who moved up at least one
 * level per area between the first and the last measuring point, the distribution of levels per
 * measuring point and area, and the next steps at the end. Every figure passes the small-group
 * suppression of `suppression.ts`: a hidden figure is `null` ("< 5").
 */
import { MIN_GROUP, shownCells, suppressNarrowed, type Cell, type Row } from './suppression.ts';

export const TARGET_GROUPS = ['uddannelsesparat', 'aktivitetsparat'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** One case as the statistics see it (no names: ids only). */
export type StatsCase = {
	youngPersonId: string;
	targetGroup: TargetGroup | null;
	stage: string;
	/** The next step's kind, for closed cases that have one. */
	nextStep: string | null;
	/** The case's level per area and measuring point, as an index into the area's scale. */
	levels: readonly { pointId: string; areaId: string; level: number }[];
};

/** What the version offers: its points in order, areas with their scale's levels, the kinds. */
export type StatsShape = {
	points: readonly { id: string; label: string }[];
	areas: readonly { id: string; label: string; levels: readonly { id: string; label: string }[] }[];
	stages: readonly string[];
	nextSteps: readonly string[];
};

/** A figure, or null when it is hidden ("< 5"). */
export type Figure = number | null;

export type Statistics = {
	minimum: number;
	youngPeople: Figure;
	casesByStage: { stage: string; cases: Figure }[];
	progression: { areaId: string; youngPeople: Figure; movedUpShare: Figure }[];
	levels: {
		pointId: string;
		areaId: string;
		counts: { levelId: string; youngPeople: Figure }[];
	}[];
	nextSteps: { kind: string; youngPeople: Figure }[];
};

/**
 * The level of an area at a point from all its ratings there (every rater, every chosen
 * statement), as scale indexes: the lower median, so one generous rating does not lift it.
 */
export function areaLevel(indexes: readonly number[]): number | null {
	if (indexes.length === 0) return null;
	const sorted = [...indexes].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

type Table = { rows: Row[]; cells: Map<string, Cell> };

function cell(table: Table, key: string, value: number, basis: Set<string>): Cell {
	const made = { key, value, basis };
	table.cells.set(key, made);
	return made;
}

/**
 * `row` with the people of the table in none of its cells as a last cell that is never shown
 * (suppression rule 2): the total minus the row's shown figures must not give them away.
 */
function withRemainder(key: string, row: Cell[], people: ReadonlySet<string>): Row {
	const placed = new Set<string>();
	for (const c of row) for (const id of c.basis) placed.add(id);
	const rest = new Set<string>();
	for (const id of people) if (!placed.has(id)) rest.add(id);
	return [...row, { key: `rest:${key}`, value: rest.size, basis: rest, isNeverShown: true }];
}

/** Builds every figure of `cases` with its basis; the keys are the same for any set of cases. */
function buildTable(cases: readonly StatsCase[], shape: StatsShape): Table {
	const table: Table = { rows: [], cells: new Map() };
	const people = new Set(cases.map((c) => c.youngPersonId));
	table.rows.push([cell(table, 'people', people.size, people)]);
	table.rows.push(
		shape.stages.map((stage) => {
			const matching = cases.filter((c) => c.stage === stage);
			return cell(table, `stage:${stage}`, matching.length, ids(matching));
		})
	);
	const first = shape.points[0]?.id;
	const last = shape.points.at(-1)?.id;
	for (const area of shape.areas) {
		const measured = cases.filter(
			(c) =>
				first !== last && at(c, first, area.id) !== undefined && at(c, last, area.id) !== undefined
		);
		const moved = measured.filter(
			(c) => (at(c, last, area.id) as number) > (at(c, first, area.id) as number)
		);
		const basis = ids(measured);
		table.rows.push(
			withRemainder(
				`progress:${area.id}`,
				[cell(table, `progress:${area.id}`, measured.length, basis)],
				people
			)
		);
		table.rows.push([
			cell(table, `share:${area.id}`, measured.length ? moved.length / measured.length : 0, basis)
		]);
	}
	for (const point of shape.points) {
		for (const area of shape.areas) {
			const row = area.levels.map((level, index) => {
				const matching = cases.filter((c) => at(c, point.id, area.id) === index);
				return cell(
					table,
					`level:${point.id}:${area.id}:${level.id}`,
					ids(matching).size,
					ids(matching)
				);
			});
			table.rows.push(withRemainder(`level:${point.id}:${area.id}`, row, people));
		}
	}
	const nextSteps = shape.nextSteps.map((kind) => {
		const matching = cases.filter((c) => c.nextStep === kind);
		return cell(table, `next:${kind}`, ids(matching).size, ids(matching));
	});
	table.rows.push(withRemainder('next', nextSteps, people));
	return table;
}

function ids(cases: readonly StatsCase[]): Set<string> {
	return new Set(cases.map((c) => c.youngPersonId));
}

/** Each case's levels by `point area`, built once: the tables look them up many times. */
const levelCache = new WeakMap<StatsCase, Map<string, number>>();

function at(c: StatsCase, pointId: string | undefined, areaId: string): number | undefined {
	let byKey = levelCache.get(c);
	if (!byKey) {
		byKey = new Map(c.levels.map((l) => [`${l.pointId} ${l.areaId}`, l.level]));
		levelCache.set(c, byKey);
	}
	return byKey.get(`${pointId} ${areaId}`);
}

/**
 * The statistics of `cases` (all cases of one version, oldest first), narrowed to `targetGroup`
 * when given (a young person counts in the target group of their last case),
 * with every figure from fewer than `MIN_GROUP` young people hidden, also against subtraction
 * from the unnarrowed answer.
 */
export function computeStatistics(
	cases: readonly StatsCase[],
	shape: StatsShape,
	targetGroup: TargetGroup | null = null
): Statistics {
	let table: Table;
	let shown: Set<string>;
	if (targetGroup === null) {
		table = buildTable(cases, shape);
		shown = shownCells(table.rows);
	} else {
		// A young person belongs to one part only (the target group of their last case), so the
		// parts never share anyone and subtracting one from another counts whole people.
		const groupOf = new Map(cases.map((c) => [c.youngPersonId, c.targetGroup]));
		const groups = [...TARGET_GROUPS, null];
		const parts = groups.map((g) =>
			buildTable(
				cases.filter((c) => groupOf.get(c.youngPersonId) === g),
				shape
			)
		);
		const own = groups.indexOf(targetGroup);
		table = parts[own];
		shown = suppressNarrowed(
			parts.map((p) => p.rows),
			own
		);
	}
	const figure = (key: string): Figure =>
		shown.has(key) ? (table.cells.get(key)?.value ?? null) : null;
	return {
		minimum: MIN_GROUP,
		youngPeople: figure('people'),
		casesByStage: shape.stages.map((stage) => ({ stage, cases: figure(`stage:${stage}`) })),
		progression: shape.areas.map((area) => ({
			areaId: area.id,
			youngPeople: figure(`progress:${area.id}`),
			movedUpShare: figure(`share:${area.id}`)
		})),
		levels: shape.points.flatMap((point) =>
			shape.areas.map((area) => ({
				pointId: point.id,
				areaId: area.id,
				counts: area.levels.map((level) => ({
					levelId: level.id,
					youngPeople: figure(`level:${point.id}:${area.id}:${level.id}`)
				}))
			}))
		),
		nextSteps: shape.nextSteps.map((kind) => ({ kind, youngPeople: figure(`next:${kind}`) }))
	};
}
