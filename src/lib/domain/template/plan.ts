/**
 * Reading the rating plan and the goal points of a template: who rates which area at which
 * measurement point, and where the sub-goals are followed. Entries that name a removed rater,
 * point or area are ignored here (and listed by `validateTemplate`).
 */
import type { RatingPlan, RatingPlanEntry } from './plan-schemas.ts';
import type { Template } from './schemas.ts';

/** One cell of the plan: a rater at a measurement point for an area. */
export type PlanCell = Omit<RatingPlanEntry, 'rates'>;

function cellKey(cell: PlanCell): string {
	return `${cell.measurementPointId}\u0000${cell.raterId}\u0000${cell.areaId}`;
}

/**
 * A lookup of `plan`: whether a cell rates. Cells the plan does not name rate; when the plan
 * names a cell twice, the later entry counts.
 */
export function ratingPlanLookup(plan: RatingPlan): (cell: PlanCell) => boolean {
	const decided = new Map<string, boolean>();
	for (const entry of plan) decided.set(cellKey(entry), entry.rates);
	return (cell) => decided.get(cellKey(cell)) ?? true;
}

type PlanParts = Pick<Template, 'measurementPoints' | 'raters' | 'areas' | 'ratingPlan'>;

/** Every cell of `template`, rated or not, in measurement point, rater and area order. */
export function allPlanCells(
	template: Pick<Template, 'measurementPoints' | 'raters' | 'areas'>
): PlanCell[] {
	return template.measurementPoints.flatMap((point) =>
		template.raters.flatMap((rater) =>
			template.areas.map((area) => ({
				measurementPointId: point.id,
				raterId: rater.id,
				areaId: area.id
			}))
		)
	);
}

/** Every cell of `template` that rates, in measurement point, rater and area order. */
export function plannedCells(template: PlanParts): PlanCell[] {
	return allPlanCells(template).filter(ratingPlanLookup(template.ratingPlan));
}

/**
 * The plan that says, for every cell of `template`, what `rates` says: the cells that do not rate
 * are listed (the rest rate by default). Used to turn a starter's rules into a plan.
 */
export function ratingPlanFrom(
	template: Pick<Template, 'measurementPoints' | 'raters' | 'areas'>,
	rates: (cell: PlanCell) => boolean
): RatingPlan {
	return allPlanCells(template)
		.filter((cell) => !rates(cell))
		.map((cell) => ({ ...cell, rates: false }));
}

/** What a plan entry names that the template no longer has (empty when it is current). */
export function missingPlanItems(
	template: PlanParts,
	entry: PlanCell
): ('measurementPoint' | 'rater' | 'area')[] {
	const missing: ('measurementPoint' | 'rater' | 'area')[] = [];
	if (!template.measurementPoints.some((p) => p.id === entry.measurementPointId)) {
		missing.push('measurementPoint');
	}
	if (!template.raters.some((r) => r.id === entry.raterId)) missing.push('rater');
	if (!template.areas.some((a) => a.id === entry.areaId)) missing.push('area');
	return missing;
}

/** The measurement points (in template order) at which the sub-goals are followed. */
export function goalPoints(
	template: Pick<Template, 'measurementPoints' | 'goals'>
): Template['measurementPoints'] {
	const chosen = new Set(template.goals.measurementPointIds);
	return template.measurementPoints.filter((point) => chosen.has(point.id));
}
