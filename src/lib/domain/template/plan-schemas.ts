/**
 * Schemas of the template's second-pass parts: what each area is (its category), the CV phrase of
 * a statement, when a measurement point happens, who rates which areas when (the rating plan),
 * who signs, the goal and sub-goals, and the progression measures besides competences. Types come
 * from the schemas; `schemas.ts` puts them into the template.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import {
	MAX_AREAS,
	MAX_CV_PHRASE_LENGTH,
	MAX_GOAL_STATUSES,
	MAX_MEASUREMENT_POINTS,
	MAX_RATERS,
	MAX_STATEMENTS_PER_AREA,
	MAX_SUB_GOAL_LENGTH,
	MAX_SUB_GOALS,
	MAX_TIMING_AFTER_WEEKS,
	MAX_TIMING_EVERY_WEEKS,
	MIN_GOAL_STATUSES
} from '../limits.ts';
import { templateItemIdSchema } from './ids.ts';
import {
	boundedRichTextSchema,
	labelSchema,
	levelLabelSchema,
	templateTextSchema
} from './text-schemas.ts';

/**
 * What kind of competence an area holds, chosen by the work group (the seeds' "faglige, sociale
 * og personlige kompetencer", plus "anden" for anything else). CV texts and statistics rely on it.
 */
export const AREA_CATEGORIES = ['professional', 'personal', 'social', 'other'] as const;
export type AreaCategory = (typeof AREA_CATEGORIES)[number];
export const areaCategorySchema = lazySchema(() =>
	z.enum(AREA_CATEGORIES, { error: 'template.input.invalidKind' })
);

/** A statement as the young person would put it in a CV: first person, one line. */
export const cvPhraseSchema = lazySchema(() =>
	templateTextSchema(MAX_CV_PHRASE_LENGTH, 'template.input.cvPhraseTooLong')
);

/** When a measurement point happens. */
export const TIMING_KINDS = ['start', 'afterWeeks', 'end', 'everyWeeks'] as const;
export type TimingKind = (typeof TIMING_KINDS)[number];

function weeksSchema(max: number, key: string) {
	return z
		.number({ error: key })
		.int({ error: key })
		.min(1, { error: key })
		.max(max, { error: key });
}

/**
 * At the start, after N weeks (1–104), at the end, or repeated every N weeks (1–52) for ongoing
 * follow-up ("ved opstart, ved løbende opfølgning og ved afslutning").
 */
export const timingSchema = lazySchema(() =>
	z.discriminatedUnion(
		'kind',
		[
			z.object({ kind: z.literal('start') }),
			z.object({
				kind: z.literal('afterWeeks'),
				weeks: weeksSchema(MAX_TIMING_AFTER_WEEKS, 'template.input.timingAfterWeeks')
			}),
			z.object({ kind: z.literal('end') }),
			z.object({
				kind: z.literal('everyWeeks'),
				weeks: weeksSchema(MAX_TIMING_EVERY_WEEKS, 'template.input.timingEveryWeeks')
			})
		],
		{ error: 'template.input.invalidKind' }
	)
);
export type Timing = z.infer<typeof timingSchema>;

/**
 * One cell of the rating plan: whether a rater rates an area at a measurement point. The plan
 * holds only the cells someone has decided; every other cell rates (the default is "everybody
 * rates everything"), so a new area, rater or point is rated until someone says otherwise.
 */
export const ratingPlanEntrySchema = lazySchema(() =>
	z.object({
		measurementPointId: templateItemIdSchema,
		raterId: templateItemIdSchema,
		areaId: templateItemIdSchema,
		rates: z.boolean()
	})
);
export type RatingPlanEntry = z.infer<typeof ratingPlanEntrySchema>;

/** Every cell once at most; entries naming removed items are allowed (and listed as problems). */
export const ratingPlanSchema = lazySchema(() =>
	z
		.array(ratingPlanEntrySchema)
		.max(MAX_MEASUREMENT_POINTS * MAX_RATERS * MAX_AREAS, { error: 'template.input.tooManyItems' })
);
export type RatingPlan = z.infer<typeof ratingPlanSchema>;

/**
 * One person who signs the læringsbevis, by role ("Sagsbehandler"), optionally the same person as
 * a rater: signers need not rate, and raters need not sign.
 */
export const signerSchema = lazySchema(() =>
	z.object({
		id: templateItemIdSchema,
		label: labelSchema,
		raterId: templateItemIdSchema.nullable()
	})
);
export type Signer = z.infer<typeof signerSchema>;

export const subGoalTextSchema = lazySchema(() => templateTextSchema(MAX_SUB_GOAL_LENGTH));

/** A sub-goal agreed before the internship, optionally tied to the statements it is about. */
export const subGoalSchema = lazySchema(() =>
	z.object({
		id: templateItemIdSchema,
		text: subGoalTextSchema,
		statementIds: z
			.array(templateItemIdSchema)
			.max(MAX_AREAS * MAX_STATEMENTS_PER_AREA, { error: 'template.input.tooManyItems' })
	})
);
export type SubGoal = z.infer<typeof subGoalSchema>;

/** One step of the status scale sub-goals are followed with ("Ikke påbegyndt", "I gang", "Nået"). */
export const goalStatusSchema = lazySchema(() =>
	z.object({ id: templateItemIdSchema, label: levelLabelSchema })
);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

export const goalStatusesSchema = lazySchema(() =>
	z
		.array(goalStatusSchema)
		.min(MIN_GOAL_STATUSES, { error: 'template.input.tooFewStatuses' })
		.max(MAX_GOAL_STATUSES, { error: 'template.input.tooManyItems' })
);

/**
 * The goal and sub-goals agreed with the young person before the internship and followed at the
 * chosen measurement points. The goal itself is the young person's own words: the template gives
 * its heading and the guidance above it; the sub-goals are the work group's proposals, which a
 * case adopts or rewords.
 */
export const goalsSchema = lazySchema(() =>
	z.object({
		isIncluded: z.boolean(),
		/** Heading of the goal ("Mit mål"). */
		label: labelSchema,
		/** Printed above the young person's goal ("Skriv med dine egne ord …"). */
		guidance: boundedRichTextSchema,
		subGoals: z.array(subGoalSchema).max(MAX_SUB_GOALS, { error: 'template.input.tooManyItems' }),
		/** Ordered from not started to reached; the last one means reached. */
		statuses: goalStatusesSchema,
		/** The measurement points at which the sub-goals' statuses are followed. */
		measurementPointIds: z
			.array(templateItemIdSchema)
			.max(MAX_MEASUREMENT_POINTS, { error: 'template.input.tooManyItems' })
	})
);
export type Goals = z.infer<typeof goalsSchema>;

/** Progression besides competences ("progression i timetal, opgaver o.a."), each optional. */
export const progressionMeasuresSchema = lazySchema(() =>
	z.object({
		/** A number of hours per week at each measurement point. */
		hasHoursPerWeek: z.boolean(),
		/** A short text about the tasks at each measurement point. */
		hasTasks: z.boolean()
	})
);
export type ProgressionMeasures = z.infer<typeof progressionMeasuresSchema>;
