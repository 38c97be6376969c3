/**
 * The walkthrough of Dag 3 as plain data, and the input schemas of rolling a version out. A
 * walkthrough is a list of steps; each step has a title, a body of simple blocks, the kind of
 * learning goal it serves (seed 004's "metoder og teknikker", "faglig viden", "kende sin rolle"),
 * whether staff confirm it ("Forstået"), and optionally one check question. Generated text is an
 * i18n key with values (`Txt`), so the walkthrough reads in the person's language; text from the
 * version itself (labels, statements, guidance) is carried as it was written.
 */
import { z } from 'zod';
import { textSchema } from '../text.ts';
import { richTextSchema, type RichText } from '../template/rich-text.ts';

/** Seed 004's three kinds of learning goal: methods and techniques, knowledge, one's own role. */
export const LEARNING_GOAL_KINDS = ['method', 'knowledge', 'role'] as const;
export type LearningGoalKind = (typeof LEARNING_GOAL_KINDS)[number];
export const learningGoalKindSchema = z.enum(LEARNING_GOAL_KINDS, {
	error: 'rollout.input.invalidKind'
});

/** Fixed text as an i18n key with its values, or text written by people (shown as it is). */
export type Txt = { key: string; params?: Record<string, string | number> } | { text: string };

/** The parts a step's body is made of; components render each kind. */
export type Block =
	| { type: 'paragraph'; text: Txt }
	| { type: 'rich'; content: RichText }
	| { type: 'list'; title?: Txt; items: Txt[] }
	| { type: 'scale'; title: Txt; levels: { label: string; description: string }[] }
	| {
			type: 'table';
			caption: Txt;
			columns: Txt[];
			rows: { header: Txt; cells: Txt[] }[];
	  }
	| { type: 'definitions'; items: { term: Txt; description: Txt }[] }
	| { type: 'steps'; items: DrejebogStepView[] }
	| { type: 'practice'; practice: PracticeCase };

/**
 * The practice læringsbevis: an invented young person and the version's areas to rate. It lives
 * only in the browser that fills it in (sandbox data, never a case).
 */
export type PracticeCase = {
	name: string;
	areas: {
		id: string;
		label: string;
		levels: { id: string; label: string }[];
		/** The first level (0-based) that puts a statement into the læringsbevis. */
		reachedFrom: number;
		statements: { id: string; text: string; cvPhrase: string }[];
	}[];
};

/** One step of a drejebog stage as the walkthrough shows it: what, who, when, what it makes. */
export type DrejebogStepView = {
	title: string;
	who: Txt[];
	when: Txt;
	produces: Txt | null;
	checklist: string[];
	guidance: RichText | null;
};

/** One option of a check question. */
export type QuestionOption = { id: string; text: Txt };

/** A multiple-choice check question; several right options make it "choose all that fit". */
export type CheckQuestion = {
	id: string;
	prompt: Txt;
	options: QuestionOption[];
	correctOptionIds: string[];
	/** Shown after answering, right or wrong. */
	explanation: Txt;
};

/** Where a step comes from: generated from the version, or a slide of the facilitator's. */
export const STEP_KINDS = [
	'purpose',
	'area',
	'ratingPlan',
	'laeringsbevis',
	'progression',
	'stage',
	'rules',
	'startCase',
	'practice',
	'slide'
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export type WalkthroughStep = {
	/** Stable for a version: the same version always gives the same ids. */
	id: string;
	kind: StepKind;
	title: Txt;
	learningGoal: LearningGoalKind;
	requiresAck: boolean;
	blocks: Block[];
	question: CheckQuestion | null;
};

export type Walkthrough = { steps: WalkthroughStep[] };

const MAX_SLIDE_TITLE_LENGTH = 120;
const MAX_SLIDE_BODY_BLOCKS = 60;
const MAX_QUESTION_TEXT_LENGTH = 300;
const MAX_OPTION_TEXT_LENGTH = 200;
const MAX_OPTIONS = 6;
/** Longest question or suggestion from the session. */
export const MAX_FEEDBACK_LENGTH = 1000;
/** Most slides a facilitator adds to one session. */
export const MAX_SLIDES = 30;

const slideIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'rollout.input.invalidId' });

/** A check question the facilitator writes on a slide: options as text, right ones by index. */
export const slideQuestionSchema = z
	.object({
		prompt: textSchema(MAX_QUESTION_TEXT_LENGTH),
		options: z
			.array(textSchema(MAX_OPTION_TEXT_LENGTH))
			.min(2, { error: 'rollout.input.tooFewOptions' })
			.max(MAX_OPTIONS, { error: 'rollout.input.tooManyOptions' }),
		correct: z
			.array(z.number().int().min(0))
			.min(1, { error: 'rollout.input.noCorrectOption' })
			.max(MAX_OPTIONS),
		explanation: textSchema(MAX_QUESTION_TEXT_LENGTH, { isMultiLine: true })
	})
	.refine((q) => q.correct.every((index) => index < q.options.length), {
		error: 'rollout.input.noCorrectOption',
		path: ['correct']
	});
export type SlideQuestionInput = z.infer<typeof slideQuestionSchema>;

/** A slide of the facilitator's own, placed after a generated step (or first, with null). */
export const slideSchema = z.object({
	id: slideIdSchema,
	afterStepId: z.string().max(120).nullable(),
	title: textSchema(MAX_SLIDE_TITLE_LENGTH),
	body: richTextSchema.refine((doc) => doc.content.length <= MAX_SLIDE_BODY_BLOCKS, {
		error: 'rollout.input.tooLong'
	}),
	learningGoal: learningGoalKindSchema,
	requiresAck: z.boolean(),
	question: slideQuestionSchema.nullable()
});
export type Slide = z.infer<typeof slideSchema>;

/** The facilitator's settings of a session: own slides and learning-goal kinds per step. */
export type WalkthroughSettings = {
	slides: readonly Slide[];
	/** Step id → the kind the facilitator chose instead of the generated one. */
	learningGoals: Readonly<Record<string, LearningGoalKind>>;
};

/** `POST /api/v1/rollouts/join`. */
export const joinRolloutSchema = z.object({
	code: z.string({ error: 'rollout.join.codeRequired' }).max(40, { error: 'rollout.join.badCode' })
});

/** `POST …/steps/{stepId}/answer`: the chosen option ids. */
export const answerSchema = z.object({
	choices: z
		.array(z.string().max(40))
		.min(1, { error: 'rollout.input.noChoice' })
		.max(MAX_OPTIONS, { error: 'rollout.input.noChoice' })
});
export type AnswerInput = z.infer<typeof answerSchema>;

/** `POST …/position`: where a follower (or the presenter) is. */
export const positionSchema = z.object({ stepId: z.string().min(1).max(120) });

/** A question or a suggestion posted in the session. */
export const FEEDBACK_KINDS = ['question', 'suggestion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const feedbackSchema = z.object({
	kind: z.enum(FEEDBACK_KINDS, { error: 'rollout.input.invalidKind' }),
	text: textSchema(MAX_FEEDBACK_LENGTH, { isMultiLine: true })
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;

/** A calendar date (the follow-up learning meeting), `YYYY-MM-DD`. */
export const isoDateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'rollout.input.date' })
	.refine(isCalendarDate, { error: 'rollout.input.date' });

/** True for a real calendar date `YYYY-MM-DD` (not 2026-02-30). */
function isCalendarDate(value: string): boolean {
	const ms = Date.parse(`${value}T00:00:00Z`);
	return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export const followUpSchema = z.object({ date: isoDateSchema });

/** `PUT …/settings`: the facilitator's slides and learning-goal kinds. */
export const settingsSchema = z.object({
	slides: z.array(slideSchema).max(MAX_SLIDES, { error: 'rollout.input.tooManySlides' }),
	learningGoals: z.record(z.string().max(120), learningGoalKindSchema)
});
