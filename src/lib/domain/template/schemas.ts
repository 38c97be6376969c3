/**
 * One zod schema per shape of a læringsbevis template; types come from them. A value that passes
 * `templateSchema` is well-formed; `validateTemplate` adds the rules across items (duplicates,
 * areas without statements, ...) and reports every problem instead of the first one.
 *
 * The `…CoreSchema`s are the shapes before the template's second pass (no categories, CV phrases,
 * timings, rating plan, signers, goals or progression measures): what documents stored before it
 * hold. `completeTemplate` (template-core.ts) turns such a template into a whole one.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import {
	MAX_AREAS,
	MAX_FREE_TEXT_SECTIONS,
	MAX_HEADER_FIELDS,
	MAX_MEASUREMENT_POINTS,
	MAX_RATERS,
	MAX_SCALE_LEVELS,
	MAX_SIGNATURE_TEXT_LENGTH,
	MAX_SIGNERS,
	MAX_STATEMENTS_PER_AREA,
	MIN_SCALE_LEVELS
} from '../limits.ts';
import { templateItemIdSchema } from './ids.ts';
import { textSchema } from '../text.ts';
import {
	areaCategorySchema,
	cvPhraseSchema,
	goalsSchema,
	progressionMeasuresSchema,
	ratingPlanSchema,
	signerSchema,
	timingSchema
} from './plan-schemas.ts';
import {
	TEMPLATE_TEXT_MESSAGES,
	boundedRichTextSchema,
	labelSchema,
	levelLabelSchema,
	statementTextSchema,
	templateTitleSchema
} from './text-schemas.ts';

export {
	boundedRichTextSchema,
	labelSchema,
	levelLabelSchema,
	statementTextSchema,
	templateTextSchema,
	templateTitleSchema
} from './text-schemas.ts';
export * from './plan-schemas.ts';

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

/**
 * Formal competences are documented by a certificate (a truck licence, a hygiene certificate);
 * informal ("ikke-formelle") ones are learnt at work or elsewhere, without one.
 */
export const STATEMENT_KINDS = ['formal', 'informal'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const headerFieldKindSchema = lazySchema(() =>
	z.enum(HEADER_FIELD_KINDS, {
		error: 'template.input.invalidKind'
	})
);
export const statementKindSchema = lazySchema(() =>
	z.enum(STATEMENT_KINDS, { error: 'template.input.invalidKind' })
);

export const headerFieldSchema = lazySchema(() =>
	z.object({
		id: templateItemIdSchema,
		label: labelSchema,
		kind: headerFieldKindSchema,
		isRequired: z.boolean()
	})
);
export type HeaderField = z.infer<typeof headerFieldSchema>;

export const levelSchema = lazySchema(() =>
	z.object({
		id: templateItemIdSchema,
		label: levelLabelSchema,
		descriptor: boundedRichTextSchema
	})
);
export type Level = z.infer<typeof levelSchema>;

export const scaleSchema = lazySchema(() =>
	z.object({
		levels: z
			.array(levelSchema)
			.min(MIN_SCALE_LEVELS, { error: 'template.input.tooFewLevels' })
			.max(MAX_SCALE_LEVELS, { error: 'template.input.tooManyLevels' })
	})
);
export type Scale = z.infer<typeof scaleSchema>;

export const statementCoreSchema = lazySchema(() =>
	z.object({
		id: templateItemIdSchema,
		text: statementTextSchema,
		description: boundedRichTextSchema,
		kind: statementKindSchema,
		/** The statement's own scale, or null when it uses its area's scale. */
		scale: scaleSchema.nullable()
	})
);
export type StatementCore = z.infer<typeof statementCoreSchema>;

export const statementSchema = lazySchema(() =>
	statementCoreSchema.extend({
		/** The statement in the first person for the CV ("Jeg kan modtage varer …"). */
		cvPhrase: cvPhraseSchema
	})
);
export type Statement = z.infer<typeof statementSchema>;

export const competenceAreaCoreSchema = lazySchema(() =>
	z.object({
		id: templateItemIdSchema,
		label: labelSchema,
		scale: scaleSchema,
		statements: z
			.array(statementCoreSchema)
			.max(MAX_STATEMENTS_PER_AREA, { error: 'template.input.tooManyStatements' })
	})
);
export type CompetenceAreaCore = z.infer<typeof competenceAreaCoreSchema>;

export const competenceAreaSchema = lazySchema(() =>
	competenceAreaCoreSchema.extend({
		category: areaCategorySchema,
		statements: z
			.array(statementSchema)
			.max(MAX_STATEMENTS_PER_AREA, { error: 'template.input.tooManyStatements' })
	})
);
export type CompetenceArea = z.infer<typeof competenceAreaSchema>;

export const measurementPointCoreSchema = lazySchema(() =>
	z.object({
		id: templateItemIdSchema,
		label: labelSchema
	})
);
export type MeasurementPointCore = z.infer<typeof measurementPointCoreSchema>;

export const measurementPointSchema = lazySchema(() =>
	measurementPointCoreSchema.extend({
		/** When the point happens, or null while the work group has not said. */
		timing: timingSchema.nullable()
	})
);
export type MeasurementPoint = z.infer<typeof measurementPointSchema>;

export const raterSchema = lazySchema(() =>
	z.object({ id: templateItemIdSchema, label: labelSchema })
);
export type Rater = z.infer<typeof raterSchema>;

export const freeTextSectionSchema = lazySchema(() =>
	z.object({
		id: templateItemIdSchema,
		label: labelSchema,
		guidance: boundedRichTextSchema
	})
);
export type FreeTextSection = z.infer<typeof freeTextSectionSchema>;

/** May be empty (no text above the signatures) and span several lines. */
export const signatureTextSchema = lazySchema(() =>
	textSchema(MAX_SIGNATURE_TEXT_LENGTH, {
		isMultiLine: true,
		mayBeEmpty: true,
		messages: TEMPLATE_TEXT_MESSAGES
	})
);

export const signatureBlockCoreSchema = lazySchema(() =>
	z.object({
		isIncluded: z.boolean(),
		/** Printed above the signature lines ("Vi bekræfter, at ..."). */
		text: signatureTextSchema,
		/**
		 * The raters who sign, in rater order. In a whole template these are the raters `signers`
		 * links to; the editor's signature section still ticks raters through it.
		 */
		signerRaterIds: z.array(templateItemIdSchema)
	})
);
export type SignatureBlockCore = z.infer<typeof signatureBlockCoreSchema>;

export const signatureBlockSchema = lazySchema(() =>
	signatureBlockCoreSchema.extend({
		/** Everyone who signs, in print order; a signer may be a rater or not (a caseworker). */
		signers: z.array(signerSchema).max(MAX_SIGNERS, { error: 'template.input.tooManyItems' })
	})
);
export type SignatureBlock = z.infer<typeof signatureBlockSchema>;

export const templateCoreSchema = lazySchema(() =>
	z.object({
		title: templateTitleSchema,
		/** The starter the template was created from, or null for a document never initialised. */
		starterId: z.string().nullable(),
		headerFields: z
			.array(headerFieldSchema)
			.max(MAX_HEADER_FIELDS, { error: 'template.input.tooManyItems' }),
		areas: z
			.array(competenceAreaCoreSchema)
			.max(MAX_AREAS, { error: 'template.input.tooManyAreas' }),
		measurementPoints: z
			.array(measurementPointCoreSchema)
			.max(MAX_MEASUREMENT_POINTS, { error: 'template.input.tooManyItems' }),
		raters: z.array(raterSchema).max(MAX_RATERS, { error: 'template.input.tooManyItems' }),
		freeTextSections: z
			.array(freeTextSectionSchema)
			.max(MAX_FREE_TEXT_SECTIONS, { error: 'template.input.tooManyItems' }),
		signature: signatureBlockCoreSchema
	})
);
/** A template as stored before the second pass: what `completeTemplate` accepts. */
export type TemplateCore = z.infer<typeof templateCoreSchema>;

export const templateSchema = lazySchema(() =>
	templateCoreSchema.extend({
		areas: z.array(competenceAreaSchema).max(MAX_AREAS, { error: 'template.input.tooManyAreas' }),
		measurementPoints: z
			.array(measurementPointSchema)
			.max(MAX_MEASUREMENT_POINTS, { error: 'template.input.tooManyItems' }),
		signature: signatureBlockSchema,
		/** Who rates which areas at which point; cells not named here rate. */
		ratingPlan: ratingPlanSchema,
		goals: goalsSchema,
		progressionMeasures: progressionMeasuresSchema
	})
);
/** A whole template as plain data: what `readTemplate` returns and the preview renders. */
export type Template = z.infer<typeof templateSchema>;

/** The scale that applies to a statement: its own override, else its area's. */
export function effectiveScale(
	area: Pick<CompetenceAreaCore, 'scale'>,
	statement: Pick<StatementCore, 'scale'>
): Scale {
	return statement.scale ?? area.scale;
}
