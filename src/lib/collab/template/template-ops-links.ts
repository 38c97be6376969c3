/**
 * What removing an item does to the parts that refer to it: a removed rater, point or area leaves
 * the rating plan's cells that name it, a removed rater no longer signs as a rater, a removed point
 * is no longer followed by the sub-goals, and a removed statement is no longer linked to a
 * sub-goal. The removing operation calls these in its own transaction, so one undo brings the item
 * back together with everything that referred to it. Call inside a transaction.
 */
import * as Y from 'yjs';
import { FIELD, templateRoots } from './template-doc.ts';

type Roots = ReturnType<typeof templateRoots>;

/** Which part of a plan cell key names the item: point, rater or area. */
const CELL_PART = { measurementPoint: 0, rater: 1, area: 2 } as const;

/** Deletes the rating plan's cells that name `id` as their point, rater or area. */
export function forgetPlanCells(
	roots: Roots,
	kind: keyof typeof CELL_PART,
	ids: ReadonlySet<string>
): void {
	const part = CELL_PART[kind];
	for (const key of [...roots.ratingPlan.keys()]) {
		if (ids.has(key.split('.')[part] ?? '')) roots.ratingPlan.delete(key);
	}
}

/** Unlinks a removed rater from the signers who were that rater (they still sign, by role). */
export function forgetRater(roots: Roots, raterId: string): void {
	forgetPlanCells(roots, 'rater', new Set([raterId]));
	roots.signingRaters.delete(raterId);
	roots.signerList.forEach((value) => {
		if (value instanceof Y.Map && value.get(FIELD.raterId) === raterId) {
			value.set(FIELD.raterId, null);
		}
	});
}

/** Forgets a removed measurement point in the plan and in the points the goals follow. */
export function forgetMeasurementPoint(roots: Roots, pointId: string): void {
	forgetPlanCells(roots, 'measurementPoint', new Set([pointId]));
	roots.goalPoints.delete(pointId);
}

/** Unlinks removed statements from every sub-goal. */
export function forgetStatements(roots: Roots, statementIds: ReadonlySet<string>): void {
	roots.subGoals.forEach((value) => {
		if (!(value instanceof Y.Map)) return;
		const links: unknown = value.get(FIELD.statementIds);
		if (!(links instanceof Y.Map)) return;
		for (const id of statementIds) if (links.has(id)) links.delete(id);
	});
}
