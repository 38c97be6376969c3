/**
 * Named operations on the rating plan: whether a rater rates an area at a measurement point. Each
 * decided cell is one key of the plan's map (`planCellKey`), so two people deciding different
 * cells at once both keep their decision, and a row or column ("alle" / "ingen") is one
 * transaction of several keys. A cell the plan does not name rates.
 */
import type { z } from 'zod';
import {
	setRatingPlanCellInputFor,
	setRatingPlanCellsInputFor,
	type setRatingPlanCellInputSchema,
	type setRatingPlanCellsInputSchema
} from '#lib/domain/template/inputs.ts';
import { planCellKey, templateRoots } from './template-doc.ts';
import { parseInput, transact, type TemplateContext } from './template-input.ts';
import { readTemplate } from './template-read.ts';

export type SetRatingPlanCellInput = z.input<typeof setRatingPlanCellInputSchema>;
export type SetRatingPlanCellsInput = z.input<typeof setRatingPlanCellsInputSchema>;

/** Stores `rates` for each cell whose stored decision differs; one transaction. */
function decide(ctx: TemplateContext, keys: readonly string[], rates: boolean): void {
	const plan = templateRoots(ctx.doc).ratingPlan;
	const changed = keys.filter((key) => plan.get(key) !== rates);
	if (changed.length === 0) return;
	transact(ctx, () => {
		for (const key of changed) plan.set(key, rates);
	});
}

/**
 * Says whether a rater rates an area at a measurement point.
 * @throws ValidationError when the point, rater or area is not in the template (removed).
 */
export function setRatingPlanCell(ctx: TemplateContext, input: SetRatingPlanCellInput): void {
	const cell = parseInput(setRatingPlanCellInputFor(readTemplate(ctx.doc)), input);
	decide(ctx, [planCellKey(cell)], cell.rates);
}

/**
 * Decides several cells alike in one step, e.g. a whole row or column of the plan.
 * @throws ValidationError when a cell names a point, rater or area the template does not have.
 */
export function setRatingPlanCells(ctx: TemplateContext, input: SetRatingPlanCellsInput): void {
	const { cells, rates } = parseInput(setRatingPlanCellsInputFor(readTemplate(ctx.doc)), input);
	decide(ctx, cells.map(planCellKey), rates);
}
