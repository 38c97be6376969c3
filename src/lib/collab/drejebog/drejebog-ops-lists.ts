/**
 * Named operations on a step's two small lists: its custom roles ("Fleksjobambassadør") and its
 * checklist. Both are ordered item maps inside the step, created with it (drejebog-write.ts), so
 * two people adding items at once both keep theirs.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { MAX_CHECKLIST_ITEMS, MAX_CUSTOM_ROLES } from '#lib/domain/drejebog/limits.ts';
import {
	checklistTextSchema,
	drejebogItemIdSchema,
	roleLabelSchema
} from '#lib/domain/drejebog/schemas.ts';
import { normalizeLabel } from '#lib/domain/template/validate-labels.ts';
import { readText, writeText, type Entry } from '../template/template-doc.ts';
import { DFIELD, ensureMap, mapAt, nestedEntries } from './drejebog-doc.ts';
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
import { requireStep } from './drejebog-ops-steps.ts';

const addRoleSchema = z.object({
	stepId: drejebogItemIdSchema,
	label: roleLabelSchema,
	id: drejebogItemIdSchema.optional()
});
export type AddCustomRoleInput = z.input<typeof addRoleSchema>;

/**
 * Adds a custom role to a step and returns its id.
 * @throws ValidationError (empty, too long or already there; too many), NotFoundError
 */
export function addCustomRole(ctx: DrejebogContext, input: AddCustomRoleInput): string {
	const { stepId, label, id: wanted } = parseInput(addRoleSchema, input);
	const step = requireStep(ctx, stepId);
	const siblings = nestedEntries(step.map, DFIELD.customRoles);
	if (siblings.length >= MAX_CUSTOM_ROLES) refuse('label', 'drejebog.input.tooManyItems');
	const wantedLabel = normalizeLabel(label);
	if (siblings.some((e) => normalizeLabel(readText(e.map, DFIELD.label)) === wantedLabel)) {
		refuse('label', 'drejebog.input.duplicateRole');
	}
	const id = claimId(mapAt(step.map, DFIELD.customRoles) ?? new Y.Map(), wanted);
	transact(ctx, () => {
		const parent = ensureMap(step.map, DFIELD.customRoles);
		insertItem({
			parent,
			siblings,
			index: undefined,
			id,
			fields: { [DFIELD.label]: new Y.Text(label) }
		});
	});
	return id;
}

const removeRoleSchema = z.object({ stepId: drejebogItemIdSchema, roleId: drejebogItemIdSchema });

/** Removes a custom role from a step. @throws NotFoundError */
export function removeCustomRole(
	ctx: DrejebogContext,
	input: z.input<typeof removeRoleSchema>
): void {
	const { stepId, roleId } = parseInput(removeRoleSchema, input);
	const step = requireStep(ctx, stepId);
	const roles = nestedEntries(step.map, DFIELD.customRoles);
	removeEntry(ctx, ensureMap(step.map, DFIELD.customRoles), roles, roleId);
}

function checklistOf(ctx: DrejebogContext, stepId: string): { step: Entry; items: Entry[] } {
	const step = requireStep(ctx, stepId);
	return { step, items: nestedEntries(step.map, DFIELD.checklist) };
}

const addItemSchema = z.object({
	stepId: drejebogItemIdSchema,
	text: checklistTextSchema,
	index: indexSchema,
	id: drejebogItemIdSchema.optional()
});
export type AddChecklistItemInput = z.input<typeof addItemSchema>;

/**
 * Adds a checklist item to a step and returns its id.
 * @throws ValidationError (empty or too long text; too many items), NotFoundError
 */
export function addChecklistItem(ctx: DrejebogContext, input: AddChecklistItemInput): string {
	const { stepId, text, index, id: wanted } = parseInput(addItemSchema, input);
	const { step, items } = checklistOf(ctx, stepId);
	if (items.length >= MAX_CHECKLIST_ITEMS) refuse('text', 'drejebog.input.tooManyItems');
	const id = claimId(mapAt(step.map, DFIELD.checklist) ?? new Y.Map(), wanted);
	transact(ctx, () => {
		const parent = ensureMap(step.map, DFIELD.checklist);
		insertItem({ parent, siblings: items, index, id, fields: { [DFIELD.text]: new Y.Text(text) } });
	});
	return id;
}

const updateItemSchema = z.object({
	stepId: drejebogItemIdSchema,
	itemId: drejebogItemIdSchema,
	text: checklistTextSchema
});

/** Replaces a checklist item's text as a whole (typing in it is live). @throws ValidationError, NotFoundError */
export function updateChecklistItem(
	ctx: DrejebogContext,
	input: z.input<typeof updateItemSchema>
): void {
	const { stepId, itemId, text } = parseInput(updateItemSchema, input);
	const item = requireEntry(checklistOf(ctx, stepId).items, itemId);
	transact(ctx, () => writeText(item.map, DFIELD.text, text));
}

const moveItemSchema = z.object({
	stepId: drejebogItemIdSchema,
	itemId: drejebogItemIdSchema,
	toIndex: toIndexSchema
});

/** Moves a checklist item to `toIndex`. @throws NotFoundError */
export function moveChecklistItem(
	ctx: DrejebogContext,
	input: z.input<typeof moveItemSchema>
): void {
	const { stepId, itemId, toIndex } = parseInput(moveItemSchema, input);
	moveEntry(ctx, checklistOf(ctx, stepId).items, itemId, toIndex);
}

const removeItemSchema = z.object({ stepId: drejebogItemIdSchema, itemId: drejebogItemIdSchema });

/** Removes a checklist item. @throws NotFoundError */
export function removeChecklistItem(
	ctx: DrejebogContext,
	input: z.input<typeof removeItemSchema>
): void {
	const { stepId, itemId } = parseInput(removeItemSchema, input);
	const { step, items } = checklistOf(ctx, stepId);
	removeEntry(ctx, ensureMap(step.map, DFIELD.checklist), items, itemId);
}
