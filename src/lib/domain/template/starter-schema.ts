/**
 * The shape of starter templates and of the statement library as they are written in the JSON
 * files under `starters/`: no ids (they are derived when a template is made from a starter), rich
 * text as authored strings, items referred to by their label or text, and the common parts
 * (header, measurement points, raters, free-text sections, signature, goals, progression
 * measures) optional because most starters use the defaults.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import {
	MAX_GOAL_STATUSES,
	MAX_SCALE_LEVELS,
	MAX_STATEMENTS_PER_AREA,
	MAX_SUB_GOALS,
	MIN_GOAL_STATUSES,
	MIN_SCALE_LEVELS
} from '../limits.ts';
import { richTextInputSchema } from './rich-text.ts';
import {
	areaCategorySchema,
	cvPhraseSchema,
	headerFieldKindSchema,
	labelSchema,
	levelLabelSchema,
	progressionMeasuresSchema,
	signatureTextSchema,
	statementKindSchema,
	statementTextSchema,
	subGoalTextSchema,
	templateTitleSchema,
	timingSchema
} from './schemas.ts';

/** Starter and library ids are lowercase slugs, e.g. "detail" or "moeder-til-tiden". */
export const slugSchema = lazySchema(() =>
	z
		.string()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
		.max(40)
);

export const starterLevelSchema = lazySchema(() =>
	z.object({
		label: levelLabelSchema,
		descriptor: richTextInputSchema
	})
);
export type StarterLevel = z.infer<typeof starterLevelSchema>;

export const starterScaleSchema = lazySchema(() =>
	z.object({
		levels: z.array(starterLevelSchema).min(MIN_SCALE_LEVELS).max(MAX_SCALE_LEVELS)
	})
);
export type StarterScale = z.infer<typeof starterScaleSchema>;

export const starterStatementSchema = lazySchema(() =>
	z.object({
		text: statementTextSchema,
		kind: statementKindSchema,
		cvPhrase: cvPhraseSchema,
		description: richTextInputSchema.optional(),
		scale: starterScaleSchema.optional()
	})
);
export type StarterStatement = z.infer<typeof starterStatementSchema>;

export const starterAreaSchema = lazySchema(() =>
	z.object({
		label: labelSchema,
		category: areaCategorySchema,
		/** The area's scale; the starter's `scale` when left out. */
		scale: starterScaleSchema.optional(),
		statements: z.array(starterStatementSchema).max(MAX_STATEMENTS_PER_AREA)
	})
);
export type StarterArea = z.infer<typeof starterAreaSchema>;

export const starterHeaderFieldSchema = lazySchema(() =>
	z.object({
		label: labelSchema,
		kind: headerFieldKindSchema,
		isRequired: z.boolean()
	})
);
export type StarterHeaderField = z.infer<typeof starterHeaderFieldSchema>;

export const starterFreeTextSectionSchema = lazySchema(() =>
	z.object({
		label: labelSchema,
		guidance: richTextInputSchema
	})
);
export type StarterFreeTextSection = z.infer<typeof starterFreeTextSectionSchema>;

export const starterSignatureSchema = lazySchema(() =>
	z.object({
		isIncluded: z.boolean(),
		text: signatureTextSchema,
		/** Who signs, in print order: a role, and the label of the rater it is (null for none). */
		signers: z.array(z.object({ label: labelSchema, rater: labelSchema.nullable() }))
	})
);
export type StarterSignature = z.infer<typeof starterSignatureSchema>;

export const starterMeasurementPointSchema = lazySchema(() =>
	z.object({
		label: labelSchema,
		timing: timingSchema.nullable()
	})
);
export type StarterMeasurementPoint = z.infer<typeof starterMeasurementPointSchema>;

/**
 * One rule of a starter's rating plan: the rater (by label) rates the areas of these categories
 * at these measurement points (by label). With rules, every cell no rule names does not rate.
 */
export const starterRatingRuleSchema = lazySchema(() =>
	z.object({
		rater: labelSchema,
		measurementPoints: z.array(labelSchema),
		categories: z.array(areaCategorySchema)
	})
);
export type StarterRatingRule = z.infer<typeof starterRatingRuleSchema>;

export const starterSubGoalSchema = lazySchema(() =>
	z.object({
		text: subGoalTextSchema,
		/** Texts of the starter's statements the sub-goal is about. */
		statements: z.array(statementTextSchema)
	})
);

export const starterGoalsSchema = lazySchema(() =>
	z.object({
		/** The goal's heading and guidance; the defaults when left out. */
		label: labelSchema.optional(),
		guidance: richTextInputSchema.optional(),
		subGoals: z.array(starterSubGoalSchema).max(MAX_SUB_GOALS),
		statuses: z.array(levelLabelSchema).min(MIN_GOAL_STATUSES).max(MAX_GOAL_STATUSES).optional(),
		/** Labels of the points at which sub-goals are followed; every point when left out. */
		measurementPoints: z.array(labelSchema).optional()
	})
);
export type StarterGoals = z.infer<typeof starterGoalsSchema>;

export const starterTemplateSchema = lazySchema(() =>
	z.object({
		id: slugSchema,
		/** Shown in the starter picker, e.g. "Butik og detailhandel". */
		name: labelSchema,
		/** One or two sentences for the picker. */
		summary: z.string().trim().min(1).max(300),
		title: templateTitleSchema,
		/** The default scale of every area that has none of its own. */
		scale: starterScaleSchema,
		areas: z.array(starterAreaSchema),
		headerFields: z.array(starterHeaderFieldSchema).optional(),
		measurementPoints: z.array(starterMeasurementPointSchema).optional(),
		raters: z.array(labelSchema).optional(),
		/** Who rates what when; everybody rates everything when left out. */
		ratingPlan: z.array(starterRatingRuleSchema).optional(),
		freeTextSections: z.array(starterFreeTextSectionSchema).optional(),
		signature: starterSignatureSchema.optional(),
		goals: starterGoalsSchema.optional(),
		progressionMeasures: progressionMeasuresSchema.optional()
	})
);
/** A starter template as written in its JSON file. */
export type StarterTemplate = z.infer<typeof starterTemplateSchema>;

export const libraryStatementSchema = lazySchema(() =>
	z.object({
		id: slugSchema,
		text: statementTextSchema,
		kind: statementKindSchema,
		cvPhrase: cvPhraseSchema,
		description: richTextInputSchema.optional(),
		/** The category of area it suits best; it can be pulled into any area. */
		category: areaCategorySchema,
		/** Starter ids of the workplaces it was written for; empty means any workplace. */
		workplaces: z.array(slugSchema)
	})
);
export type LibraryStatement = z.infer<typeof libraryStatementSchema>;

export const statementLibrarySchema = lazySchema(() =>
	z.object({
		statements: z.array(libraryStatementSchema)
	})
);
export type StatementLibrary = z.infer<typeof statementLibrarySchema>;
