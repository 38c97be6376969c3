/** Named operations on the stages: add, rename, move and remove (with their steps). */
import * as Y from 'yjs';
import { z } from 'zod';
import { MAX_STAGES } from '#lib/domain/drejebog/limits.ts';
import { drejebogItemIdSchema, stageLabelSchema } from '#lib/domain/drejebog/schemas.ts';
import { normalizeLabel } from '#lib/domain/template/validate-labels.ts';
import { readText, writeText } from '../template/template-doc.ts';
import { DFIELD, drejebogRoots, stageEntries, stepsByStage } from './drejebog-doc.ts';
import {
	claimId,
	type DrejebogContext,
	indexSchema,
	insertItem,
	moveEntry,
	parseInput,
	refuse,
	requireEntry,
	toIndexSchema,
	transact
} from './drejebog-input.ts';

const addSchema = z.object({
	label: stageLabelSchema,
	index: indexSchema,
	id: drejebogItemIdSchema.optional()
});
export type AddStageInput = z.input<typeof addSchema>;

function assertUnique(ctx: DrejebogContext, label: string, exceptId?: string): void {
	const wanted = normalizeLabel(label);
	const clash = stageEntries(ctx.doc).some(
		(e) => e.id !== exceptId && normalizeLabel(readText(e.map, DFIELD.label)) === wanted
	);
	if (clash) refuse('label', 'drejebog.input.duplicateStage');
}

/**
 * Adds a stage and returns its id.
 * @throws ValidationError for an empty, too long or duplicate label, or too many stages.
 */
export function addStage(ctx: DrejebogContext, input: AddStageInput): string {
	const { label, index, id: wanted } = parseInput(addSchema, input);
	const parent = drejebogRoots(ctx.doc).stages;
	const siblings = stageEntries(ctx.doc);
	if (siblings.length >= MAX_STAGES) refuse('label', 'drejebog.input.tooManyItems');
	assertUnique(ctx, label);
	const id = claimId(parent, wanted);
	transact(ctx, () => {
		insertItem({ parent, siblings, index, id, fields: { [DFIELD.label]: new Y.Text(label) } });
	});
	return id;
}

const renameSchema = z.object({ stageId: drejebogItemIdSchema, label: stageLabelSchema });

/** Renames a stage (typing in its field is live; this is the whole-value write). @throws ValidationError, NotFoundError */
export function renameStage(ctx: DrejebogContext, input: z.input<typeof renameSchema>): void {
	const { stageId, label } = parseInput(renameSchema, input);
	const entry = requireEntry(stageEntries(ctx.doc), stageId);
	assertUnique(ctx, label, stageId);
	transact(ctx, () => writeText(entry.map, DFIELD.label, label));
}

const moveSchema = z.object({ stageId: drejebogItemIdSchema, toIndex: toIndexSchema });

/** Moves a stage to `toIndex`. @throws NotFoundError */
export function moveStage(ctx: DrejebogContext, input: z.input<typeof moveSchema>): void {
	const { stageId, toIndex } = parseInput(moveSchema, input);
	moveEntry(ctx, stageEntries(ctx.doc), stageId, toIndex);
}

const removeSchema = z.object({ stageId: drejebogItemIdSchema });

/**
 * Removes a stage and the steps it shows, in one step (one undo brings both back). Steps that
 * are shown in the first stage because their own stage is gone go with the first stage.
 * @throws NotFoundError
 */
export function removeStage(ctx: DrejebogContext, input: z.input<typeof removeSchema>): void {
	const { stageId } = parseInput(removeSchema, input);
	const stages = stageEntries(ctx.doc);
	requireEntry(stages, stageId);
	const steps = stepsByStage(ctx.doc, stages).get(stageId) ?? [];
	const roots = drejebogRoots(ctx.doc);
	transact(ctx, () => {
		for (const step of steps) roots.steps.delete(step.id);
		roots.stages.delete(stageId);
	});
}
