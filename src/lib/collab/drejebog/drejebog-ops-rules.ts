/**
 * Named operations on the two rule sections: the "CV og Min Plan" settings, and the rules of
 * "Hurtig reaktion" (add, change, move, remove). Settings are separate fields, so two people
 * changing two of them at once both keep their change.
 */
import { z } from 'zod';
import { MAX_REACTIONS } from '#lib/domain/drejebog/limits.ts';
import {
	REACTION_KINDS,
	drejebogItemIdSchema,
	levelThresholdSchema,
	pointRefSchema,
	ratingBasisSchema,
	reactionActionSchema,
	reactionConditionSchema,
	reactionTextSchema
} from '#lib/domain/drejebog/schemas.ts';
import { templateItemIdSchema } from '#lib/domain/template/ids.ts';
import { MAX_MISSED_DAYS } from '#lib/domain/drejebog/limits.ts';
import { entriesOf, writeText } from '../template/template-doc.ts';
import { CV_PLAN, DFIELD, drejebogRoots, ensureMap } from './drejebog-doc.ts';
import {
	claimId,
	type DrejebogContext,
	indexSchema,
	insertItem,
	moveEntry,
	parseInput,
	refuse,
	removeEntry,
	requireEntry,
	toIndexSchema,
	transact
} from './drejebog-input.ts';
import { fillReaction } from './drejebog-write.ts';

const cvPlanInputSchema = z.object({
	basis: ratingBasisSchema.optional(),
	point: pointRefSchema.optional(),
	cvThreshold: levelThresholdSchema.optional(),
	minPlanThreshold: levelThresholdSchema.optional(),
	minPlanIncludesNotRated: z.boolean().optional(),
	minPlanIncludesNextStep: z.boolean().optional()
});
export type SetCvPlanInput = z.input<typeof cvPlanInputSchema>;

/** Changes one or more "CV og Min Plan" settings. @throws ValidationError */
export function setCvPlan(ctx: DrejebogContext, input: SetCvPlanInput): void {
	const parsed = parseInput(cvPlanInputSchema, input);
	const map = drejebogRoots(ctx.doc).cvPlan;
	transact(ctx, () => {
		for (const [key, value] of Object.entries(parsed)) {
			if (value !== undefined) map.set(key, value);
		}
	});
}

const sectionInputSchema = z.object({
	list: z.enum(['cv', 'minPlan'], { error: 'drejebog.input.invalidKind' }),
	sectionId: templateItemIdSchema,
	isIncluded: z.boolean()
});

/** Says whether the young person's own words in a free-text section go to the CV or Min Plan. @throws ValidationError */
export function setCvPlanSection(
	ctx: DrejebogContext,
	input: z.input<typeof sectionInputSchema>
): void {
	const { list, sectionId, isIncluded } = parseInput(sectionInputSchema, input);
	const key = list === 'cv' ? CV_PLAN.cvSections : CV_PLAN.minPlanSections;
	transact(ctx, () => {
		const sections = ensureMap(drejebogRoots(ctx.doc).cvPlan, key);
		if (isIncluded) sections.set(sectionId, true);
		else sections.delete(sectionId);
	});
}

function reactionEntries(ctx: DrejebogContext) {
	return entriesOf(drejebogRoots(ctx.doc).reactions, null);
}

const addSchema = z.object({
	condition: reactionConditionSchema,
	action: reactionActionSchema.default(''),
	index: indexSchema,
	id: drejebogItemIdSchema.optional()
});
export type AddReactionInput = z.input<typeof addSchema>;

/** Adds a rule to "Hurtig reaktion" and returns its id. @throws ValidationError */
export function addReaction(ctx: DrejebogContext, input: AddReactionInput): string {
	const { condition, action, index, id: wanted } = parseInput(addSchema, input);
	const parent = drejebogRoots(ctx.doc).reactions;
	const siblings = reactionEntries(ctx);
	if (siblings.length >= MAX_REACTIONS) refuse('kind', 'drejebog.input.tooManyItems');
	const id = claimId(parent, wanted);
	transact(ctx, () => {
		fillReaction(insertItem({ parent, siblings, index, id, fields: {} }), { condition, action });
	});
	return id;
}

const updateSchema = z.object({
	reactionId: drejebogItemIdSchema,
	kind: z.enum(REACTION_KINDS, { error: 'drejebog.input.invalidKind' }).optional(),
	fromPointId: templateItemIdSchema.optional(),
	toPointId: templateItemIdSchema.optional(),
	days: z
		.number({ error: 'drejebog.input.missedDays' })
		.int({ error: 'drejebog.input.missedDays' })
		.min(1, { error: 'drejebog.input.missedDays' })
		.max(MAX_MISSED_DAYS, { error: 'drejebog.input.missedDays' })
		.optional(),
	raterId: templateItemIdSchema.nullable().optional(),
	text: reactionTextSchema.or(z.literal('')).optional(),
	action: reactionActionSchema.optional()
});
export type UpdateReactionInput = z.input<typeof updateSchema>;

/**
 * Changes a rule's kind and/or its fields. Each field is kept separately, so switching the kind
 * and back keeps what was set for the other kind.
 * @throws ValidationError, NotFoundError
 */
export function updateReaction(ctx: DrejebogContext, input: UpdateReactionInput): void {
	const { reactionId, text, action, ...fields } = parseInput(updateSchema, input);
	const entry = requireEntry(reactionEntries(ctx), reactionId);
	const keys: Record<keyof typeof fields, string> = {
		kind: DFIELD.kind,
		fromPointId: DFIELD.fromPointId,
		toPointId: DFIELD.toPointId,
		days: DFIELD.days,
		raterId: DFIELD.raterId
	};
	transact(ctx, () => {
		for (const [name, value] of Object.entries(fields)) {
			if (value !== undefined) entry.map.set(keys[name as keyof typeof fields], value);
		}
		if (text !== undefined) writeText(entry.map, DFIELD.text, text);
		if (action !== undefined) writeText(entry.map, DFIELD.action, action);
	});
}

const moveSchema = z.object({ reactionId: drejebogItemIdSchema, toIndex: toIndexSchema });

/** Moves a rule to `toIndex`. @throws NotFoundError */
export function moveReaction(ctx: DrejebogContext, input: z.input<typeof moveSchema>): void {
	const { reactionId, toIndex } = parseInput(moveSchema, input);
	moveEntry(ctx, reactionEntries(ctx), reactionId, toIndex);
}

const removeSchema = z.object({ reactionId: drejebogItemIdSchema });

/** Removes a rule. @throws NotFoundError */
export function removeReaction(ctx: DrejebogContext, input: z.input<typeof removeSchema>): void {
	const { reactionId } = parseInput(removeSchema, input);
	removeEntry(ctx, drejebogRoots(ctx.doc).reactions, reactionEntries(ctx), reactionId);
}
