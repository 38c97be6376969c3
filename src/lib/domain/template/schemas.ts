/**
 * One zod schema per shape of a læringsbevis template; types come from them. A value that passes
 * `templateSchema` is well-formed; `validateTemplate` adds the rules across items (duplicates,
 * areas without statements, ...) and reports every problem instead of the first one.
 */
import { z } from 'zod';
import {
	MAX_AREAS,
	MAX_FREE_TEXT_SECTIONS,
	MAX_HEADER_FIELDS,
	MAX_LABEL_LENGTH,
	MAX_LEVEL_LABEL_LENGTH,
	MAX_MEASUREMENT_POINTS,
	MAX_RATERS,
	MAX_RICH_TEXT_LENGTH,
	MAX_SCALE_LEVELS,
	MAX_SIGNATURE_TEXT_LENGTH,
	MAX_STATEMENT_LENGTH,
	MAX_STATEMENTS_PER_AREA,
	MAX_TEMPLATE_TITLE_LENGTH,
	MIN_SCALE_LEVELS
} from '../limits.ts';
import { templateItemIdSchema } from './ids.ts';
import { textSchema, type TextMessages } from '../text.ts';
import { richTextSchema, richTextToPlainText } from './rich-text.ts';

/** What a header field holds; the semantic kinds let the case view and the preview fill them. */
export const HEADER_FIELD_KINDS = [
	'person',
	'company',
	'period',
	'goal',
	'subGoals',
	'shortText',
	'longText',
	'date'
] as const;
export type HeaderFieldKind = (typeof HEADER_FIELD_KINDS)[number];

/** Formal competences are taught skills; informal ones are learnt by doing and being there. */
export const STATEMENT_KINDS = ['formal', 'informal'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

const TEMPLATE_TEXT_MESSAGES: TextMessages = {
	required: 'template.input.required',
	tooLong: 'template.input.tooLong',
	invalidCharacters: 'template.input.invalidCharacters'
};

/** A trimmed, visible one-line text of at most `max` characters, with template message keys. */
export function templateTextSchema(max: number) {
	return textSchema(max, { messages: TEMPLATE_TEXT_MESSAGES });
}

export const templateTitleSchema = templateTextSchema(MAX_TEMPLATE_TITLE_LENGTH);
export const labelSchema = templateTextSchema(MAX_LABEL_LENGTH);
export const levelLabelSchema = templateTextSchema(MAX_LEVEL_LABEL_LENGTH);
export const statementTextSchema = templateTextSchema(MAX_STATEMENT_LENGTH);
export const headerFieldKindSchema = z.enum(HEADER_FIELD_KINDS, {
	error: 'template.input.invalidKind'
});
export const statementKindSchema = z.enum(STATEMENT_KINDS, { error: 'template.input.invalidKind' });

/** Rich text no longer than the limit, counted as plain characters. */
export const boundedRichTextSchema = richTextSchema.refine(
	(value) => richTextToPlainText(value).length <= MAX_RICH_TEXT_LENGTH,
	{ error: 'template.input.tooLong' }
);

export const headerFieldSchema = z.object({
	id: templateItemIdSchema,
	label: labelSchema,
	kind: headerFieldKindSchema,
	isRequired: z.boolean()
});
export type HeaderField = z.infer<typeof headerFieldSchema>;

export const levelSchema = z.object({
	id: templateItemIdSchema,
	label: levelLabelSchema,
	descriptor: boundedRichTextSchema
});
export type Level = z.infer<typeof levelSchema>;

export const scaleSchema = z.object({
	levels: z
		.array(levelSchema)
		.min(MIN_SCALE_LEVELS, { error: 'template.input.tooFewLevels' })
		.max(MAX_SCALE_LEVELS, { error: 'template.input.tooManyLevels' })
});
export type Scale = z.infer<typeof scaleSchema>;

export const statementSchema = z.object({
	id: templateItemIdSchema,
	text: statementTextSchema,
	description: boundedRichTextSchema,
	kind: statementKindSchema,
	/** The statement's own scale, or null when it uses its area's scale. */
	scale: scaleSchema.nullable()
});
export type Statement = z.infer<typeof statementSchema>;

export const competenceAreaSchema = z.object({
	id: templateItemIdSchema,
	label: labelSchema,
	scale: scaleSchema,
	statements: z
		.array(statementSchema)
		.max(MAX_STATEMENTS_PER_AREA, { error: 'template.input.tooManyStatements' })
});
export type CompetenceArea = z.infer<typeof competenceAreaSchema>;

export const measurementPointSchema = z.object({ id: templateItemIdSchema, label: labelSchema });
export type MeasurementPoint = z.infer<typeof measurementPointSchema>;

export const raterSchema = z.object({ id: templateItemIdSchema, label: labelSchema });
export type Rater = z.infer<typeof raterSchema>;

export const freeTextSectionSchema = z.object({
	id: templateItemIdSchema,
	label: labelSchema,
	guidance: boundedRichTextSchema
});
export type FreeTextSection = z.infer<typeof freeTextSectionSchema>;

/** May be empty (no text above the signatures) and span several lines. */
export const signatureTextSchema = textSchema(MAX_SIGNATURE_TEXT_LENGTH, {
	isMultiLine: true,
	mayBeEmpty: true,
	messages: TEMPLATE_TEXT_MESSAGES
});

export const signatureBlockSchema = z.object({
	isIncluded: z.boolean(),
	/** Printed above the signature lines ("Vi bekræfter, at ..."). */
	text: signatureTextSchema,
	/** The raters who sign, in rater order. */
	signerRaterIds: z.array(templateItemIdSchema)
});
export type SignatureBlock = z.infer<typeof signatureBlockSchema>;

export const templateSchema = z.object({
	title: templateTitleSchema,
	/** The starter the template was created from, or null for a document never initialised. */
	starterId: z.string().nullable(),
	headerFields: z
		.array(headerFieldSchema)
		.max(MAX_HEADER_FIELDS, { error: 'template.input.tooManyItems' }),
	areas: z.array(competenceAreaSchema).max(MAX_AREAS, { error: 'template.input.tooManyAreas' }),
	measurementPoints: z
		.array(measurementPointSchema)
		.max(MAX_MEASUREMENT_POINTS, { error: 'template.input.tooManyItems' }),
	raters: z.array(raterSchema).max(MAX_RATERS, { error: 'template.input.tooManyItems' }),
	freeTextSections: z
		.array(freeTextSectionSchema)
		.max(MAX_FREE_TEXT_SECTIONS, { error: 'template.input.tooManyItems' }),
	signature: signatureBlockSchema
});
/** A whole template as plain data: what `readTemplate` returns and the preview renders. */
export type Template = z.infer<typeof templateSchema>;

/** The scale that applies to a statement: its own override, else its area's. */
export function effectiveScale(area: CompetenceArea, statement: Statement): Scale {
	return statement.scale ?? area.scale;
}
