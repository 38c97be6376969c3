/**
 * The case data behind the team lead's statistics (issue 14): every case of one version as
 * `StatsCase` (ids, stage, target group, next step, the area level per measuring point), read in
 * one query. Case tables are read only inside this module; what leaves it names no person
 * (`privacy/statistics.ts` turns it into figures of five and more young people).
 *
 * Speed (issue 14: p95 ≤ 300 ms over 10,000 cases, about 800,000 ratings): handing each rating
 * to JavaScript as a row cost several seconds, so SQLite does the per-rating work. A temporary
 * table gives each (point, statement, level) the version counts one character, the level's
 * index on its area's scale and the area encoded in it; each case row carries its ratings as
 * one string of those characters (a correlated `group_concat`, so no sort), which is counted
 * into a histogram per point and area without building a string or an object per rating.
 */
import { getDb, type Db } from '../platform/db.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { ForbiddenError } from '#lib/domain/errors.ts';
import { caseStage } from '#lib/domain/cases/schedule.ts';
import { statementIndex } from '#lib/domain/cases/plan.ts';
import {
	areaLevelFromCounts,
	type StatsCase,
	type TargetGroup
} from '#lib/domain/privacy/statistics.ts';
import type { Template } from '#lib/domain/template/schemas.ts';

type CaseRow = [
	youngPersonId: string,
	targetGroup: TargetGroup | null,
	start: string,
	end: string,
	closedAt: number | null,
	nextStep: string | null,
	ratings: string | null
];

/** Characters from here on code (point, area, level): clear of controls, below surrogates. */
const FIRST_CODE = 0x100;
const LAST_CODE = 0xd7ff;

/** The (point, area, level) each code stands for, as indexes into the template's lists. */
type Codes = { points: string[]; areas: string[]; maxLevels: number };

/**
 * Fills the connection's temporary table `stats_rating_codes` with the code of every rating the
 * statistics count on `template`: a level of a statement on its area's scale, at one of its
 * points. A statement with a scale of its own of another length is left out, as its levels do
 * not line up with the area's; so are ratings of no level ("ikke vurderet").
 */
function fillCodes(db: Db, template: Template): Codes {
	const codes: Codes = {
		points: template.measurementPoints.map((p) => p.id),
		areas: template.areas.map((a) => a.id),
		maxLevels: Math.max(1, ...template.areas.map((a) => a.scale.levels.length))
	};
	if (FIRST_CODE + codes.points.length * codes.areas.length * codes.maxLevels > LAST_CODE) {
		throw new Error('statistics: too many points, areas and levels to code');
	}
	db.exec(`CREATE TEMP TABLE IF NOT EXISTS stats_rating_codes (point_id TEXT NOT NULL,
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
	// One statement each (no transaction needed): the temporary table is this connection's own.
	db.exec('DELETE FROM temp.stats_rating_codes');
	db.prepare(
		`INSERT INTO temp.stats_rating_codes
			SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)`
	).run(JSON.stringify(rows));
	return codes;
}

/** A case's levels from its ratings' codes: per point and area, the `areaLevel` of its ratings. */
function levelsOf(
	ratings: string | null,
	codes: Codes,
	histogram: Int32Array
): StatsCase['levels'] {
	if (!ratings) return [];
	histogram.fill(0);
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

/**
 * The cases of version `publicationId` (of organisation `orgId`), oldest first, as the statistics
 * see them on `today`. A rating counts on its area's scale; a statement with a scale of its own
 * of another length is left out, as its levels do not line up with the area's.
 * @throws ForbiddenError unless `actor` may read the organisation's statistics.
 */
export function statisticsCases(
	actor: Actor,
	orgId: string,
	publicationId: string,
	template: Template,
	today: string
): StatsCase[] {
	if (!can(actor, 'read-statistics', { type: 'org', id: orgId })) {
		throw new ForbiddenError('statistics.forbidden');
	}
	const db = getDb();
	const codes = fillCodes(db, template);
	// One statement, so it reads one state of the data.
	const query = db.prepare(
		`SELECT c.young_person_id, c.target_group, c.start_date, c.end_date, c.closed_at,
			c.next_step_kind,
			(SELECT group_concat(k.code, '') FROM case_ratings r JOIN temp.stats_rating_codes k
				ON k.point_id = r.point_id AND k.statement_id = r.statement_id AND k.level_id = r.level_id
				WHERE r.case_id = c.id) AS ratings
		 FROM cases c WHERE c.publication_id = ? AND c.org_id = ?
		 ORDER BY c.start_date, c.created_at, c.id`
	);
	query.setReturnArrays(true);
	const rows = query.all(publicationId, orgId) as unknown as CaseRow[];
	const histogram = new Int32Array(codes.points.length * codes.areas.length * codes.maxLevels);
	return rows.map(([youngPersonId, targetGroup, start, end, closedAt, nextStep, ratings]) => ({
		youngPersonId,
		targetGroup,
		stage: caseStage({ start, end, closedAt }, today),
		nextStep: closedAt !== null ? nextStep : null,
		levels: levelsOf(ratings, codes, histogram)
	}));
}
