/**
 * The case data behind the team lead's statistics (issue 14): every case of one version as
 * `StatsCase` (ids, stage, target group, next step, the area level per measuring point), read in
 * one query. Case tables are read only inside this module; what leaves it names no person
 * (`privacy/statistics.ts` turns it into figures of five and more young people).
 *
 * Speed (issue 14: p95 ≤ 300 ms over 10,000 cases, about 800,000 ratings): the area levels are
 * not worked out from the ratings here but kept up to date whenever a rating is written
 * (`case-area-levels.ts`, `cases.area_levels`), so this reads one short row per case.
 */
import { getDb } from '../platform/db.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { ForbiddenError } from '#lib/domain/errors.ts';
import { caseStage } from '#lib/domain/cases/schedule.ts';
import { decodeAreaLevels } from '#lib/domain/privacy/area-levels.ts';
import type { StatsCase, TargetGroup } from '#lib/domain/privacy/statistics.ts';
import type { Template } from '#lib/domain/template/schemas.ts';

type CaseRow = [
	youngPersonId: string,
	targetGroup: TargetGroup | null,
	start: string,
	end: string,
	closedAt: number | null,
	nextStep: string | null,
	areaLevels: string
];

/**
 * The cases of version `publicationId` (of organisation `orgId`), oldest first, as the statistics
 * see them on `today`; `template` is the version's. A rating counts on its area's scale; a
 * statement with a scale of its own of another length is left out, as its levels do not line up
 * with the area's (`privacy/area-levels.ts`).
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
	const query = getDb().prepare(
		`SELECT young_person_id, target_group, start_date, end_date, closed_at, next_step_kind,
			area_levels
		 FROM cases WHERE publication_id = ? AND org_id = ?
		 ORDER BY start_date, created_at, id`
	);
	query.setReturnArrays(true);
	const rows = query.all(publicationId, orgId) as unknown as CaseRow[];
	return rows.map(([youngPersonId, targetGroup, start, end, closedAt, nextStep, areaLevels]) => ({
		youngPersonId,
		targetGroup,
		stage: caseStage({ start, end, closedAt }, today),
		nextStep: closedAt !== null ? nextStep : null,
		levels: decodeAreaLevels(template, areaLevels)
	}));
}
