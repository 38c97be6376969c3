/**
 * Named operations on steps: add, retitle, move (within a stage or to another one), remove, and
 * set who does it, when, which part of the læringsbevis it is about, what it produces and its
 * guidance. Custom roles and the checklist are in drejebog-ops-lists.ts.
 */
import { z } from 'zod';
import { NotFoundError } from '#lib/domain/errors.ts';
import { MAX_STEPS_PER_STAGE } from '#lib/domain/drejebog/limits.ts';
import {
	WHEN_KINDS,
	drejebogItemIdSchema,
	guidanceSchema,
	linkSchema,
	offsetWeeksSchema,
	productSchema,
	standardRoleSchema,
	stepTitleSchema,
	whenTextSchema,
	type When
} from '#lib/domain/drejebog/schemas.ts';
import { templateItemIdSchema } from '#lib/domain/template/ids.ts';
import { emptyRichText, richTextInputSchema, toRichText } from '#lib/domain/template/rich-text.ts';
import { writeRichText } from '../rich-text-yjs.ts';
import { readFragment, writeText, type Entry } from '../template/template-doc.ts';
import { putRichText } from '../template/template-write.ts';
import {
	DFIELD,
	drejebogRoots,
	ensureMap,
	findStep,
	stageEntries,
	stepsByStage
} from './drejebog-doc.ts';
import {
	claimId,
	indexSchema,
	insertItem,
	isAt,
	parseInput,
	placeEntry,
	refuse,
	requireEntry,
	toIndexSchema,
	transact,
	type DrejebogContext
} from './drejebog-input.ts';
import { fillStep } from './drejebog-write.ts';

/**
 * The step with `stepId` as readers show it.
 * @throws NotFoundError when it is gone (someone removed it or its stage).
 */
export function requireStep(ctx: DrejebogContext, stepId: string): Entry {
	const found = findStep(ctx.doc, stepId);
	if (!found) throw new NotFoundError('template.input.gone');
	return found.entry;
}

/** A new step's timing: before the start in the first stage, at the end in the last, else at the start. */
function defaultWhen(stageIndex: number, stageCount: number): When {
	if (stageIndex === 0) return { kind: 'start', offsetWeeks: -1 };
	if (stageIndex === stageCount - 1) return { kind: 'end', offsetWeeks: 0 };
	return { kind: 'start', offsetWeeks: 0 };
}

const addSchema = z.object({
	stageId: drejebogItemIdSchema,
	title: stepTitleSchema,
	index: indexSchema,
	id: drejebogItemIdSchema.optional()
});
export type AddStepInput = z.input<typeof addSchema>;

/**
 * Adds a step to a stage and returns its id; it starts with nobody, no link and no checklist.
 * @throws ValidationError for an empty or too long title or a full stage; NotFoundError when the stage is gone.
 */
export function addStep(ctx: DrejebogContext, input: AddStepInput): string {
	const { stageId, title, index, id: wanted } = parseInput(addSchema, input);
	const stages = stageEntries(ctx.doc);
	requireEntry(stages, stageId);
	const siblings = stepsByStage(ctx.doc, stages).get(stageId) ?? [];
	if (siblings.length >= MAX_STEPS_PER_STAGE) refuse('title', 'drejebog.input.tooManyItems');
	const parent = drejebogRoots(ctx.doc).steps;
	const id = claimId(parent, wanted);
	const stageIndex = stages.findIndex((s) => s.id === stageId);
	transact(ctx, () => {
		const map = insertItem({ parent, siblings, index, id, fields: {} });
		fillStep(map, stageId, {
			title,
			guidance: emptyRichText(),
			who: { roles: [], customRoles: [] },
			when: defaultWhen(stageIndex, stages.length),
			link: null,
			produces: 'none',
			checklist: []
		});
	});
	return id;
}

const titleSchema = z.object({ stepId: drejebogItemIdSchema, title: stepTitleSchema });

/** Sets a step's title as a whole (typing in its field is live). @throws ValidationError, NotFoundError */
export function renameStep(ctx: DrejebogContext, input: z.input<typeof titleSchema>): void {
	const { stepId, title } = parseInput(titleSchema, input);
	const entry = requireStep(ctx, stepId);
	transact(ctx, () => writeText(entry.map, DFIELD.title, title));
}

const moveSchema = z.object({
	stepId: drejebogItemIdSchema,
	/** The stage to move it to; its own stage when left out. */
	stageId: drejebogItemIdSchema.optional(),
	toIndex: toIndexSchema
});
export type MoveStepInput = z.input<typeof moveSchema>;

/**
 * Moves a step to `toIndex` of its own stage or of `stageId`. Only the step's stage and order key
 * change, so a concurrent edit of the step survives the move.
 * @throws NotFoundError (step or stage gone), ValidationError (the target stage is full).
 */
export function moveStep(ctx: DrejebogContext, input: MoveStepInput): void {
	const parsed = parseInput(moveSchema, input);
	const found = findStep(ctx.doc, parsed.stepId);
	if (!found) throw new NotFoundError('template.input.gone');
	const stages = stageEntries(ctx.doc);
	const target = parsed.stageId ?? found.stageId;
	requireEntry(stages, target);
	const isSameStage = target === found.stageId;
	if (isSameStage && isAt(found.siblings, found.entry, parsed.toIndex)) return;
	const siblings = (stepsByStage(ctx.doc, stages).get(target) ?? []).filter(
		(s) => s.id !== parsed.stepId
	);
	if (!isSameStage && siblings.length >= MAX_STEPS_PER_STAGE) {
		refuse('stageId', 'drejebog.input.tooManyItems');
	}
	transact(ctx, () => {
		if (!isSameStage) found.entry.map.set(DFIELD.stageId, target);
		placeEntry(found.entry, siblings, parsed.toIndex);
	});
}

const stepIdSchema = z.object({ stepId: drejebogItemIdSchema });

/** Removes a step. @throws NotFoundError */
export function removeStep(ctx: DrejebogContext, input: z.input<typeof stepIdSchema>): void {
	const { stepId } = parseInput(stepIdSchema, input);
	requireStep(ctx, stepId);
	transact(ctx, () => drejebogRoots(ctx.doc).steps.delete(stepId));
}

const roleSchema = z.object({
	stepId: drejebogItemIdSchema,
	role: standardRoleSchema,
	isIncluded: z.boolean()
});

/** Says whether a standard role does the step. @throws ValidationError, NotFoundError */
export function setStepRole(ctx: DrejebogContext, input: z.input<typeof roleSchema>): void {
	const { stepId, role, isIncluded } = parseInput(roleSchema, input);
	const entry = requireStep(ctx, stepId);
	transact(ctx, () => {
		const roles = ensureMap(entry.map, DFIELD.roles);
		if (isIncluded) roles.set(role, true);
		else roles.delete(role);
	});
}

const whenSchema = z.object({
	stepId: drejebogItemIdSchema,
	kind: z.enum(WHEN_KINDS, { error: 'drejebog.input.invalidKind' }).optional(),
	offsetWeeks: offsetWeeksSchema.optional(),
	measurementPointId: templateItemIdSchema.optional(),
	/** Free words; may be empty while someone is about to type them. */
	text: whenTextSchema.or(z.literal('')).optional()
});
export type SetStepWhenInput = z.input<typeof whenSchema>;

/**
 * Changes a step's timing: its kind, offset, measurement point and/or free words. Each is kept
 * separately, so switching to free words and back keeps the offset and point.
 * @throws ValidationError, NotFoundError
 */
export function setStepWhen(ctx: DrejebogContext, input: SetStepWhenInput): void {
	const { stepId, kind, offsetWeeks, measurementPointId, text } = parseInput(whenSchema, input);
	const entry = requireStep(ctx, stepId);
	transact(ctx, () => {
		const when = ensureMap(entry.map, DFIELD.when);
		if (kind !== undefined) when.set(DFIELD.kind, kind);
		if (offsetWeeks !== undefined) when.set(DFIELD.offsetWeeks, offsetWeeks);
		if (measurementPointId !== undefined) when.set(DFIELD.pointId, measurementPointId);
		if (text !== undefined) writeText(when, DFIELD.text, text);
	});
}

const linkInputSchema = z.object({ stepId: drejebogItemIdSchema, link: linkSchema.nullable() });

/** Links a step to a part of the template (by id), or unlinks it (null). @throws ValidationError, NotFoundError */
export function setStepLink(ctx: DrejebogContext, input: z.input<typeof linkInputSchema>): void {
	const { stepId, link } = parseInput(linkInputSchema, input);
	const entry = requireStep(ctx, stepId);
	transact(ctx, () => entry.map.set(DFIELD.link, link));
}

const producesSchema = z.object({ stepId: drejebogItemIdSchema, produces: productSchema });

/** Says what a step produces. @throws ValidationError, NotFoundError */
export function setStepProduces(ctx: DrejebogContext, input: z.input<typeof producesSchema>): void {
	const { stepId, produces } = parseInput(producesSchema, input);
	const entry = requireStep(ctx, stepId);
	transact(ctx, () => entry.map.set(DFIELD.produces, produces));
}

const guidanceInputSchema = z.object({
	stepId: drejebogItemIdSchema,
	guidance: richTextInputSchema.transform(toRichText).pipe(guidanceSchema)
});

/** Replaces a step's whole guidance (live editing binds the fragment instead). @throws ValidationError, NotFoundError */
export function setStepGuidance(
	ctx: DrejebogContext,
	input: z.input<typeof guidanceInputSchema>
): void {
	const { stepId, guidance } = parseInput(guidanceInputSchema, input);
	const entry = requireStep(ctx, stepId);
	transact(ctx, () => {
		const fragment = readFragment(entry.map, DFIELD.guidance);
		if (fragment) writeRichText(fragment, guidance);
		else putRichText(entry.map, DFIELD.guidance, guidance);
	});
}
