/**
 * Input schemas of the operations that will edit the template's second-pass parts (categories,
 * CV phrases, timings, rating plan, signers, goals, progression measures). Each refuses bad input
 * with a Danish message key: a timing of 0 or 500 weeks, a CV phrase over the limit, an unknown
 * category. The `…For(template)` variants also refuse references to items the template does not
 * have, such as a sub-goal linked to a statement of another template or a plan cell naming a
 * removed rater.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import { MAX_AREAS, MAX_MEASUREMENT_POINTS, MAX_RATERS } from '../limits.ts';
import { templateItemIdSchema } from './ids.ts';
import { missingPlanItems } from './plan.ts';
import {
	areaCategorySchema,
	cvPhraseSchema,
	progressionMeasuresSchema,
	ratingPlanEntrySchema,
	subGoalTextSchema,
	timingSchema
} from './plan-schemas.ts';
import { richTextInputSchema } from './rich-text.ts';
import type { Template } from './schemas.ts';
import { labelSchema, levelLabelSchema } from './text-schemas.ts';

/** Optional position in a list (0 = first) and id for a new item, as the list operations take. */
const placement = () => ({
	index: z.number({ error: 'template.input.invalidIndex' }).int().min(0).optional(),
	id: templateItemIdSchema.optional()
});

export const setAreaCategoryInputSchema = lazySchema(() =>
	z.object({
		areaId: templateItemIdSchema,
		category: areaCategorySchema
	})
);

export const setCvPhraseInputSchema = lazySchema(() =>
	z.object({
		statementId: templateItemIdSchema,
		cvPhrase: cvPhraseSchema
	})
);

/** A point's timing; null clears it. */
export const setTimingInputSchema = lazySchema(() =>
	z.object({
		measurementPointId: templateItemIdSchema,
		timing: timingSchema.nullable()
	})
);

/** One cell of the rating plan: whether the rater rates the area at the point. */
export const setRatingPlanCellInputSchema = ratingPlanEntrySchema;

/** Several cells set alike at once: a row or column of the plan ("alle" / "ingen"). */
export const setRatingPlanCellsInputSchema = lazySchema(() =>
	z.object({
		cells: z
			.array(ratingPlanEntrySchema.omit({ rates: true }))
			.min(1, { error: 'template.input.invalid' })
			.max(MAX_MEASUREMENT_POINTS * MAX_RATERS * MAX_AREAS, {
				error: 'template.input.tooManyItems'
			}),
		rates: z.boolean()
	})
);

export const addSignerInputSchema = lazySchema(() =>
	z.object({
		label: labelSchema,
		/** The rater the signer is, if any. */
		raterId: templateItemIdSchema.nullable().optional(),
		...placement()
	})
);

export const updateSignerInputSchema = lazySchema(() =>
	z.object({
		signerId: templateItemIdSchema,
		label: labelSchema.optional(),
		raterId: templateItemIdSchema.nullable().optional()
	})
);

export const setGoalInputSchema = lazySchema(() =>
	z.object({
		isIncluded: z.boolean().optional(),
		label: labelSchema.optional(),
		guidance: richTextInputSchema.optional()
	})
);

export const addSubGoalInputSchema = lazySchema(() =>
	z.object({
		text: subGoalTextSchema,
		statementIds: z.array(templateItemIdSchema).optional(),
		...placement()
	})
);

export const updateSubGoalInputSchema = lazySchema(() =>
	z.object({
		subGoalId: templateItemIdSchema,
		text: subGoalTextSchema.optional(),
		statementIds: z.array(templateItemIdSchema).optional()
	})
);

/** Whether the sub-goals are followed at a measurement point. */
export const setGoalPointInputSchema = lazySchema(() =>
	z.object({
		measurementPointId: templateItemIdSchema,
		isFollowed: z.boolean()
	})
);

export const addGoalStatusInputSchema = lazySchema(() =>
	z.object({ label: levelLabelSchema, ...placement() })
);

export const renameGoalStatusInputSchema = lazySchema(() =>
	z.object({
		statusId: templateItemIdSchema,
		label: levelLabelSchema
	})
);

export const setProgressionMeasuresInputSchema = lazySchema(() =>
	progressionMeasuresSchema.partial()
);

/** `POST …/documents/{docId}/starter`: the starter an empty template begins from. */
export const chooseStarterInputSchema = lazySchema(() =>
	z.object({
		starterId: z
			.string({ error: 'templateStarter.error.unknownStarter' })
			.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'templateStarter.error.unknownStarter' })
			.max(40, { error: 'templateStarter.error.unknownStarter' })
	})
);
export type ChooseStarterInput = z.infer<typeof chooseStarterInputSchema>;

type Ids = { ids: (template: Template) => Set<string>; key: string };

const STATEMENTS: Ids = {
	ids: (t) => new Set(t.areas.flatMap((a) => a.statements.map((s) => s.id))),
	key: 'template.input.unknownStatement'
};
const POINTS: Ids = {
	ids: (t) => new Set(t.measurementPoints.map((p) => p.id)),
	key: 'template.input.gone'
};
const RATERS: Ids = { ids: (t) => new Set(t.raters.map((r) => r.id)), key: 'template.input.gone' };
const AREAS: Ids = { ids: (t) => new Set(t.areas.map((a) => a.id)), key: 'template.input.gone' };

/**
 * `schema` with a check that each listed field names an item of `template`; a field may hold one
 * id, null (no link) or a list of ids.
 */
function referring<S extends z.ZodType<Record<string, unknown>>>(
	schema: S,
	template: Template,
	fields: Record<string, Ids>
) {
	return schema.superRefine((value, ctx) => {
		for (const [field, { ids, key }] of Object.entries(fields)) {
			const known = ids(template);
			const raw = value[field];
			const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
			if (list.some((id) => typeof id === 'string' && !known.has(id))) {
				ctx.addIssue({ code: 'custom', path: [field], message: key });
			}
		}
	});
}

/** A plan cell of `template`: its point, rater and area must exist. */
export function setRatingPlanCellInputFor(template: Template) {
	return referring(setRatingPlanCellInputSchema, template, {
		measurementPointId: POINTS,
		raterId: RATERS,
		areaId: AREAS
	});
}

/** Cells of `template`: every cell's point, rater and area must exist. */
export function setRatingPlanCellsInputFor(template: Template) {
	return setRatingPlanCellsInputSchema.superRefine((value, ctx) => {
		value.cells.forEach((cell, index) => {
			const missing = missingPlanItems({ ...template, ratingPlan: [] }, cell);
			if (missing.length > 0) {
				ctx.addIssue({ code: 'custom', path: ['cells', index], message: 'template.input.gone' });
			}
		});
	});
}

/** A new sub-goal of `template`, linked only to its own statements. */
export function addSubGoalInputFor(template: Template) {
	return referring(addSubGoalInputSchema, template, { statementIds: STATEMENTS });
}

/** A sub-goal change in `template`, linked only to its own statements. */
export function updateSubGoalInputFor(template: Template) {
	return referring(updateSubGoalInputSchema, template, { statementIds: STATEMENTS });
}

/** A new signer of `template`, linked only to one of its raters. */
export function addSignerInputFor(template: Template) {
	return referring(addSignerInputSchema, template, { raterId: RATERS });
}

/** A signer change in `template`, linked only to one of its raters. */
export function updateSignerInputFor(template: Template) {
	return referring(updateSignerInputSchema, template, { raterId: RATERS });
}

/** Following the sub-goals at a point of `template`. */
export function setGoalPointInputFor(template: Template) {
	return referring(setGoalPointInputSchema, template, { measurementPointId: POINTS });
}
