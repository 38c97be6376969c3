/**
 * Schemas of the drejebog's two rule sections. "CV og Min Plan" says which ratings turn a
 * statement into a CV phrase and which send it to "det vil jeg arbejde videre med" in Min Plan;
 * "Hurtig reaktion" says when a case needs attention. Both are structured, so operations (Drift)
 * can apply them to a case (`cv-plan.ts` applies the first to case data).
 */
import { z } from 'zod';
import { MAX_FREE_TEXT_SECTIONS } from '../limits.ts';
import { templateItemIdSchema } from '../template/ids.ts';
import { MAX_LEVEL_POSITION, MAX_MISSED_DAYS, MAX_REACTIONS } from './limits.ts';
import { drejebogItemIdSchema, reactionActionSchema, reactionTextSchema } from './text-schemas.ts';

/** Whose rating counts: the level the raters agreed on, or one rater's own rating. */
export const ratingBasisSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('agreed') }),
		z.object({ kind: z.literal('rater'), raterId: templateItemIdSchema })
	],
	{ error: 'drejebog.input.invalidKind' }
);
export type RatingBasis = z.infer<typeof ratingBasisSchema>;

/** At which measurement point: the template's last one, or a named one. */
export const pointRefSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('last') }),
		z.object({ kind: z.literal('point'), measurementPointId: templateItemIdSchema })
	],
	{ error: 'drejebog.input.invalidKind' }
);
export type PointRef = z.infer<typeof pointRefSchema>;

/**
 * From which level a statement counts as reached: the upper half of its scale (what the
 * læringsbevis itself uses, `firstReachedLevelIndex`), or at least the N-th level from the bottom.
 */
export const levelThresholdSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('upperHalf') }),
		z.object({
			kind: z.literal('position'),
			position: z
				.number({ error: 'drejebog.input.levelPosition' })
				.int({ error: 'drejebog.input.levelPosition' })
				.min(1, { error: 'drejebog.input.levelPosition' })
				.max(MAX_LEVEL_POSITION, { error: 'drejebog.input.levelPosition' })
		})
	],
	{ error: 'drejebog.input.invalidKind' }
);
export type LevelThreshold = z.infer<typeof levelThresholdSchema>;

const sectionIdsSchema = z
	.array(templateItemIdSchema)
	.max(MAX_FREE_TEXT_SECTIONS, { error: 'drejebog.input.tooManyItems' });

/**
 * "CV og Min Plan": at the rating `basis` at `point`, a statement at or above `cvThreshold`
 * becomes its CV phrase; one below `minPlanThreshold` (and, if chosen, one not rated) goes to
 * "det vil jeg arbejde videre med" in Min Plan. The young person's own words in `cvSectionIds`
 * go to the CV too, those in `minPlanSectionIds` to Min Plan, with the next step if chosen.
 */
export const cvPlanSchema = z.object({
	basis: ratingBasisSchema,
	point: pointRefSchema,
	cvThreshold: levelThresholdSchema,
	minPlanThreshold: levelThresholdSchema,
	minPlanIncludesNotRated: z.boolean(),
	minPlanIncludesNextStep: z.boolean(),
	cvSectionIds: sectionIdsSchema,
	minPlanSectionIds: sectionIdsSchema
});
export type CvPlan = z.infer<typeof cvPlanSchema>;

export const REACTION_KINDS = ['noProgress', 'missedRating', 'custom'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/**
 * When a case needs attention: no progression between two measurement points, a rating not given
 * `days` days after its point (by one rater, or by anyone when `raterId` is null), or a condition
 * in the group's own words.
 */
export const reactionConditionSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({
			kind: z.literal('noProgress'),
			fromPointId: templateItemIdSchema,
			toPointId: templateItemIdSchema
		}),
		z.object({
			kind: z.literal('missedRating'),
			days: z
				.number({ error: 'drejebog.input.missedDays' })
				.int({ error: 'drejebog.input.missedDays' })
				.min(1, { error: 'drejebog.input.missedDays' })
				.max(MAX_MISSED_DAYS, { error: 'drejebog.input.missedDays' }),
			raterId: templateItemIdSchema.nullable()
		}),
		z.object({ kind: z.literal('custom'), text: reactionTextSchema })
	],
	{ error: 'drejebog.input.invalidKind' }
);
export type ReactionCondition = z.infer<typeof reactionConditionSchema>;

/** One rule of "Hurtig reaktion": the condition, and what is done then. */
export const reactionSchema = z.object({
	id: drejebogItemIdSchema,
	condition: reactionConditionSchema,
	action: reactionActionSchema
});
export type Reaction = z.infer<typeof reactionSchema>;

export const reactionsSchema = z
	.array(reactionSchema)
	.max(MAX_REACTIONS, { error: 'drejebog.input.tooManyItems' });
