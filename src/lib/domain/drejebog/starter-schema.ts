/**
 * The shape of the starter drejebog as written in `starter.json`: no ids (they are derived), rich
 * text as authored strings, and template parts named by what they are rather than by id, because
 * the same starter serves every template: the first, each middle or the last measurement point,
 * a free-text section by its label, an area by its category, the goal part. Steps marked `at` are
 * written once per such measurement point, with `{punkt}` in the title replaced by its label.
 */
import { z } from 'zod';
import { areaCategorySchema } from '../template/plan-schemas.ts';
import { labelSchema } from '../template/text-schemas.ts';
import { MAX_MISSED_DAYS } from './limits.ts';
import {
	checklistTextSchema,
	drejebogTitleSchema,
	offsetWeeksSchema,
	productSchema,
	reactionActionSchema,
	reactionTextSchema,
	stageLabelSchema,
	standardRoleSchema,
	stepTitleSchema,
	whenTextSchema
} from './schemas.ts';

/** The measurement points a starter step can be at: `current` is the one an `at` step is for. */
const starterPointSchema = z.enum(['first', 'last', 'current']);

const starterWhenSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.enum(['start', 'end']), offsetWeeks: offsetWeeksSchema }),
	z.object({ kind: z.literal('point'), point: starterPointSchema, offsetWeeks: offsetWeeksSchema }),
	z.object({ kind: z.literal('free'), text: whenTextSchema })
]);
export type StarterWhen = z.infer<typeof starterWhenSchema>;

const starterLinkSchema = z
	.discriminatedUnion('kind', [
		z.object({ kind: z.literal('goals') }),
		z.object({ kind: z.literal('measurementPoint'), point: starterPointSchema }),
		z.object({ kind: z.literal('freeTextSection'), label: labelSchema }),
		z.object({ kind: z.literal('area'), category: areaCategorySchema })
	])
	.nullable();
export type StarterLink = z.infer<typeof starterLinkSchema>;

export const starterStepSchema = z.object({
	/** Write the step once for the first point, once per point between first and last, or for the last. */
	at: z.enum(['first', 'middle', 'last']).optional(),
	title: stepTitleSchema,
	guidance: z.string().trim().min(1),
	who: z.array(standardRoleSchema),
	/** Add the roles of the raters who rate at the step's point (an `at` step). */
	whoRaters: z.boolean().optional(),
	when: starterWhenSchema,
	link: starterLinkSchema,
	produces: productSchema,
	checklist: z.array(checklistTextSchema)
});
export type StarterStep = z.infer<typeof starterStepSchema>;

export const starterReactionSchema = z.object({
	condition: z.discriminatedUnion('kind', [
		/** Between the measurement points at these positions (1 = the first). */
		z.object({
			kind: z.literal('noProgress'),
			fromPoint: z.number().int().min(1),
			toPoint: z.number().int().min(2)
		}),
		z.object({
			kind: z.literal('missedRating'),
			days: z.number().int().min(1).max(MAX_MISSED_DAYS)
		}),
		z.object({ kind: z.literal('custom'), text: reactionTextSchema })
	]),
	action: reactionActionSchema
});

export const starterDrejebogSchema = z.object({
	title: drejebogTitleSchema,
	stages: z.array(z.object({ label: stageLabelSchema, steps: z.array(starterStepSchema) })),
	/** Free-text sections (by label) whose own words go to the CV and to Min Plan. */
	cvPlan: z.object({ cvSections: z.array(labelSchema), minPlanSections: z.array(labelSchema) }),
	reactions: z.array(starterReactionSchema)
});
export type StarterDrejebog = z.infer<typeof starterDrejebogSchema>;
