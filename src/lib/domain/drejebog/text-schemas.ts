/**
 * The text schemas of a drejebog: trimmed one-line texts with a length limit and drejebog message
 * keys (`drejebog.input.*`), and rich text bounded by its plain length. Built on the one text rule
 * of `lib/domain/text.ts`, so the drejebog refuses the same characters as everything else.
 */
import { textSchema, type TextMessages } from '../text.ts';
import { richTextSchema, richTextToPlainText } from '../template/rich-text.ts';
import { templateItemIdSchema } from '../template/ids.ts';
import {
	MAX_CHECKLIST_ITEM_LENGTH,
	MAX_DREJEBOG_TITLE_LENGTH,
	MAX_GUIDANCE_LENGTH,
	MAX_INTRODUCTION_LENGTH,
	MAX_REACTION_TEXT_LENGTH,
	MAX_ROLE_LABEL_LENGTH,
	MAX_STAGE_LABEL_LENGTH,
	MAX_STEP_TITLE_LENGTH,
	MAX_WHEN_TEXT_LENGTH
} from './limits.ts';

/** The drejebog's message keys for the shared text rule. */
export const DREJEBOG_TEXT_MESSAGES: TextMessages = {
	required: 'drejebog.input.required',
	tooLong: 'drejebog.input.tooLong',
	invalidCharacters: 'drejebog.input.invalidCharacters'
};

/** A trimmed, visible one-line text of at most `max` characters, with drejebog message keys. */
export function drejebogTextSchema(max: number, options: { mayBeEmpty?: boolean } = {}) {
	return textSchema(max, { messages: DREJEBOG_TEXT_MESSAGES, mayBeEmpty: options.mayBeEmpty });
}

/** Ids of the drejebog's own items (stages, steps, checklist items, rules): like template ids. */
export const drejebogItemIdSchema = templateItemIdSchema;

export const drejebogTitleSchema = drejebogTextSchema(MAX_DREJEBOG_TITLE_LENGTH);
export const stageLabelSchema = drejebogTextSchema(MAX_STAGE_LABEL_LENGTH);
export const stepTitleSchema = drejebogTextSchema(MAX_STEP_TITLE_LENGTH);
export const roleLabelSchema = drejebogTextSchema(MAX_ROLE_LABEL_LENGTH);
export const checklistTextSchema = drejebogTextSchema(MAX_CHECKLIST_ITEM_LENGTH);
export const whenTextSchema = drejebogTextSchema(MAX_WHEN_TEXT_LENGTH);
export const reactionTextSchema = drejebogTextSchema(MAX_REACTION_TEXT_LENGTH);
/** What to do when a reaction rule fires; may be left empty while the group decides. */
export const reactionActionSchema = drejebogTextSchema(MAX_REACTION_TEXT_LENGTH, {
	mayBeEmpty: true
});

function boundedRichText(max: number) {
	return richTextSchema.refine((value) => richTextToPlainText(value).length <= max, {
		error: 'drejebog.input.tooLong'
	});
}

/** A step's guidance: rich text of at most `MAX_GUIDANCE_LENGTH` plain characters. */
export const guidanceSchema = boundedRichText(MAX_GUIDANCE_LENGTH);
/** The drejebog's introduction and notes (what an old drejebog's whole text was). */
export const introductionSchema = boundedRichText(MAX_INTRODUCTION_LENGTH);
