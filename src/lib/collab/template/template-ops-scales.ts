/**
 * Named operations on scales and their levels. A scale belongs to an area, or to a statement that
 * overrides its area's scale; `ScaleOwner` says which.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '#lib/domain/lazy-schema.ts';
import { NotFoundError } from '#lib/domain/errors.ts';
import { MAX_SCALE_LEVELS, MIN_SCALE_LEVELS } from '#lib/domain/limits.ts';
import { newItemId, templateItemIdSchema } from '#lib/domain/template/ids.ts';
import { richTextInputSchema, toRichText } from '#lib/domain/template/rich-text.ts';
import { boundedRichTextSchema, levelLabelSchema } from '#lib/domain/template/schemas.ts';
import { writeRichText } from '../rich-text-yjs.ts';
import {
	FIELD,
	docStarterId,
	readFragment,
	statementsByArea,
	writeText,
	type Entry,
	type ItemMap
} from './template-doc.ts';
import { areaEntries } from './template-ops-areas.ts';
import {
	assertUniqueLabel,
	claimId,
	indexSchema,
	insertItem,
	moveEntry,
	newIdSchema,
	parseInput,
	refuse,
	requireEntry,
	toIndexSchema,
	transact,
	type TemplateContext
} from './template-input.ts';
import { levelEntries, levelsMapOf, readScale } from './template-read.ts';
import { putRichText, writeLevels } from './template-write.ts';

/** The area whose scale is meant, or the statement whose own (override) scale is meant. */
export const scaleOwnerSchema = lazySchema(() =>
	z.union([
		z.object({ areaId: templateItemIdSchema }).strict(),
		z.object({ statementId: templateItemIdSchema }).strict()
	])
);
export type ScaleOwner = z.infer<typeof scaleOwnerSchema>;

const descriptorSchema = lazySchema(() =>
	richTextInputSchema.transform(toRichText).pipe(boundedRichTextSchema)
);

function findStatement(
	ctx: TemplateContext,
	statementId: string
): { statement: Entry; areaId: string } {
	for (const [areaId, list] of statementsByArea(ctx.doc, areaEntries(ctx))) {
		const statement = list.find((s) => s.id === statementId);
		if (statement) return { statement, areaId };
	}
	throw new NotFoundError('template.input.gone');
}

/**
 * The map holding the scale and its levels map.
 * @throws NotFoundError when the owner is gone or (for a statement) has no override.
 */
function resolveScale(
	ctx: TemplateContext,
	owner: ScaleOwner
): { owner: ItemMap; levels: Y.Map<unknown> } {
	const map =
		'areaId' in owner
			? requireEntry(areaEntries(ctx), owner.areaId).map
			: findStatement(ctx, owner.statementId).statement.map;
	const levels = levelsMapOf(map);
	if (!levels) throw new NotFoundError('template.input.gone');
	return { owner: map, levels };
}

function levelsOf(ctx: TemplateContext, owner: ItemMap): Entry[] {
	return levelEntries(owner, docStarterId(ctx.doc));
}

const addLevelSchema = lazySchema(() =>
	z.object({
		scale: scaleOwnerSchema,
		label: levelLabelSchema,
		descriptor: descriptorSchema.optional(),
		index: indexSchema,
		id: newIdSchema
	})
);
export type AddLevelInput = z.input<typeof addLevelSchema>;

/**
 * Adds a level to a scale and returns its id.
 * @throws ValidationError for an empty, too long or duplicate label, or an eleventh level.
 * @throws NotFoundError when the scale's owner is gone.
 */
export function addLevel(ctx: TemplateContext, input: AddLevelInput): string {
	const { scale, label, descriptor, index, id } = parseInput(addLevelSchema, input);
	const resolved = resolveScale(ctx, scale);
	const levels = levelsOf(ctx, resolved.owner);
	if (levels.length >= MAX_SCALE_LEVELS) refuse('label', 'template.input.tooManyLevels');
	assertUniqueLabel({ entries: levels, label });
	const levelId = claimId(resolved.levels, id);
	transact(ctx, () => {
		const fields = { [FIELD.label]: new Y.Text(label) };
		const map = insertItem({
			parent: resolved.levels,
			siblings: levels,
			index,
			id: levelId,
			fields
		});
		putRichText(map, FIELD.descriptor, descriptor ?? toRichText(undefined));
	});
	return levelId;
}

const updateLevelLabelSchema = lazySchema(() =>
	z.object({
		scale: scaleOwnerSchema,
		levelId: templateItemIdSchema,
		label: levelLabelSchema
	})
);
export type UpdateLevelLabelInput = z.input<typeof updateLevelLabelSchema>;

/**
 * Renames a level.
 * @throws ValidationError for an empty, too long or duplicate label.
 * @throws NotFoundError when the level or its scale is gone.
 */
export function updateLevelLabel(ctx: TemplateContext, input: UpdateLevelLabelInput): void {
	const { scale, levelId, label } = parseInput(updateLevelLabelSchema, input);
	const levels = levelsOf(ctx, resolveScale(ctx, scale).owner);
	const level = requireEntry(levels, levelId);
	assertUniqueLabel({ entries: levels, label, exceptId: levelId });
	transact(ctx, () => writeText(level.map, FIELD.label, label));
}

const setDescriptorSchema = lazySchema(() =>
	z.object({
		scale: scaleOwnerSchema,
		levelId: templateItemIdSchema,
		descriptor: descriptorSchema
	})
);
export type SetLevelDescriptorInput = z.input<typeof setDescriptorSchema>;

/**
 * Replaces a level's whole descriptor (live editing binds the fragment to tiptap instead).
 * @throws ValidationError when the text is too long.
 * @throws NotFoundError when the level or its scale is gone.
 */
export function setLevelDescriptor(ctx: TemplateContext, input: SetLevelDescriptorInput): void {
	const { scale, levelId, descriptor } = parseInput(setDescriptorSchema, input);
	const level = requireEntry(levelsOf(ctx, resolveScale(ctx, scale).owner), levelId);
	transact(ctx, () => {
		const fragment = readFragment(level.map, FIELD.descriptor);
		if (fragment) writeRichText(fragment, descriptor);
		else putRichText(level.map, FIELD.descriptor, descriptor);
	});
}

const moveLevelSchema = lazySchema(() =>
	z.object({
		scale: scaleOwnerSchema,
		levelId: templateItemIdSchema,
		toIndex: toIndexSchema
	})
);
export type MoveLevelInput = z.input<typeof moveLevelSchema>;

/**
 * Moves a level to position `toIndex` (0 = lowest level).
 * @throws NotFoundError when the level or its scale is gone.
 */
export function moveLevel(ctx: TemplateContext, input: MoveLevelInput): void {
	const { scale, levelId, toIndex } = parseInput(moveLevelSchema, input);
	moveEntry(ctx, levelsOf(ctx, resolveScale(ctx, scale).owner), levelId, toIndex);
}

const removeLevelSchema = lazySchema(() =>
	z.object({ scale: scaleOwnerSchema, levelId: templateItemIdSchema })
);
export type RemoveLevelInput = z.input<typeof removeLevelSchema>;

/**
 * Removes a level.
 * @throws ValidationError when the scale would have fewer than two levels.
 * @throws NotFoundError when the level or its scale is gone.
 */
export function removeLevel(ctx: TemplateContext, input: RemoveLevelInput): void {
	const { scale, levelId } = parseInput(removeLevelSchema, input);
	const resolved = resolveScale(ctx, scale);
	const levels = levelsOf(ctx, resolved.owner);
	requireEntry(levels, levelId);
	if (levels.length <= MIN_SCALE_LEVELS) refuse('levels', 'template.input.tooFewLevels');
	transact(ctx, () => resolved.levels.delete(levelId));
}

const setOverrideSchema = lazySchema(() =>
	z.object({ statementId: templateItemIdSchema, hasOverride: z.boolean() })
);
export type SetScaleOverrideInput = z.input<typeof setOverrideSchema>;

/**
 * Gives a statement its own scale (starting as a copy of its area's) or returns it to the area's.
 * @throws NotFoundError when the statement is gone.
 */
export function setScaleOverride(ctx: TemplateContext, input: SetScaleOverrideInput): void {
	const { statementId, hasOverride } = parseInput(setOverrideSchema, input);
	const { statement, areaId } = findStatement(ctx, statementId);
	if ((levelsMapOf(statement.map) !== null) === hasOverride) return;
	if (!hasOverride) {
		transact(ctx, () => statement.map.delete(FIELD.levels));
		return;
	}
	const area = requireEntry(areaEntries(ctx), areaId);
	const levels = readScale(area.map, docStarterId(ctx.doc)).levels.map((level) => ({
		...level,
		id: newItemId()
	}));
	transact(ctx, () => writeLevels(statement.map, levels));
}
