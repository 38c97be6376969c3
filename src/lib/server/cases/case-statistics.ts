/**
 * The case data behind the team lead's statistics (issue 14): every case of one version as
 * `StatsCase` (ids, stage, target group, next step, the area level per measuring point), read in
 * two queries. Case tables are read only inside this module; what leaves it names no person
 * (`privacy/statistics.ts` turns it into figures of five and more young people).
 */
import { getDb } from '../platform/db.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { ForbiddenError } from '#lib/domain/errors.ts';
import { caseStage } from '#lib/domain/cases/schedule.ts';
import { statementIndex } from '#lib/domain/cases/plan.ts';
import { areaLevel, type StatsCase, type TargetGroup } from '#lib/domain/privacy/statistics.ts';
import type { Template } from '#lib/domain/template/schemas.ts';

type CaseRow = {
	id: string;
	young_person_id: string;
	target_group: TargetGroup | null;
	start_date: string;
	end_date: string;
	closed_at: number | null;
	next_step_kind: string | null;
};
type RatingRow = { case_id: string; point_id: string; statement_id: string; level_id: string };

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
	// One connection, read synchronously: the two reads see the same data.
	const rows = db
		.prepare(
			`SELECT id, young_person_id, target_group, start_date, end_date, closed_at, next_step_kind
				 FROM cases WHERE publication_id = ? AND org_id = ? ORDER BY start_date, created_at, id`
		)
		.all(publicationId, orgId) as CaseRow[];
	const ratings = db
		.prepare(
			`SELECT r.case_id, r.point_id, r.statement_id, r.level_id FROM case_ratings r
				 JOIN cases c ON c.id = r.case_id
				 WHERE c.publication_id = ? AND c.org_id = ? AND r.level_id IS NOT NULL`
		)
		.all(publicationId, orgId) as RatingRow[];
	const index = statementIndex(template);
	// case → "point area" → the level indexes rated there.
	const rated = new Map<string, Map<string, number[]>>();
	for (const r of ratings) {
		const info = index.get(r.statement_id);
		if (!info || info.levels.length !== info.area.scale.levels.length) continue;
		const level = info.levels.findIndex((l) => l.id === r.level_id);
		if (level < 0) continue;
		let byKey = rated.get(r.case_id);
		if (!byKey) rated.set(r.case_id, (byKey = new Map<string, number[]>()));
		const key = `${r.point_id}\u0000${info.area.id}`;
		byKey.set(key, [...(byKey.get(key) ?? []), level]);
	}
	return rows.map((row) => ({
		youngPersonId: row.young_person_id,
		targetGroup: row.target_group,
		stage: caseStage({ start: row.start_date, end: row.end_date, closedAt: row.closed_at }, today),
		nextStep: row.closed_at !== null ? row.next_step_kind : null,
		levels: [...(rated.get(row.id) ?? new Map<string, number[]>())].map(([key, indexes]) => {
			const [pointId, areaId] = key.split('\u0000');
			return { pointId, areaId, level: areaLevel(indexes) as number };
		})
	}));
}
