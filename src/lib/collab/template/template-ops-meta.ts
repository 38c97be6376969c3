/** Named operations on the template as a whole: title, signature block and starting from a starter. */
import { z } from 'zod';
import { lazySchema } from '#lib/domain/lazy-schema.ts';
import { ConflictError } from '#lib/domain/errors.ts';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import { signatureTextSchema, templateTitleSchema } from '#lib/domain/template/schemas.ts';
import {
	starterTemplateSchema,
	type StarterTemplate
} from '#lib/domain/template/starter-schema.ts';
import { META, docStarterId, templateRoots, writeText } from './template-doc.ts';
import { parseInput, transact, type TemplateContext } from './template-input.ts';
import { writeTemplate } from './template-write.ts';

/** True when the document holds no template yet (never initialised and no items). */
export function isTemplateEmpty(ctx: Pick<TemplateContext, 'doc'>): boolean {
	const roots = templateRoots(ctx.doc);
	if (docStarterId(ctx.doc) !== null) return false;
	const lists = [
		roots.headerFields,
		roots.areas,
		roots.statements,
		roots.measurementPoints,
		roots.raters,
		roots.freeTextSections,
		roots.signerList,
		roots.subGoals,
		roots.goalStatuses
	];
	return lists.every((list) => list.size === 0) && !roots.meta.has(META.title);
}

/**
 * Fills an empty document from a starter (use `BLANK_STARTER` for a blank template).
 * @throws ValidationError when `starter` is not a valid starter.
 * @throws ConflictError `template_started` when the document already holds a template.
 */
export function initTemplate(ctx: TemplateContext, starter: StarterTemplate): void {
	const parsed = parseInput(starterTemplateSchema, starter);
	if (!isTemplateEmpty(ctx)) {
		throw new ConflictError('template_started', 'template.input.alreadyStarted');
	}
	const template = starterToTemplate(parsed);
	transact(ctx, () => writeTemplate(ctx.doc, template, parsed.id));
}

const titleInputSchema = lazySchema(() => z.object({ title: templateTitleSchema }));

/**
 * Renames the template (the title printed on the læringsbevis).
 * @throws ValidationError for an empty or too long title.
 */
export function renameTemplate(
	ctx: TemplateContext,
	input: z.input<typeof titleInputSchema>
): void {
	const { title } = parseInput(titleInputSchema, input);
	transact(ctx, () => writeText(templateRoots(ctx.doc).meta, META.title, title));
}

const signatureInputSchema = lazySchema(() =>
	z.object({
		isIncluded: z.boolean().optional(),
		text: signatureTextSchema.optional()
	})
);

/**
 * Turns the signature block on or off and/or sets the text above the signatures.
 * @throws ValidationError when the text is too long.
 */
export function setSignature(
	ctx: TemplateContext,
	input: z.input<typeof signatureInputSchema>
): void {
	const { isIncluded, text } = parseInput(signatureInputSchema, input);
	const { meta } = templateRoots(ctx.doc);
	transact(ctx, () => {
		if (isIncluded !== undefined) meta.set(META.signatureIncluded, isIncluded);
		if (text !== undefined) writeText(meta, META.signatureText, text);
	});
}
