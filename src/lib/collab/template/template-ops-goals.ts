/**
 * Named operations on the goal part: whether the template has it, its heading and guidance, the
 * sub-goals (each optionally linked to statements), the measurement points at which they are
 * followed, and the status scale they are followed with. Links and followed points are keys of
 * maps (statement id → true, point id → true), so two people linking different statements at once
 * both keep their link. The texts are `Y.Text`s that the editor binds for live typing.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '#lib/domain/lazy-schema.ts';
import { MAX_GOAL_STATUSES, MAX_SUB_GOALS, MIN_GOAL_STATUSES } from '#lib/domain/limits.ts';
import { templateItemIdSchema } from '#lib/domain/template/ids.ts';
import {
	addGoalStatusInputSchema,
	addSubGoalInputFor,
	renameGoalStatusInputSchema,
	setGoalInputSchema,
	setGoalPointInputFor,
	updateSubGoalInputFor
} from '#lib/domain/template/inputs.ts';
import { toRichText } from '#lib/domain/template/rich-text.ts';
import { boundedRichTextSchema } from '#lib/domain/template/text-schemas.ts';
import { writeRichText } from '../rich-text-yjs.ts';
import {
	FIELD,
	docStarterId,
	entriesOf,
	readFragment,
	templateRoots,
	writeText,
	type Entry
} from './template-doc.ts';
import {
	assertUniqueLabel,
	claimId,
	insertItem,
	moveEntry,
	parseInput,
	refuse,
	requireEntry,
	toIndexSchema,
	transact,
	type TemplateContext
} from './template-input.ts';
import { readTemplate } from './template-read.ts';
import { putRichText } from './template-write.ts';

function entries(ctx: TemplateContext, list: 'subGoals' | 'goalStatuses'): Entry[] {
	return entriesOf(templateRoots(ctx.doc)[list], docStarterId(ctx.doc));
}

/** The links map of a sub-goal (created with it; recreated if a crafted document lacks it). */
function linksOf(subGoal: Entry): Y.Map<unknown> {
	const links: unknown = subGoal.map.get(FIELD.statementIds);
	if (links instanceof Y.Map) return links as Y.Map<unknown>;
	const fresh = new Y.Map<unknown>();
	subGoal.map.set(FIELD.statementIds, fresh);
	return fresh;
}

const goalSchema = lazySchema(() =>
	setGoalInputSchema.transform((input) => ({
		...input,
		guidance: input.guidance === undefined ? undefined : toRichText(input.guidance)
	}))
);

/**
 * Turns the goal part on or off and/or sets its heading or (whole) guidance.
 * @throws ValidationError for an empty or too long heading or guidance.
 */
export function setGoal(ctx: TemplateContext, input: z.input<typeof setGoalInputSchema>): void {
	const { isIncluded, label, guidance } = parseInput(goalSchema, input);
	if (guidance !== undefined) parseInput(boundedRichTextSchema, guidance);
	const { goal } = templateRoots(ctx.doc);
	transact(ctx, () => {
		if (isIncluded !== undefined && goal.get(FIELD.isIncluded) !== isIncluded) {
			goal.set(FIELD.isIncluded, isIncluded);
		}
		if (label !== undefined) writeText(goal, FIELD.label, label);
		if (guidance !== undefined) {
			const fragment = readFragment(goal, FIELD.guidance);
			if (fragment) writeRichText(fragment, guidance);
			else putRichText(goal, FIELD.guidance, guidance);
		}
	});
}

export type AddSubGoalInput = z.input<ReturnType<typeof addSubGoalInputFor>>;

/**
 * Adds a sub-goal (optionally linked to statements) and returns its id.
 * @throws ValidationError for an empty, too long or duplicate text, too many sub-goals, or a
 * statement this template does not have.
 */
export function addSubGoal(ctx: TemplateContext, input: AddSubGoalInput): string {
	const parsed = parseInput(addSubGoalInputFor(readTemplate(ctx.doc)), input);
	const parent = templateRoots(ctx.doc).subGoals;
	const siblings = entries(ctx, 'subGoals');
	if (siblings.length >= MAX_SUB_GOALS) refuse('text', 'template.input.tooManyItems');
	assertUniqueLabel({ entries: siblings, label: parsed.text, key: FIELD.text, field: 'text' });
	const id = claimId(parent, parsed.id);
	transact(ctx, () => {
		const links = new Y.Map<unknown>();
		const fields = { [FIELD.text]: new Y.Text(parsed.text), [FIELD.statementIds]: links };
		insertItem({ parent, siblings, index: parsed.index, id, fields });
		for (const statementId of parsed.statementIds ?? []) links.set(statementId, true);
	});
	return id;
}

export type UpdateSubGoalInput = z.input<ReturnType<typeof updateSubGoalInputFor>>;

/**
 * Changes a sub-goal's text and/or replaces its linked statements (only the links that change
 * are written).
 * @throws ValidationError for a bad or duplicate text or a statement this template does not have;
 * NotFoundError when the sub-goal is gone.
 */
export function updateSubGoal(ctx: TemplateContext, input: UpdateSubGoalInput): void {
	const { subGoalId, text, statementIds } = parseInput(
		updateSubGoalInputFor(readTemplate(ctx.doc)),
		input
	);
	const siblings = entries(ctx, 'subGoals');
	const subGoal = requireEntry(siblings, subGoalId);
	if (text !== undefined) {
		assertUniqueLabel({
			entries: siblings,
			label: text,
			exceptId: subGoalId,
			key: FIELD.text,
			field: 'text'
		});
	}
	transact(ctx, () => {
		if (text !== undefined) writeText(subGoal.map, FIELD.text, text);
		if (statementIds === undefined) return;
		const links = linksOf(subGoal);
		const wanted = new Set(statementIds);
		for (const id of [...links.keys()]) if (!wanted.has(id)) links.delete(id);
		for (const id of wanted) if (links.get(id) !== true) links.set(id, true);
	});
}

const linkSchema = lazySchema(() =>
	z.object({
		subGoalId: templateItemIdSchema,
		statementId: templateItemIdSchema,
		isLinked: z.boolean()
	})
);
export type SetSubGoalStatementInput = z.input<typeof linkSchema>;

/**
 * Links a statement to a sub-goal, or unlinks it. Unlinking works for a statement that has been
 * removed since (the problem list points at such links).
 * @throws ValidationError when linking a statement this template does not have; NotFoundError
 * when the sub-goal is gone.
 */
export function setSubGoalStatement(ctx: TemplateContext, input: SetSubGoalStatementInput): void {
	const { subGoalId, statementId, isLinked } = parseInput(linkSchema, input);
	if (isLinked) {
		parseInput(updateSubGoalInputFor(readTemplate(ctx.doc)), {
			subGoalId,
			statementIds: [statementId]
		});
	}
	const subGoal = requireEntry(entries(ctx, 'subGoals'), subGoalId);
	const links: unknown = subGoal.map.get(FIELD.statementIds);
	const isNow = links instanceof Y.Map && links.get(statementId) === true;
	if (isNow === isLinked) return;
	transact(ctx, () => {
		if (isLinked) linksOf(subGoal).set(statementId, true);
		else linksOf(subGoal).delete(statementId);
	});
}

const moveSchema = (idField: string) =>
	z.object({ [idField]: templateItemIdSchema, toIndex: toIndexSchema });

/** Moves a sub-goal to `toIndex`. @throws NotFoundError */
export function moveSubGoal(
	ctx: TemplateContext,
	input: { subGoalId: string; toIndex: number }
): void {
	parseInput(moveSchema('subGoalId'), input);
	moveEntry(ctx, entries(ctx, 'subGoals'), input.subGoalId, input.toIndex);
}

/** Removes a sub-goal. @throws NotFoundError */
export function removeSubGoal(ctx: TemplateContext, input: { subGoalId: string }): void {
	const { subGoalId } = parseInput(z.object({ subGoalId: templateItemIdSchema }), input);
	requireEntry(entries(ctx, 'subGoals'), subGoalId);
	transact(ctx, () => templateRoots(ctx.doc).subGoals.delete(subGoalId));
}

/**
 * Says whether the sub-goals are followed at a measurement point.
 * @throws ValidationError when the point is not in the template.
 */
export function setGoalPoint(
	ctx: TemplateContext,
	input: z.input<ReturnType<typeof setGoalPointInputFor>>
): void {
	const { measurementPointId, isFollowed } = parseInput(
		setGoalPointInputFor(readTemplate(ctx.doc)),
		input
	);
	const { goalPoints } = templateRoots(ctx.doc);
	if ((goalPoints.get(measurementPointId) === true) === isFollowed) return;
	transact(ctx, () => {
		if (isFollowed) goalPoints.set(measurementPointId, true);
		else goalPoints.delete(measurementPointId);
	});
}

/**
 * Adds a step to the status scale (e.g. "Næsten nået") and returns its id.
 * @throws ValidationError for an empty, too long or duplicate label, or too many steps.
 */
export function addGoalStatus(
	ctx: TemplateContext,
	input: z.input<typeof addGoalStatusInputSchema>
): string {
	const { label, index, id } = parseInput(addGoalStatusInputSchema, input);
	const parent = templateRoots(ctx.doc).goalStatuses;
	const siblings = entries(ctx, 'goalStatuses');
	if (siblings.length >= MAX_GOAL_STATUSES) refuse('label', 'template.input.tooManyItems');
	assertUniqueLabel({ entries: siblings, label });
	const statusId = claimId(parent, id);
	transact(ctx, () => {
		const fields = { [FIELD.label]: new Y.Text(label) };
		insertItem({ parent, siblings, index, id: statusId, fields });
	});
	return statusId;
}

/** Renames a step of the status scale. @throws ValidationError, NotFoundError */
export function renameGoalStatus(
	ctx: TemplateContext,
	input: z.input<typeof renameGoalStatusInputSchema>
): void {
	const { statusId, label } = parseInput(renameGoalStatusInputSchema, input);
	const siblings = entries(ctx, 'goalStatuses');
	const status = requireEntry(siblings, statusId);
	assertUniqueLabel({ entries: siblings, label, exceptId: statusId });
	transact(ctx, () => writeText(status.map, FIELD.label, label));
}

/** Moves a step of the status scale (the last one means reached). @throws NotFoundError */
export function moveGoalStatus(
	ctx: TemplateContext,
	input: { statusId: string; toIndex: number }
): void {
	parseInput(moveSchema('statusId'), input);
	moveEntry(ctx, entries(ctx, 'goalStatuses'), input.statusId, input.toIndex);
}

/**
 * Removes a step of the status scale.
 * @throws ValidationError when the scale would have fewer than two steps; NotFoundError.
 */
export function removeGoalStatus(ctx: TemplateContext, input: { statusId: string }): void {
	const { statusId } = parseInput(z.object({ statusId: templateItemIdSchema }), input);
	const siblings = entries(ctx, 'goalStatuses');
	requireEntry(siblings, statusId);
	if (siblings.length <= MIN_GOAL_STATUSES) refuse('label', 'template.input.tooFewStatuses');
	transact(ctx, () => templateRoots(ctx.doc).goalStatuses.delete(statusId));
}
