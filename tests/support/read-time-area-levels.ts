/**
 * The test oracle for `cases.area_levels` (migration 016): the area levels per measuring point
 * as the statistics computed them at read time before that column existed (main before
 * `stats-levels`, `cases/case-statistics.ts`), from every current rating of each case. Kept
 * verbatim in its logic (codes per point, area and level in a temporary table, a correlated
 * `group_concat`, the lower median of the counts) so the maintained levels can be compared with it.
 */
import type { DatabaseSync } from 'node:sqlite';
import { statementIndex } from '#lib/domain/cases/plan.ts';
import { areaLevelFromCounts, type StatsCase } from '#lib/domain/privacy/statistics.ts';
import type { Template } from '#lib/domain/template/schemas.ts';

const FIRST_CODE = 0x100;

type Codes = { points: string[]; areas: string[]; maxLevels: number };

function fillCodes(db: DatabaseSync, template: Template): Codes {
	const codes: Codes = {
		points: template.measurementPoints.map((p) => p.id),
		areas: template.areas.map((a) => a.id),
		maxLevels: Math.max(1, ...template.areas.map((a) => a.scale.levels.length))
	};
	db.exec(`CREATE TEMP TABLE IF NOT EXISTS oracle_rating_codes (point_id TEXT NOT NULL,
		statement_id TEXT NOT NULL, level_id TEXT NOT NULL, code TEXT NOT NULL,
		PRIMARY KEY (point_id, statement_id, level_id)) WITHOUT ROWID`);
	const rows: [string, string, string, string][] = [];
	for (const [statementId, info] of statementIndex(template)) {
		if (info.levels.length !== info.area.scale.levels.length) continue;
		const area = codes.areas.indexOf(info.area.id);
		codes.points.forEach((pointId, point) => {
			info.levels.forEach((level, index) => {
				const k = (point * codes.areas.length + area) * codes.maxLevels + index;
				rows.push([pointId, statementId, level.id, String.fromCharCode(FIRST_CODE + k)]);
			});
		});
	}
	db.exec('DELETE FROM temp.oracle_rating_codes');
	db.prepare(
		`INSERT INTO temp.oracle_rating_codes
			SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)`
	).run(JSON.stringify(rows));
	return codes;
}

function levelsOf(ratings: string | null, codes: Codes): StatsCase['levels'] {
	if (!ratings) return [];
	const histogram = new Int32Array(codes.points.length * codes.areas.length * codes.maxLevels);
	for (let i = 0; i < ratings.length; i++) histogram[ratings.charCodeAt(i) - FIRST_CODE]++;
	const levels: { pointId: string; areaId: string; level: number }[] = [];
	const perArea = codes.maxLevels;
	for (let cell = 0; cell * perArea < histogram.length; cell++) {
		const level = areaLevelFromCounts(histogram, cell * perArea, (cell + 1) * perArea);
		if (level === null) continue;
		levels.push({
			pointId: codes.points[Math.floor(cell / codes.areas.length)],
			areaId: codes.areas[cell % codes.areas.length],
			level
		});
	}
	return levels;
}

/** Case id → its levels computed from its ratings, for every case of `publicationId`. */
export function readTimeAreaLevels(
	db: DatabaseSync,
	publicationId: string,
	template: Template
): Map<string, StatsCase['levels']> {
	const codes = fillCodes(db, template);
	const rows = db
		.prepare(
			`SELECT c.id,
				(SELECT group_concat(k.code, '') FROM case_ratings r JOIN temp.oracle_rating_codes k
					ON k.point_id = r.point_id AND k.statement_id = r.statement_id AND k.level_id = r.level_id
					WHERE r.case_id = c.id) AS ratings
			 FROM cases c WHERE c.publication_id = ?`
		)
		.all(publicationId) as { id: string; ratings: string | null }[];
	return new Map(rows.map((r) => [r.id, levelsOf(r.ratings, codes)]));
}
