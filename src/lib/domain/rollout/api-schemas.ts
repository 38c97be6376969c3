/**
 * Response schemas of the rollout API (`/api/v1/rollouts`, `POST …/publications/{id}/rollouts`),
 * for the OpenAPI document and the tests. A step's blocks are documented as objects with a
 * `type`; their shapes are the `Block` type in schemas.ts.
 */
import { z } from 'zod';
import { LEARNING_GOAL_KINDS, STEP_KINDS } from './schemas.ts';
import { SELF_CHECK_ITEMS, SELF_CHECK_OCCASIONS } from './self-check.ts';

export const txtSchema = z.union([
	z.object({
		key: z.string(),
		params: z.record(z.string(), z.union([z.string(), z.number()])).optional()
	}),
	z.object({ text: z.string() })
]);

export const createdRolloutSchema = z.object({ id: z.string(), code: z.string(), url: z.string() });
export const joinedRolloutSchema = z.object({ rolloutId: z.string() });

export const progressSchema = z.object({
	acked: z.number(),
	required: z.number(),
	answered: z.number(),
	correct: z.number(),
	questions: z.number(),
	isComplete: z.boolean()
});

export const answerResultSchema = z.object({
	isCorrect: z.boolean(),
	choices: z.array(z.string()),
	correctOptionIds: z.array(z.string()),
	explanation: txtSchema,
	progress: progressSchema
});

const questionViewSchema = z.object({
	id: z.string(),
	prompt: txtSchema,
	options: z.array(z.object({ id: z.string(), text: txtSchema })),
	/** Null for a follower until they have answered. */
	correctOptionIds: z.array(z.string()).nullable(),
	explanation: txtSchema.nullable()
});

export const stepViewSchema = z.object({
	id: z.string(),
	kind: z.enum(STEP_KINDS),
	title: txtSchema,
	learningGoal: z.enum(LEARNING_GOAL_KINDS),
	requiresAck: z.boolean(),
	blocks: z.array(z.looseObject({ type: z.string() })),
	question: questionViewSchema.nullable()
});

export const feedbackItemSchema = z.object({
	id: z.string(),
	kind: z.enum(['question', 'suggestion']),
	text: z.string(),
	createdAt: z.number(),
	collectedAt: z.number().nullable()
});

/** `POST …/feedback/collect`: how many questions and suggestions were collected now. */
export const collectedFeedbackSchema = z.object({ collected: z.number().int().min(0) });

export const rolloutViewSchema = z.object({
	id: z.string(),
	publicationId: z.string(),
	versionNumber: z.number(),
	workshopId: z.string(),
	title: z.string(),
	isOpen: z.boolean(),
	isFacilitator: z.boolean(),
	presenterStepId: z.string().nullable(),
	followUpDate: z.string().nullable(),
	operation: z.object({ since: z.number(), retiredAt: z.number().nullable() }).nullable(),
	steps: z.array(stepViewSchema),
	me: z
		.object({
			mode: z.enum(['live', 'self']),
			currentStepId: z.string().nullable(),
			acked: z.array(z.string()),
			answers: z.array(
				z.object({ stepId: z.string(), choices: z.array(z.string()), isCorrect: z.boolean() })
			),
			progress: progressSchema,
			completedAt: z.number().nullable()
		})
		.nullable(),
	facilitator: z
		.object({
			code: z.string().nullable(),
			url: z.string().nullable(),
			participants: z.array(
				z.object({
					userId: z.string(),
					name: z.string(),
					mode: z.enum(['live', 'self']),
					currentStepId: z.string().nullable(),
					acked: z.number(),
					answered: z.number(),
					correct: z.number(),
					completedAt: z.number().nullable()
				})
			),
			questions: z.array(
				z.object({
					stepId: z.string(),
					questionId: z.string(),
					answered: z.number(),
					correctShare: z.number().nullable()
				})
			),
			feedback: z.array(feedbackItemSchema)
		})
		.nullable()
});
export type RolloutViewResponse = z.infer<typeof rolloutViewSchema>;

export const selfCheckAggregatesSchema = z.array(
	z.union([
		z.object({
			occasion: z.enum(SELF_CHECK_OCCASIONS),
			isShown: z.literal(false),
			minimum: z.number()
		}),
		z.object({
			occasion: z.enum(SELF_CHECK_OCCASIONS),
			isShown: z.literal(true),
			respondents: z.number(),
			items: z.array(
				z.object({
					itemId: z.enum(SELF_CHECK_ITEMS.map((i) => i.id) as [string, ...string[]]),
					source: z.string(),
					counts: z.array(z.number()),
					mean: z.number()
				})
			)
		})
	])
);
