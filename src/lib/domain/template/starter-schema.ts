/**
 * The shape of starter templates and of the statement library as they are written in the JSON
 * files under `starters/`: no ids (they are derived when a template is made from a starter), rich
 * text as authored strings, and the common parts (header, measurement points, raters, free-text
 * sections, signature) optional because most starters use the defaults.
 */
import { z } from 'zod';
import { MAX_SCALE_LEVELS, MAX_STATEMENTS_PER_AREA, MIN_SCALE_LEVELS } from '../limits.ts';
import { richTextInputSchema } from './rich-text.ts';
import {
	headerFieldKindSchema,
	labelSchema,
	levelLabelSchema,
	signatureTextSchema,
	statementKindSchema,
	statementTextSchema,
	templateTitleSchema
} from './schemas.ts';

/** The three default areas; library statements say which one they suit best. */
export const AREA_HINTS = ['professional', 'social', 'personal'] as const;
export type AreaHint = (typeof AREA_HINTS)[number];

/** Starter and library ids are lowercase slugs, e.g. "detail" or "moeder-til-tiden". */
export const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.max(40);

export const starterLevelSchema = z.object({
	label: levelLabelSchema,
	descriptor: richTextInputSchema
});
export type StarterLevel = z.infer<typeof starterLevelSchema>;

export const starterScaleSchema = z.object({
	levels: z.array(starterLevelSchema).min(MIN_SCALE_LEVELS).max(MAX_SCALE_LEVELS)
});
export type StarterScale = z.infer<typeof starterScaleSchema>;

export const starterStatementSchema = z.object({
	text: statementTextSchema,
	kind: statementKindSchema,
	description: richTextInputSchema.optional(),
	scale: starterScaleSchema.optional()
});
export type StarterStatement = z.infer<typeof starterStatementSchema>;

export const starterAreaSchema = z.object({
	label: labelSchema,
	/** The area's scale; the starter's `scale` when left out. */
	scale: starterScaleSchema.optional(),
	statements: z.array(starterStatementSchema).max(MAX_STATEMENTS_PER_AREA)
});
export type StarterArea = z.infer<typeof starterAreaSchema>;

export const starterHeaderFieldSchema = z.object({
	label: labelSchema,
	kind: headerFieldKindSchema,
	isRequired: z.boolean()
});
export type StarterHeaderField = z.infer<typeof starterHeaderFieldSchema>;

export const starterFreeTextSectionSchema = z.object({
	label: labelSchema,
	guidance: richTextInputSchema
});
export type StarterFreeTextSection = z.infer<typeof starterFreeTextSectionSchema>;

export const starterSignatureSchema = z.object({
	isIncluded: z.boolean(),
	text: signatureTextSchema,
	/** Labels of the raters who sign. */
	signers: z.array(labelSchema)
});
export type StarterSignature = z.infer<typeof starterSignatureSchema>;

export const starterTemplateSchema = z.object({
	id: slugSchema,
	/** Shown in the starter picker, e.g. "Butik og detailhandel". */
	name: labelSchema,
	/** One or two sentences for the picker. */
	summary: z.string().trim().min(1).max(300),
	title: templateTitleSchema,
	/** The default scale of every area that has none of its own. */
	scale: starterScaleSchema,
	areas: z.array(starterAreaSchema),
	headerFields: z.array(starterHeaderFieldSchema).optional(),
	measurementPoints: z.array(labelSchema).optional(),
	raters: z.array(labelSchema).optional(),
	freeTextSections: z.array(starterFreeTextSectionSchema).optional(),
	signature: starterSignatureSchema.optional()
});
/** A starter template as written in its JSON file. */
export type StarterTemplate = z.infer<typeof starterTemplateSchema>;

export const libraryStatementSchema = z.object({
	id: slugSchema,
	text: statementTextSchema,
	kind: statementKindSchema,
	description: richTextInputSchema.optional(),
	/** The default area it suits best; it can be pulled into any area. */
	areaHint: z.enum(AREA_HINTS),
	/** Starter ids of the workplaces it was written for; empty means any workplace. */
	workplaces: z.array(slugSchema)
});
export type LibraryStatement = z.infer<typeof libraryStatementSchema>;

export const statementLibrarySchema = z.object({
	statements: z.array(libraryStatementSchema)
});
export type StatementLibrary = z.infer<typeof statementLibrarySchema>;
