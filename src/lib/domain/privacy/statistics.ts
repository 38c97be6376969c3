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

/**
 * `areaLevel` from how many ratings gave each level: `counts[i]` ratings at scale index `i`.
 * The same lower median without a list of every rating (the statistics' cases are read so).
 */
export function areaLevelFromCounts(counts: ArrayLike<number>, from = 0, to = counts.length) {
	let total = 0;
	for (let i = from; i < to; i++) total += counts[i];
	if (total === 0) return null;
	const median = Math.floor((total - 1) / 2);
	for (let i = from, seen = 0; i < to; i++) {
		seen += counts[i];
		if (seen > median) return i - from;
	}
	return null;
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
	// Looked up in the row's cells, not collected into a set of the placed: cheaper for 10,000.
	const rest = new Set<string>();
	for (const id of people) if (!row.some((c) => c.basis.has(id))) rest.add(id);
	return [...row, { key: `rest:${key}`, value: rest.size, basis: rest, isNeverShown: true }];
}

/** Whom a figure counts, and for the stages and the progression how many cases. */
type Tally = { cases: number; people: Set<string> };
const tally = (): Tally => ({ cases: 0, people: new Set() });

/**
 * Builds every figure of `cases` with its basis; the keys are the same for any set of cases.
 * One pass over the cases (issue 14's 10,000 cases: a pass per figure took most of the time).
 */
function buildTable(cases: readonly StatsCase[], shape: StatsShape): Table {
	const areaAt = new Map(shape.areas.map((area, i) => [area.id, i]));
	const pointAt = new Map(shape.points.map((point, i) => [point.id, i]));
	const areas = shape.areas.length;
	const last = shape.points.length - 1;
	// The progression compares the first and the last point: none with fewer than two.
	const compares = last > 0;
	const people = new Set<string>();
	const stages = new Map(shape.stages.map((stage) => [stage, tally()]));
	const measured = shape.areas.map(() => ({ ...tally(), movedUp: 0 }));
	const levels = shape.points.map(() =>
		shape.areas.map((area) => area.levels.map(() => new Set<string>()))
	);
	const nextSteps = new Map(shape.nextSteps.map((kind) => [kind, new Set<string>()]));
	const grid = new Int32Array(shape.points.length * areas);
	for (const c of cases) {
		const person = c.youngPersonId;
		people.add(person);
		const stage = stages.get(c.stage);
		if (stage) {
			stage.cases++;
			stage.people.add(person);
		}
		if (c.nextStep !== null) nextSteps.get(c.nextStep)?.add(person);
		// The case's level per point and area (the last given, should one be given twice; -1:
		// none), in one array reused for every case.
		grid.fill(-1);
		for (const l of c.levels) {
			const point = pointAt.get(l.pointId);
			const area = areaAt.get(l.areaId);
			if (point !== undefined && area !== undefined) grid[point * areas + area] = l.level;
		}
		for (let key = 0; key < grid.length; key++) {
			if (grid[key] >= 0) levels[Math.floor(key / areas)][key % areas][grid[key]]?.add(person);
		}
		if (!compares) continue;
		for (let area = 0; area < areas; area++) {
			const from = grid[area];
			const to = grid[last * areas + area];
			if (from < 0 || to < 0) continue;
			measured[area].cases++;
			measured[area].people.add(person);
			if (to > from) measured[area].movedUp++;
		}
	}
	const table: Table = { rows: [], cells: new Map() };
	table.rows.push([cell(table, 'people', people.size, people)]);
	table.rows.push(
		shape.stages.map((stage) => {
			const { cases: count, people: basis } = stages.get(stage)!;
			return cell(table, `stage:${stage}`, count, basis);
		})
	);
	shape.areas.forEach((area, i) => {
		const { cases: count, people: basis, movedUp } = measured[i];
		const progress = cell(table, `progress:${area.id}`, count, basis);
		table.rows.push(withRemainder(`progress:${area.id}`, [progress], people));
		table.rows.push([cell(table, `share:${area.id}`, count ? movedUp / count : 0, basis)]);
	});
	shape.points.forEach((point, p) => {
		shape.areas.forEach((area, a) => {
			const row = area.levels.map((level, index) => {
				const basis = levels[p][a][index];
				return cell(table, `level:${point.id}:${area.id}:${level.id}`, basis.size, basis);
			});
			table.rows.push(withRemainder(`level:${point.id}:${area.id}`, row, people));
		});
	});
	const next = shape.nextSteps.map((kind) => {
		const basis = nextSteps.get(kind)!;
		return cell(table, `next:${kind}`, basis.size, basis);
	});
	table.rows.push(withRemainder('next', next, people));
	return table;
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
