/**
 * What one young person's læringsbevis holds once it is filled in, against a template: ratings per
 * measurement point, rater and statement (a level or "ikke vurderet", with an optional comment),
 * the levels agreed at the end, the goal in their own words, sub-goals and their statuses, hours
 * per week and tasks, their own words, and the next step. The example case in the preview has
 * this shape, and so will a real case in operations; `describeProgression` and
 * `describeLaeringsbevis` turn it into the two outputs.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import {
	MAX_CASE_TEXT_LENGTH,
	MAX_HOURS_PER_WEEK,
	MAX_NAME_LENGTH,
	MAX_RATING_COMMENT_LENGTH,
	MAX_SUB_GOAL_LENGTH
} from '../limits.ts';
import { templateItemIdSchema } from './ids.ts';
import type { Template } from './schemas.ts';

/**
 * The next steps the seeds name: "ny praktik, et løntilskudsjob, et ordinært job eller uddannelse",
 * plus fleksjob (Drift's structured next step).
 */
export const NEXT_STEP_KINDS = [
	'internship',
	'wageSubsidy',
	'job',
	'education',
	'flexJob',
	'other'
] as const;
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];

function caseTextSchema(max: number) {
	return z.string().trim().max(max, { error: 'template.input.tooLong' });
}

/** One answer: the level a rater gave a statement at a measurement point. */
export const caseRatingSchema = lazySchema(() =>
	z.object({
		statementId: templateItemIdSchema,
		measurementPointId: templateItemIdSchema,
		raterId: templateItemIdSchema,
		/** The level given, or null for "ikke vurderet" (not tried yet, or not relevant here). */
		levelId: templateItemIdSchema.nullable(),
		/** An example or a comment from the rater. */
		comment: caseTextSchema(MAX_RATING_COMMENT_LENGTH).optional()
	})
);
export type CaseRating = z.infer<typeof caseRatingSchema>;

export const caseDataSchema = lazySchema(() =>
	z.object({
		header: z.array(
			z.object({ fieldId: templateItemIdSchema, value: caseTextSchema(MAX_CASE_TEXT_LENGTH) })
		),
		ratings: z.array(caseRatingSchema),
		/** The level raters agreed on at the final point, per statement (null: "ikke vurderet"). */
		agreedLevels: z.array(
			z.object({ statementId: templateItemIdSchema, levelId: templateItemIdSchema.nullable() })
		),
		/** The goal in the young person's own words. */
		goal: caseTextSchema(MAX_CASE_TEXT_LENGTH),
		/** The sub-goals agreed for this young person: the template's, reworded or added to. */
		subGoals: z.array(
			z.object({
				id: templateItemIdSchema,
				text: caseTextSchema(MAX_SUB_GOAL_LENGTH),
				statementIds: z.array(templateItemIdSchema)
			})
		),
		subGoalStatuses: z.array(
			z.object({
				subGoalId: templateItemIdSchema,
				measurementPointId: templateItemIdSchema,
				statusId: templateItemIdSchema.nullable()
			})
		),
		hoursPerWeek: z.array(
			z.object({
				measurementPointId: templateItemIdSchema,
				hours: z
					.number({ error: 'template.input.hoursPerWeek' })
					.min(0, { error: 'template.input.hoursPerWeek' })
					.max(MAX_HOURS_PER_WEEK, { error: 'template.input.hoursPerWeek' })
					.nullable()
			})
		),
		tasks: z.array(
			z.object({
				measurementPointId: templateItemIdSchema,
				text: caseTextSchema(MAX_CASE_TEXT_LENGTH)
			})
		),
		/** The young person's own words, per free-text section. */
		freeText: z.array(
			z.object({ sectionId: templateItemIdSchema, text: caseTextSchema(MAX_CASE_TEXT_LENGTH) })
		),
		nextStep: z.object({
			kind: z.enum(NEXT_STEP_KINDS, { error: 'template.input.invalidKind' }).nullable(),
			text: caseTextSchema(MAX_CASE_TEXT_LENGTH)
		}),
		/** The names of the people who sign, per signer of the template (printed under the lines). */
		signerNames: z.array(
			z.object({ signerId: templateItemIdSchema, name: caseTextSchema(MAX_NAME_LENGTH) })
		)
	})
);
export type CaseData = z.infer<typeof caseDataSchema>;

/** A case for `template` with nothing filled in yet; the sub-goals start as the template's. */
export function emptyCaseData(template: Pick<Template, 'goals'>): CaseData {
	return {
		header: [],
		ratings: [],
		agreedLevels: [],
		goal: '',
		subGoals: template.goals.subGoals.map((s) => ({ ...s, statementIds: [...s.statementIds] })),
		subGoalStatuses: [],
		hoursPerWeek: [],
		tasks: [],
		freeText: [],
		nextStep: { kind: null, text: '' },
		signerNames: []
	};
}
