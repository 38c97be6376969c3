/** Named operations on competence areas. Components call these; they never touch Yjs types. */
import * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '#lib/domain/lazy-schema.ts';
import { MAX_AREAS, MAX_SCALE_LEVELS, MIN_SCALE_LEVELS } from '#lib/domain/limits.ts';
import { DEFAULT_SCALE } from '#lib/domain/template/defaults.ts';
import { newItemId, templateItemIdSchema } from '#lib/domain/template/ids.ts';
import { toRichText } from '#lib/domain/template/rich-text.ts';
import { labelSchema } from '#lib/domain/template/schemas.ts';
import { categoryFromLabel } from '#lib/domain/template/template-core.ts';
import { readScale } from './template-read.ts';
import {
	FIELD,
	docStarterId,
	entriesOf,
	statementsByArea,
	templateRoots,
	writeText,
	type Entry
} from './template-doc.ts';
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
import { writeLevels, type LevelDraft } from './template-write.ts';
import { forgetPlanCells, forgetStatements } from './template-ops-links.ts';

/** The visible areas of the template in `ctx`, in order. */
export function areaEntries(ctx: TemplateContext): Entry[] {
	return entriesOf(templateRoots(ctx.doc).areas, docStarterId(ctx.doc));
}

const addAreaSchema = lazySchema(() =>
	z.object({
		label: labelSchema,
		index: indexSchema,
		id: newIdSchema,
		/** Area whose scale the new area starts with; the first area's when left out. */
		copyScaleFrom: templateItemIdSchema.optional()
	})
);
export type AddAreaInput = z.input<typeof addAreaSchema>;

function startingLevels(source: Entry | undefined, starterId: string | null): LevelDraft[] {
	const levels = source ? readScale(source.map, starterId).levels : [];
	if (levels.length >= MIN_SCALE_LEVELS && levels.length <= MAX_SCALE_LEVELS) {
		return levels.map((level) => ({ ...level, id: newItemId() }));
	}
	return DEFAULT_SCALE.levels.map((level) => ({
		id: newItemId(),
		label: level.label,
		descriptor: toRichText(level.descriptor)
	}));
}

/**
 * Adds a competence area (with a copy of an existing area's scale, and the category its label
 * suggests) and returns its id.
 * @throws ValidationError for an empty, too long or duplicate label, or too many areas.
 * @throws NotFoundError when `copyScaleFrom` names an area that is gone.
 */
export function addArea(ctx: TemplateContext, input: AddAreaInput): string {
	const { label, index, id, copyScaleFrom } = parseInput(addAreaSchema, input);
	const roots = templateRoots(ctx.doc);
	const areas = areaEntries(ctx);
	if (areas.length >= MAX_AREAS) refuse('label', 'template.input.tooManyAreas');
	assertUniqueLabel({ entries: areas, label });
	const source = copyScaleFrom === undefined ? areas[0] : requireEntry(areas, copyScaleFrom);
	const levels = startingLevels(source, docStarterId(ctx.doc));
	const areaId = claimId(roots.areas, id);
	transact(ctx, () => {
		const map = insertItem({
			parent: roots.areas,
			siblings: areas,
			index,
			id: areaId,
			fields: { [FIELD.label]: new Y.Text(label), [FIELD.category]: categoryFromLabel(label) }
		});
		writeLevels(map, levels);
	});
	return areaId;
}

const renameAreaSchema = lazySchema(() =>
	z.object({ areaId: templateItemIdSchema, label: labelSchema })
);
export type RenameAreaInput = z.input<typeof renameAreaSchema>;

/**
 * Renames a competence area.
 * @throws ValidationError for an empty, too long or duplicate label.
 * @throws NotFoundError when the area is gone.
 */
export function renameArea(ctx: TemplateContext, input: RenameAreaInput): void {
	const { areaId, label } = parseInput(renameAreaSchema, input);
	const areas = areaEntries(ctx);
	const area = requireEntry(areas, areaId);
	assertUniqueLabel({ entries: areas, label, exceptId: areaId });
	transact(ctx, () => writeText(area.map, FIELD.label, label));
}

const moveAreaSchema = lazySchema(() =>
	z.object({ areaId: templateItemIdSchema, toIndex: toIndexSchema })
);
export type MoveAreaInput = z.input<typeof moveAreaSchema>;

/**
 * Moves a competence area to position `toIndex` (0 = first).
 * @throws NotFoundError when the area is gone.
 */
export function moveArea(ctx: TemplateContext, input: MoveAreaInput): void {
	const { areaId, toIndex } = parseInput(moveAreaSchema, input);
	moveEntry(ctx, areaEntries(ctx), areaId, toIndex);
}

const removeAreaSchema = lazySchema(() => z.object({ areaId: templateItemIdSchema }));
export type RemoveAreaInput = z.input<typeof removeAreaSchema>;

/**
 * Removes a competence area together with its statements (one undo step brings all back).
 * @throws NotFoundError when the area is gone.
 */
export function removeArea(ctx: TemplateContext, input: RemoveAreaInput): void {
	const { areaId } = parseInput(removeAreaSchema, input);
	const roots = templateRoots(ctx.doc);
	const areas = areaEntries(ctx);
	requireEntry(areas, areaId);
	const statements = statementsByArea(ctx.doc, areas).get(areaId) ?? [];
	transact(ctx, () => {
		for (const statement of statements) roots.statements.delete(statement.id);
		roots.areas.delete(areaId);
		forgetStatements(roots, new Set(statements.map((s) => s.id)));
		forgetPlanCells(roots, 'area', new Set([areaId]));
	});
}
