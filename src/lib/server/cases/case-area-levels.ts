/**
 * Keeps `cases.area_levels` (migration 016) up to date: each case's area level per measuring
 * point, as the team lead's statistics count it (`privacy/area-levels.ts`). Called in the same
 * transaction as every write of a case's ratings (staff, links, carry-over at the start), so the
 * statistics read one short string per case instead of every rating (issue 14's 300 ms over
 * 10,000 cases).
 */
import type { Db } from '../platform/db.ts';
import { encodeAreaLevels, type LevelRating } from '#lib/domain/privacy/area-levels.ts';
import type { Template } from '#lib/domain/template/schemas.ts';

/**
 * Recomputes case `caseId`'s area levels from all its current ratings on `template` (its
 * version's). The whole case, not only the points written: about 80 ratings, well under a
 * millisecond, and nothing to get out of step.
 */
export function refreshAreaLevels(db: Db, caseId: string, template: Template): void {
	const ratings = db
		.prepare(
			`SELECT point_id AS pointId, statement_id AS statementId, level_id AS level
			FROM case_ratings WHERE case_id = ?`
		)
		.all(caseId) as LevelRating[];
	db.prepare('UPDATE cases SET area_levels = ? WHERE id = ?').run(
		encodeAreaLevels(template, ratings),
		caseId
	);
}
