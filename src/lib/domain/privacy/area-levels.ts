/**
 * A case's area level per measuring point, as the statistics count it (issue 14), and its
 * compact stored form (`cases.area_levels`, migration 016).
 *
 * The level of an area at a point is the lower median (`areaLevelFromCounts`) of every rating
 * there on the area's scale: a statement whose own scale has another length than its area's is
 * left out, as its levels do not line up with the area's; so are ratings of no level ("ikke
 * vurderet") and ratings of points or levels the version does not know.
 *
 * Stored form: one character per (point, area) in the version's order (points outer, areas
 * inner), the level's index on the area's scale as a digit (scales have at most 10 levels) or
 * `-` for none; the empty string when the case has no level at all. A version never changes
 * (migration 011), so the positions of a case's string keep their meaning. Migration 016's
 * backfill writes the same string in SQL; `tests/integration/case-area-levels.test.ts` keeps
 * the two and the former read-time computation in step.
 */
import { statementIndex } from '../cases/plan.ts';
import type { Template } from '../template/schemas.ts';
import { areaLevelFromCounts, type StatsCase } from './statistics.ts';

/** The stored character of a (point, area) without a level. */
export const NO_AREA_LEVEL = '-';
const ZERO = '0'.charCodeAt(0);

/** One current rating, as `case_ratings` holds it (`level` null: "ikke vurderet"). */
export type LevelRating = { pointId: string; statementId: string; level: string | null };

type Grid = {
	points: Map<string, number>;
	areas: number;
	size: number;
	/** statement id → level id → (area index, level index on the area's scale). */
	levels: Map<string, Map<string, { area: number; index: number }>>;
};

// Versions never change, so a template's grid is worked out once per parsed template.
const grids = new WeakMap<Template, Grid>();

function gridOf(template: Template): Grid {
	const known = grids.get(template);
	if (known) return known;
	const areaAt = new Map(template.areas.map((a, i) => [a.id, i]));
	const size = Math.max(1, ...template.areas.map((a) => a.scale.levels.length));
	const levels: Grid['levels'] = new Map();
	for (const [statementId, info] of statementIndex(template)) {
		if (info.levels.length !== info.area.scale.levels.length) continue;
		const area = areaAt.get(info.area.id) ?? 0;
		levels.set(statementId, new Map(info.levels.map((l, index) => [l.id, { area, index }])));
	}
	const grid: Grid = {
		points: new Map(template.measurementPoints.map((p, i) => [p.id, i])),
		areas: template.areas.length,
		size,
		levels
	};
	grids.set(template, grid);
	return grid;
}

/** The stored form of a case's area levels on `template`, from all its current ratings. */
export function encodeAreaLevels(template: Template, ratings: readonly LevelRating[]): string {
	const grid = gridOf(template);
	const cells = grid.points.size * grid.areas;
	const histogram = new Int32Array(cells * grid.size);
	for (const r of ratings) {
		const point = grid.points.get(r.pointId);
		const level = r.level === null ? undefined : grid.levels.get(r.statementId)?.get(r.level);
		if (point === undefined || level === undefined) continue;
		histogram[(point * grid.areas + level.area) * grid.size + level.index]++;
	}
	let text = '';
	let any = false;
	for (let cell = 0; cell < cells; cell++) {
		const level = areaLevelFromCounts(histogram, cell * grid.size, (cell + 1) * grid.size);
		any ||= level !== null;
		text += level === null ? NO_AREA_LEVEL : String.fromCharCode(ZERO + level);
	}
	return any ? text : '';
}

/** A case's levels as the statistics take them, from the stored form on `template`. */
export function decodeAreaLevels(template: Template, text: string): StatsCase['levels'] {
	const levels: { pointId: string; areaId: string; level: number }[] = [];
	const areas = template.areas.length;
	const cells = Math.min(text.length, template.measurementPoints.length * areas);
	for (let cell = 0; cell < cells; cell++) {
		const level = text.charCodeAt(cell) - ZERO;
		if (level < 0 || level > 9) continue;
		levels.push({
			pointId: template.measurementPoints[Math.floor(cell / areas)].id,
			areaId: template.areas[cell % areas].id,
			level
		});
	}
	return levels;
}
