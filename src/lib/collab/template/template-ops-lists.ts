/**
 * Named operations on the simple labelled lists: measurement points, raters, header fields and
 * free-text sections. They share one implementation; the exported names keep call sites readable.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '#lib/domain/lazy-schema.ts';
import {
	MAX_FREE_TEXT_SECTIONS,
	MAX_HEADER_FIELDS,
	MAX_MEASUREMENT_POINTS,
	MAX_RATERS
} from '#lib/domain/limits.ts';
import { templateItemIdSchema } from '#lib/domain/template/ids.ts';
import { richTextInputSchema, toRichText, type RichText } from '#lib/domain/template/rich-text.ts';
import {
	boundedRichTextSchema,
	headerFieldKindSchema,
	labelSchema
} from '#lib/domain/template/schemas.ts';
import { writeRichText } from '../rich-text-yjs.ts';
import {
	FIELD,
	docStarterId,
	entriesOf,
	readFragment,
	templateRoots,
	writeText,
	type SimpleListName
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
import { putRichText } from './template-write.ts';
import { forgetMeasurementPoint, forgetRater } from './template-ops-links.ts';

const MAX_ITEMS: Record<SimpleListName, number> = {
	headerFields: MAX_HEADER_FIELDS,
	measurementPoints: MAX_MEASUREMENT_POINTS,
	raters: MAX_RATERS,
	freeTextSections: MAX_FREE_TEXT_SECTIONS
};

function listEntries(ctx: TemplateContext, name: SimpleListName) {
	return entriesOf(templateRoots(ctx.doc)[name], docStarterId(ctx.doc));
}

const richSchema = lazySchema(() =>
	richTextInputSchema.transform(toRichText).pipe(boundedRichTextSchema)
);
const addSchema = lazySchema(() =>
	z.object({ label: labelSchema, index: indexSchema, id: newIdSchema })
);

function addItem(
	ctx: TemplateContext,
	name: SimpleListName,
	input: z.output<typeof addSchema>,
	extra: { fields?: Record<string, unknown>; guidance?: RichText } = {}
): string {
	const parent = templateRoots(ctx.doc)[name];
	const entries = listEntries(ctx, name);
	if (entries.length >= MAX_ITEMS[name]) refuse('label', 'template.input.tooManyItems');
	assertUniqueLabel({ entries, label: input.label });
	const id = claimId(parent, input.id);
	transact(ctx, () => {
		const fields = { [FIELD.label]: new Y.Text(input.label), ...extra.fields };
		const map = insertItem({ parent, siblings: entries, index: input.index, id, fields });
		if (extra.guidance) putRichText(map, FIELD.guidance, extra.guidance);
	});
	return id;
}

function renameItem(ctx: TemplateContext, name: SimpleListName, id: string, label: string): void {
	const entries = listEntries(ctx, name);
	const entry = requireEntry(entries, id);
	assertUniqueLabel({ entries, label, exceptId: id });
	transact(ctx, () => writeText(entry.map, FIELD.label, label));
}

function moveItem(ctx: TemplateContext, name: SimpleListName, id: string, toIndex: number): void {
	moveEntry(ctx, listEntries(ctx, name), id, toIndex);
}

function removeItem(ctx: TemplateContext, name: SimpleListName, id: string): void {
	requireEntry(listEntries(ctx, name), id);
	const roots = templateRoots(ctx.doc);
	transact(ctx, () => {
		roots[name].delete(id);
		if (name === 'raters') forgetRater(roots, id);
		if (name === 'measurementPoints') forgetMeasurementPoint(roots, id);
	});
}

const move = (idField: string) =>
	z.object({ [idField]: templateItemIdSchema, toIndex: toIndexSchema });
const rename = (idField: string) =>
	z.object({ [idField]: templateItemIdSchema, label: labelSchema });
const remove = (idField: string) => z.object({ [idField]: templateItemIdSchema });

/** Input of `add…` for measurement points and raters. */
export type AddLabelledInput = z.input<typeof addSchema>;

/**
 * Adds a measurement point (målepunkt) and returns its id.
 * @throws ValidationError for an empty, too long or duplicate label, or too many points.
 */
export function addMeasurementPoint(ctx: TemplateContext, input: AddLabelledInput): string {
	// A new point's timing is not decided yet (null), rather than derived from its position.
	return addItem(ctx, 'measurementPoints', parseInput(addSchema, input), {
		fields: { [FIELD.timing]: null }
	});
}
/** Renames a measurement point. @throws ValidationError, NotFoundError */
export function renameMeasurementPoint(
	ctx: TemplateContext,
	input: { measurementPointId: string; label: string }
): void {
	const parsed = parseInput(rename('measurementPointId'), input);
	renameItem(ctx, 'measurementPoints', input.measurementPointId, parsed.label);
}
/** Moves a measurement point to `toIndex`. @throws NotFoundError */
export function moveMeasurementPoint(
	ctx: TemplateContext,
	input: { measurementPointId: string; toIndex: number }
): void {
	parseInput(move('measurementPointId'), input);
	moveItem(ctx, 'measurementPoints', input.measurementPointId, input.toIndex);
}
/** Removes a measurement point. @throws NotFoundError */
export function removeMeasurementPoint(
	ctx: TemplateContext,
	input: { measurementPointId: string }
): void {
	parseInput(remove('measurementPointId'), input);
	removeItem(ctx, 'measurementPoints', input.measurementPointId);
}

/**
 * Adds a rater (vurderer) and returns its id.
 * @throws ValidationError for an empty, too long or duplicate label, or too many raters.
 */
export function addRater(ctx: TemplateContext, input: AddLabelledInput): string {
	return addItem(ctx, 'raters', parseInput(addSchema, input));
}
/** Renames a rater. @throws ValidationError, NotFoundError */
export function renameRater(ctx: TemplateContext, input: { raterId: string; label: string }): void {
	const parsed = parseInput(rename('raterId'), input);
	renameItem(ctx, 'raters', input.raterId, parsed.label);
}
/** Moves a rater to `toIndex`. @throws NotFoundError */
export function moveRater(ctx: TemplateContext, input: { raterId: string; toIndex: number }): void {
	parseInput(move('raterId'), input);
	moveItem(ctx, 'raters', input.raterId, input.toIndex);
}
/** Removes a rater (its plan cells too; its signers stay, no longer linked). @throws NotFoundError */
export function removeRater(ctx: TemplateContext, input: { raterId: string }): void {
	parseInput(remove('raterId'), input);
	removeItem(ctx, 'raters', input.raterId);
}

const addHeaderFieldSchema = lazySchema(() =>
	addSchema.extend({
		kind: headerFieldKindSchema.default('shortText'),
		isRequired: z.boolean().default(false)
	})
);
export type AddHeaderFieldInput = z.input<typeof addHeaderFieldSchema>;

/**
 * Adds a header field and returns its id.
 * @throws ValidationError for an empty, too long or duplicate label, or too many fields.
 */
export function addHeaderField(ctx: TemplateContext, input: AddHeaderFieldInput): string {
	const { kind, isRequired, ...rest } = parseInput(addHeaderFieldSchema, input);
	return addItem(ctx, 'headerFields', rest, {
		fields: { [FIELD.kind]: kind, [FIELD.isRequired]: isRequired }
	});
}

const updateHeaderFieldSchema = lazySchema(() =>
	z.object({
		headerFieldId: templateItemIdSchema,
		label: labelSchema.optional(),
		kind: headerFieldKindSchema.optional(),
		isRequired: z.boolean().optional()
	})
);
export type UpdateHeaderFieldInput = z.input<typeof updateHeaderFieldSchema>;

/** Changes a header field's label, kind and/or whether it is required. @throws ValidationError, NotFoundError */
export function updateHeaderField(ctx: TemplateContext, input: UpdateHeaderFieldInput): void {
	const { headerFieldId, label, kind, isRequired } = parseInput(updateHeaderFieldSchema, input);
	const entries = listEntries(ctx, 'headerFields');
	const entry = requireEntry(entries, headerFieldId);
	if (label !== undefined) assertUniqueLabel({ entries, label, exceptId: headerFieldId });
	transact(ctx, () => {
		if (label !== undefined) writeText(entry.map, FIELD.label, label);
		if (kind !== undefined) entry.map.set(FIELD.kind, kind);
		if (isRequired !== undefined) entry.map.set(FIELD.isRequired, isRequired);
	});
}
/** Moves a header field to `toIndex`. @throws NotFoundError */
export function moveHeaderField(
	ctx: TemplateContext,
	input: { headerFieldId: string; toIndex: number }
): void {
	parseInput(move('headerFieldId'), input);
	moveItem(ctx, 'headerFields', input.headerFieldId, input.toIndex);
}
/** Removes a header field. @throws NotFoundError */
export function removeHeaderField(ctx: TemplateContext, input: { headerFieldId: string }): void {
	parseInput(remove('headerFieldId'), input);
	removeItem(ctx, 'headerFields', input.headerFieldId);
}

const addSectionSchema = lazySchema(() => addSchema.extend({ guidance: richSchema.optional() }));
export type AddFreeTextSectionInput = z.input<typeof addSectionSchema>;

/**
 * Adds a free-text section ("Det har jeg lært", ...) and returns its id.
 * @throws ValidationError for an empty, too long or duplicate label, too long guidance, or too many sections.
 */
export function addFreeTextSection(ctx: TemplateContext, input: AddFreeTextSectionInput): string {
	const { guidance, ...rest } = parseInput(addSectionSchema, input);
	return addItem(ctx, 'freeTextSections', rest, { guidance: guidance ?? toRichText(undefined) });
}
/** Renames a free-text section. @throws ValidationError, NotFoundError */
export function renameFreeTextSection(
	ctx: TemplateContext,
	input: { freeTextSectionId: string; label: string }
): void {
	const parsed = parseInput(rename('freeTextSectionId'), input);
	renameItem(ctx, 'freeTextSections', input.freeTextSectionId, parsed.label);
}

const guidanceSchema = lazySchema(() =>
	z.object({ freeTextSectionId: templateItemIdSchema, guidance: richSchema })
);

/** Replaces a section's whole guidance (live editing binds the fragment instead). @throws ValidationError, NotFoundError */
export function setFreeTextGuidance(
	ctx: TemplateContext,
	input: z.input<typeof guidanceSchema>
): void {
	const { freeTextSectionId, guidance } = parseInput(guidanceSchema, input);
	const entry = requireEntry(listEntries(ctx, 'freeTextSections'), freeTextSectionId);
	transact(ctx, () => {
		const fragment = readFragment(entry.map, FIELD.guidance);
		if (fragment) writeRichText(fragment, guidance);
		else putRichText(entry.map, FIELD.guidance, guidance);
	});
}
/** Moves a free-text section to `toIndex`. @throws NotFoundError */
export function moveFreeTextSection(
	ctx: TemplateContext,
	input: { freeTextSectionId: string; toIndex: number }
): void {
	parseInput(move('freeTextSectionId'), input);
	moveItem(ctx, 'freeTextSections', input.freeTextSectionId, input.toIndex);
}
/** Removes a free-text section. @throws NotFoundError */
export function removeFreeTextSection(
	ctx: TemplateContext,
	input: { freeTextSectionId: string }
): void {
	parseInput(remove('freeTextSectionId'), input);
	removeItem(ctx, 'freeTextSections', input.freeTextSectionId);
}
