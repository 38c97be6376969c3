/**
 * Named operations on the second-pass details of existing items: an area's category, a
 * statement's CV phrase, a measurement point's timing, and which progression measures the template
 * follows besides competences. Inputs are checked with the schemas of
 * `#lib/domain/template/inputs.ts`.
 */
import type { z } from 'zod';
import {
	setAreaCategoryInputSchema,
	setCvPhraseInputSchema,
	setProgressionMeasuresInputSchema,
	setTimingInputSchema
} from '#lib/domain/template/inputs.ts';
import { FIELD, META, docStarterId, entriesOf, templateRoots, writeText } from './template-doc.ts';
import { areaEntries } from './template-ops-areas.ts';
import { findStatementEntry } from './template-ops-statements.ts';
import { parseInput, requireEntry, transact, type TemplateContext } from './template-input.ts';

export type SetAreaCategoryInput = z.input<typeof setAreaCategoryInputSchema>;

/**
 * Sets the category of an area (faglig, personlig, social, anden).
 * @throws ValidationError for an unknown category; NotFoundError when the area is gone.
 */
export function setAreaCategory(ctx: TemplateContext, input: SetAreaCategoryInput): void {
	const { areaId, category } = parseInput(setAreaCategoryInputSchema, input);
	const area = requireEntry(areaEntries(ctx), areaId);
	if (area.map.get(FIELD.category) === category) return;
	transact(ctx, () => area.map.set(FIELD.category, category));
}

export type SetCvPhraseInput = z.input<typeof setCvPhraseInputSchema>;

/**
 * Replaces a statement's CV phrase (live typing binds the field instead; this is for whole
 * values, e.g. a suggestion).
 * @throws ValidationError for an empty or too long phrase; NotFoundError when it is gone.
 */
export function setCvPhrase(ctx: TemplateContext, input: SetCvPhraseInput): void {
	const { statementId, cvPhrase } = parseInput(setCvPhraseInputSchema, input);
	const statement = findStatementEntry(ctx, statementId);
	transact(ctx, () => writeText(statement.map, FIELD.cvPhrase, cvPhrase));
}

export type SetTimingInput = z.input<typeof setTimingInputSchema>;

/**
 * Sets when a measurement point happens (null: not decided).
 * @throws ValidationError for weeks out of range; NotFoundError when the point is gone.
 */
export function setTiming(ctx: TemplateContext, input: SetTimingInput): void {
	const { measurementPointId, timing } = parseInput(setTimingInputSchema, input);
	const points = entriesOf(templateRoots(ctx.doc).measurementPoints, docStarterId(ctx.doc));
	const point = requireEntry(points, measurementPointId);
	if (JSON.stringify(point.map.get(FIELD.timing) ?? null) === JSON.stringify(timing)) return;
	transact(ctx, () => point.map.set(FIELD.timing, timing));
}

export type SetProgressionMeasuresInput = z.input<typeof setProgressionMeasuresInputSchema>;

/** Turns hours per week and/or tasks on or off. @throws ValidationError for non-booleans. */
export function setProgressionMeasures(
	ctx: TemplateContext,
	input: SetProgressionMeasuresInput
): void {
	const { hasHoursPerWeek, hasTasks } = parseInput(setProgressionMeasuresInputSchema, input);
	const { meta } = templateRoots(ctx.doc);
	const changes: [string, boolean | undefined][] = [
		[META.hasHoursPerWeek, hasHoursPerWeek],
		[META.hasTasks, hasTasks]
	];
	const needed = changes.filter(([key, value]) => value !== undefined && meta.get(key) !== value);
	if (needed.length === 0) return;
	transact(ctx, () => {
		for (const [key, value] of needed) meta.set(key, value);
	});
}
