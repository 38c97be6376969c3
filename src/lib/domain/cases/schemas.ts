/**
 * Input schemas of Drift cases: starting a case, ratings, links, goals and everything recorded
 * during and at the end of an internship. Every free-text field refuses a CPR number
 * (`cases.input.cpr`); the API, the form actions and the link page use the same schemas.
 */
import { z } from 'zod';
import {
	MAX_CASE_TEXT_LENGTH,
	MAX_HOURS_PER_WEEK,
	MAX_NAME_LENGTH,
	MAX_RATING_COMMENT_LENGTH,
	MAX_SUB_GOAL_LENGTH,
	MAX_SUB_GOALS
} from '../limits.ts';
import { templateItemIdSchema } from '../template/ids.ts';
import { NEXT_STEP_KINDS } from '../template/case-data.ts';
import { containsCpr, CPR_MESSAGE_KEY } from './cpr.ts';

/** The target groups of the seeds ("uddannelsesparat", "aktivitetsparat"). */
export const TARGET_GROUPS = ['uddannelsesparat', 'aktivitetsparat'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Free text of a case: trimmed, at most `max` characters, never a CPR number. */
export function caseFreeText(max: number) {
	return z
		.string({ error: 'cases.input.text' })
		.trim()
		.max(max, { error: 'cases.input.tooLong' })
		.refine((text) => !containsCpr(text), { error: CPR_MESSAGE_KEY });
}

/** A name or other required short text. */
function requiredText(max: number) {
	return caseFreeText(max).refine((text) => text !== '', { error: 'cases.input.required' });
}

/** True for a real calendar date `YYYY-MM-DD` (not 2026-02-30). */
function isCalendarDate(value: string): boolean {
	const ms = Date.parse(`${value}T00:00:00Z`);
	return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** A calendar date, `YYYY-MM-DD`. */
export const caseDateSchema = z
	.string({ error: 'cases.input.date' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'cases.input.date' })
	.refine(isCalendarDate, { error: 'cases.input.date' });

const idSchema = z.string().min(1).max(64);
const hoursSchema = z
	.number({ error: 'cases.input.hours' })
	.min(0, { error: 'cases.input.hours' })
	.max(MAX_HOURS_PER_WEEK, { error: 'cases.input.hours' });

/** `POST /api/v1/cases`: a young person's case on a version in operation. */
export const createCaseSchema = z
	.object({
		publicationId: idSchema,
		youngPerson: z.object({
			firstName: requiredText(MAX_NAME_LENGTH),
			lastName: requiredText(MAX_NAME_LENGTH)
		}),
		company: requiredText(MAX_NAME_LENGTH),
		mentorName: caseFreeText(MAX_NAME_LENGTH).optional(),
		start: caseDateSchema,
		end: caseDateSchema,
		targetGroup: z.enum(TARGET_GROUPS, { error: 'cases.input.targetGroup' }).nullish(),
		hoursAtStart: hoursSchema.nullish(),
		/** The version's statements that apply; all of them when left out. */
		statementIds: z.array(templateItemIdSchema).max(500).optional(),
		/** Start from this earlier case of the same young person (its end ratings). */
		previousCaseId: idSchema.optional(),
		/** A sagsbehandler of the municipality to assign besides the jobkonsulent. */
		caseworkerId: idSchema.optional()
	})
	.refine((c) => c.end >= c.start, { error: 'cases.input.endBeforeStart', path: ['end'] });
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

/** `POST /api/v1/cases/{id}/ratings`: one rating (level null = "ikke vurderet"). */
export const ratingInputSchema = z.object({
	pointId: templateItemIdSchema,
	raterId: templateItemIdSchema,
	statementId: templateItemIdSchema,
	level: templateItemIdSchema.nullable(),
	comment: caseFreeText(MAX_RATING_COMMENT_LENGTH).default('')
});
export type RatingInput = z.infer<typeof ratingInputSchema>;

/** `POST /api/v1/cases/{id}/links`: a rating link for a rater at a measurement point. */
export const createRateLinkSchema = z.object({
	raterId: templateItemIdSchema,
	pointId: templateItemIdSchema
});
/** A signing link for one of the version's signers (the case page offers it). */
export const createSignLinkSchema = z.object({ signerId: templateItemIdSchema });
/** A rating link or a signing link. */
export const createLinkSchema = z.union([createRateLinkSchema, createSignLinkSchema]);
export type CreateLinkInput = z.infer<typeof createLinkSchema>;

/** One answer through a rating link. */
export const linkAnswerSchema = ratingInputSchema.pick({
	statementId: true,
	level: true,
	comment: true
});
/** What a link holder submits: an answer for every statement the link shows. */
export const linkAnswersSchema = z.object({ answers: z.array(linkAnswerSchema).max(500) });
export type LinkAnswers = z.infer<typeof linkAnswersSchema>;

/** A signature: the signer confirms by name. */
export const signatureInputSchema = z.object({
	signerId: templateItemIdSchema,
	name: requiredText(MAX_NAME_LENGTH)
});
export const linkSignatureSchema = signatureInputSchema.pick({ name: true });

/** The goal and sub-goals as agreed with the young person, with the date. */
export const goalInputSchema = z.object({
	goal: caseFreeText(MAX_CASE_TEXT_LENGTH),
	agreedOn: caseDateSchema.nullable(),
	subGoals: z
		.array(
			z.object({
				id: templateItemIdSchema.optional(),
				text: requiredText(MAX_SUB_GOAL_LENGTH),
				statementIds: z.array(templateItemIdSchema).max(500).default([])
			})
		)
		.max(MAX_SUB_GOALS)
});
export type GoalInput = z.infer<typeof goalInputSchema>;

export const subGoalStatusInputSchema = z.object({
	subGoalId: templateItemIdSchema,
	pointId: templateItemIdSchema,
	statusId: templateItemIdSchema.nullable()
});
export type SubGoalStatusInput = z.infer<typeof subGoalStatusInputSchema>;

/** Hours per week and tasks at a measurement point. */
export const pointProgressInputSchema = z.object({
	pointId: templateItemIdSchema,
	hours: hoursSchema.nullable(),
	tasks: caseFreeText(MAX_CASE_TEXT_LENGTH)
});
export type PointProgressInput = z.infer<typeof pointProgressInputSchema>;

export const agreedLevelInputSchema = z.object({
	statementId: templateItemIdSchema,
	level: templateItemIdSchema.nullable()
});
export type AgreedLevelInput = z.infer<typeof agreedLevelInputSchema>;

/** The young person's own words in one free-text section of the template. */
export const ownWordsInputSchema = z.object({
	sectionId: templateItemIdSchema,
	text: caseFreeText(MAX_CASE_TEXT_LENGTH)
});
export type OwnWordsInput = z.infer<typeof ownWordsInputSchema>;

export const nextStepInputSchema = z.object({
	kind: z.enum(NEXT_STEP_KINDS, { error: 'cases.input.nextStep' }).nullable(),
	text: caseFreeText(MAX_CASE_TEXT_LENGTH)
});
export type NextStepInput = z.infer<typeof nextStepInputSchema>;

/** Which of the version's statements apply to this internship. */
export const statementsInputSchema = z.object({
	statementIds: z.array(templateItemIdSchema).min(1, { error: 'cases.input.noStatements' }).max(500)
});
