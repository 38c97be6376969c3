/**
 * The version's rating plan applied to one case: who rates which of the chosen statements at which
 * measurement point, and whether a rating fits that plan (a rater named for the point and area, a
 * level on the statement's scale).
 */
import { plannedCells } from '../template/plan.ts';
import {
	effectiveScale,
	type CompetenceArea,
	type Level,
	type Statement,
	type Template
} from '../template/schemas.ts';

/** Who rates which statements at a point. */
export type CasePlanCell = { pointId: string; raterId: string; statementIds: string[] };

/** A statement with its area and the scale that applies to it. */
export type StatementInfo = { area: CompetenceArea; statement: Statement; levels: Level[] };

/** Every statement of `template` by id. */
export function statementIndex(template: Template): Map<string, StatementInfo> {
	const index = new Map<string, StatementInfo>();
	for (const area of template.areas) {
		for (const statement of area.statements) {
			index.set(statement.id, {
				area,
				statement,
				levels: effectiveScale(area, statement).levels
			});
		}
	}
	return index;
}

/**
 * The plan for a case: per measurement point and rater (template order), the chosen statements
 * of the areas the rater rates there, in template order. Cells without a chosen statement are
 * left out.
 */
export function casePlan(template: Template, statementIds: readonly string[]): CasePlanCell[] {
	const chosen = new Set(statementIds);
	const cells = new Map<string, CasePlanCell>();
	for (const cell of plannedCells(template)) {
		const area = template.areas.find((a) => a.id === cell.areaId);
		const ids = (area?.statements ?? []).map((s) => s.id).filter((id) => chosen.has(id));
		if (ids.length === 0) continue;
		const key = `${cell.measurementPointId}\u0000${cell.raterId}`;
		const existing = cells.get(key);
		if (existing) existing.statementIds.push(...ids);
		else {
			cells.set(key, {
				pointId: cell.measurementPointId,
				raterId: cell.raterId,
				statementIds: ids
			});
		}
	}
	return [...cells.values()];
}

/** The statements `raterId` rates at `pointId` under `plan` (empty when none). */
export function statementsToRate(
	plan: readonly CasePlanCell[],
	pointId: string,
	raterId: string
): string[] {
	return plan.find((c) => c.pointId === pointId && c.raterId === raterId)?.statementIds ?? [];
}

/**
 * Why a rating does not fit the case's plan, as an i18n key, or null when it fits: the point and
 * rater must exist, the statement must be chosen for the case, the plan must name the rater for
 * the statement's area at that point, and the level must be on the statement's scale (or null).
 */
export function ratingRefusal(
	template: Template,
	plan: readonly CasePlanCell[],
	rating: { pointId: string; raterId: string; statementId: string; level: string | null }
): string | null {
	if (!template.measurementPoints.some((p) => p.id === rating.pointId)) {
		return 'cases.rating.unknownPoint';
	}
	if (!template.raters.some((r) => r.id === rating.raterId)) return 'cases.rating.unknownRater';
	const info = statementIndex(template).get(rating.statementId);
	if (!info || !plan.some((c) => c.statementIds.includes(rating.statementId))) {
		return 'cases.rating.statementNotChosen';
	}
	if (!statementsToRate(plan, rating.pointId, rating.raterId).includes(rating.statementId)) {
		return 'cases.rating.notPlanned';
	}
	if (rating.level !== null && !info.levels.some((l) => l.id === rating.level)) {
		return 'cases.rating.levelOutsideScale';
	}
	return null;
}

/** The statements of `template` that exist, from `ids`, in template order, without repeats. */
export function knownStatementIds(template: Template, ids: readonly string[]): string[] {
	const wanted = new Set(ids);
	return template.areas
		.flatMap((a) => a.statements.map((s) => s.id))
		.filter((id) => wanted.has(id));
}
