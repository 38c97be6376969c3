/**
 * The stored form of a case's area levels (`cases.area_levels`): for any ratings on the pleje
 * starter (two statements with a 3-level scale of their own in a 5-level area), the levels read
 * back are the lower median (`areaLevel`) per point and area of the ratings on the area's scale;
 * "ikke vurderet", unknown points and levels, and the own-scale statements are left out.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { statementIndex } from '#lib/domain/cases/plan.ts';
import { areaLevel } from '#lib/domain/privacy/statistics.ts';
import {
	decodeAreaLevels,
	encodeAreaLevels,
	type LevelRating
} from '#lib/domain/privacy/area-levels.ts';

const template = starterToTemplate(getStarter('pleje')!);
const index = statementIndex(template);
const points = [...template.measurementPoints.map((p) => p.id), 'unknown-point'];
const statements = [...index.keys()];

/** The levels as the statistics define them, from the ratings one by one. */
function expected(ratings: readonly LevelRating[]) {
	return template.measurementPoints.flatMap((point) =>
		template.areas.flatMap((area) => {
			const indexes = ratings.flatMap((r) => {
				const info = index.get(r.statementId)!;
				if (r.pointId !== point.id || info.area.id !== area.id) return [];
				if (info.levels.length !== area.scale.levels.length) return [];
				const at = info.levels.findIndex((l) => l.id === r.level);
				return at < 0 ? [] : [at];
			});
			const level = areaLevel(indexes);
			return level === null ? [] : [{ pointId: point.id, areaId: area.id, level }];
		})
	);
}

const rating = fc
	.record({
		pointId: fc.constantFrom(...points),
		statementId: fc.constantFrom(...statements),
		pick: fc.integer({ min: -1, max: 5 })
	})
	.map(({ pointId, statementId, pick }) => {
		const levels = index.get(statementId)!.levels;
		// -1: "ikke vurderet"; past the scale: a level id the version does not know.
		const level = pick < 0 ? null : (levels[pick]?.id ?? `unknown-${pick}`);
		return { pointId, statementId, level };
	});

describe('encodeAreaLevels / decodeAreaLevels', () => {
	it('give the lower median per point and area on the area’s scale', () => {
		fc.assert(
			fc.property(fc.array(rating, { maxLength: 120 }), (ratings) => {
				const text = encodeAreaLevels(template, ratings);
				expect(decodeAreaLevels(template, text)).toEqual(expected(ratings));
				const cells = template.measurementPoints.length * template.areas.length;
				expect(text === '' || text.length === cells).toBe(true);
			})
		);
	});

	it('store nothing for a case without a level, and leave own scales of another length out', () => {
		expect(encodeAreaLevels(template, [])).toBe('');
		const ownScale = statements.find((s) => {
			const info = index.get(s)!;
			return info.levels.length !== info.area.scale.levels.length;
		})!;
		const level = index.get(ownScale)!.levels[0].id;
		const pointId = template.measurementPoints[0].id;
		expect(encodeAreaLevels(template, [{ pointId, statementId: ownScale, level }])).toBe('');
		expect(decodeAreaLevels(template, '')).toEqual([]);
	});
});
