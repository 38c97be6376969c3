/**
 * The drejebog as plain data: one zod schema per shape, types from them. A value that passes
 * `drejebogSchema` is well-formed on its own; `validateDrejebog` adds the rules across items and
 * against the workshop's template (coverage of measurement points and raters, links to parts that
 * exist) and reports every problem instead of the first one. Publishing, diffs and exports rely on
 * this shape (`readDrejebog` in `lib/collab/drejebog` returns it).
 */
import { z } from 'zod';
import { MAX_STAGES, MAX_STEPS_PER_STAGE } from './limits.ts';
import { cvPlanSchema, reactionsSchema } from './rule-schemas.ts';
import { stepSchema } from './step-schemas.ts';
import {
	drejebogItemIdSchema,
	drejebogTitleSchema,
	introductionSchema,
	stageLabelSchema
} from './text-schemas.ts';

export * from './step-schemas.ts';
export * from './rule-schemas.ts';
export * from './text-schemas.ts';

/** A stage of the internship ("Før praktik") with its steps in order. */
export const stageSchema = z.object({
	id: drejebogItemIdSchema,
	label: stageLabelSchema,
	steps: z.array(stepSchema).max(MAX_STEPS_PER_STAGE, { error: 'drejebog.input.tooManyItems' })
});
export type Stage = z.infer<typeof stageSchema>;

/** Where a drejebog came from: STAR's steps (`star`), or only the three stages (`empty`). */
export const DREJEBOG_STARTS = ['star', 'empty'] as const;
export type DrejebogStart = (typeof DREJEBOG_STARTS)[number];
export const drejebogStartSchema = z.enum(DREJEBOG_STARTS, { error: 'drejebog.input.invalidKind' });

export const drejebogSchema = z.object({
	title: drejebogTitleSchema,
	/** How the drejebog was started, or null while it has not been (the chooser is shown). */
	starterId: drejebogStartSchema.nullable(),
	/** Introduction and notes: what a drejebog stored before the structured model held. */
	introduction: introductionSchema,
	stages: z.array(stageSchema).max(MAX_STAGES, { error: 'drejebog.input.tooManyItems' }),
	cvPlan: cvPlanSchema,
	reactions: reactionsSchema
});
/** A whole drejebog as plain data. */
export type Drejebog = z.infer<typeof drejebogSchema>;

/** `POST …/documents/{docId}/drejebog/start`: start from STAR's steps, or with the stages only. */
export const startDrejebogSchema = z.object({ starter: drejebogStartSchema });
export type StartDrejebogInput = z.infer<typeof startDrejebogSchema>;

/** The answer to starting a drejebog. */
export const drejebogStartedSchema = z.object({ starterId: drejebogStartSchema });
export type DrejebogStarted = z.infer<typeof drejebogStartedSchema>;
