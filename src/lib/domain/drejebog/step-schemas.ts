/**
 * Schemas of a drejebog's steps: who does it (standard roles and custom ones), when (relative to
 * the start, a measurement point of the template or the end, with an offset in weeks; or free
 * text), the part of the template it is about (by id, so a renamed part stays linked), what it
 * produces, and its checklist. Types come from the schemas.
 */
import { z } from 'zod';
import { templateItemIdSchema } from '../template/ids.ts';
import { MAX_CHECKLIST_ITEMS, MAX_CUSTOM_ROLES, MAX_OFFSET_WEEKS } from './limits.ts';
import {
	checklistTextSchema,
	drejebogItemIdSchema,
	guidanceSchema,
	roleLabelSchema,
	stepTitleSchema,
	whenTextSchema
} from './text-schemas.ts';

/**
 * The people the seeds name (seeds-digest §2 and §6): den unge, virksomheden or its mentor, the
 * job consultant, the caseworker, the UU counsellor and a personal mentor. Other roles are custom.
 */
export const STANDARD_ROLES = [
	'youngPerson',
	'company',
	'jobConsultant',
	'caseworker',
	'uuCounsellor',
	'mentor'
] as const;
export type StandardRole = (typeof STANDARD_ROLES)[number];
export const standardRoleSchema = z.enum(STANDARD_ROLES, { error: 'drejebog.input.invalidKind' });

export const customRoleSchema = z.object({ id: drejebogItemIdSchema, label: roleLabelSchema });
export type CustomRole = z.infer<typeof customRoleSchema>;

/** Who does a step: standard roles in `STANDARD_ROLES` order, then custom roles in their order. */
export const whoSchema = z.object({
	roles: z.array(standardRoleSchema).max(STANDARD_ROLES.length),
	customRoles: z
		.array(customRoleSchema)
		.max(MAX_CUSTOM_ROLES, { error: 'drejebog.input.tooManyItems' })
});
export type Who = z.infer<typeof whoSchema>;

/** Whole weeks before (negative) or after (positive) the moment a step's timing names. */
export const offsetWeeksSchema = z
	.number({ error: 'drejebog.input.offsetWeeks' })
	.int({ error: 'drejebog.input.offsetWeeks' })
	.min(-MAX_OFFSET_WEEKS, { error: 'drejebog.input.offsetWeeks' })
	.max(MAX_OFFSET_WEEKS, { error: 'drejebog.input.offsetWeeks' });

export const WHEN_KINDS = ['start', 'point', 'end', 'free'] as const;
export type WhenKind = (typeof WHEN_KINDS)[number];
export const whenKindSchema = z.enum(WHEN_KINDS, { error: 'drejebog.input.invalidKind' });

/**
 * When a step happens: N weeks from the internship's start, from a measurement point of the
 * template, or from its end (negative: before), or a free text ("Løbende, ved hver opfølgning").
 */
export const whenSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('start'), offsetWeeks: offsetWeeksSchema }),
		z.object({
			kind: z.literal('point'),
			measurementPointId: templateItemIdSchema,
			offsetWeeks: offsetWeeksSchema
		}),
		z.object({ kind: z.literal('end'), offsetWeeks: offsetWeeksSchema }),
		z.object({ kind: z.literal('free'), text: whenTextSchema })
	],
	{ error: 'drejebog.input.invalidKind' }
);
export type When = z.infer<typeof whenSchema>;

export const LINK_KINDS = ['measurementPoint', 'area', 'goals', 'freeTextSection'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * The part of the læringsbevis a step is about: a measurement point, a competence area, the goal
 * and sub-goals, or a free-text section ("Til mit CV"), by id, so renaming the part keeps the link.
 */
export const linkSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('measurementPoint'), id: templateItemIdSchema }),
		z.object({ kind: z.literal('area'), id: templateItemIdSchema }),
		z.object({ kind: z.literal('goals') }),
		z.object({ kind: z.literal('freeTextSection'), id: templateItemIdSchema })
	],
	{ error: 'drejebog.input.invalidKind' }
);
export type Link = z.infer<typeof linkSchema>;

/** What a step produces: the young person's CV, Min Plan, a kompetencekort, the læringsbevis PDF. */
export const PRODUCTS = ['none', 'cv', 'minPlan', 'competenceCard', 'laeringsbevisPdf'] as const;
export type Product = (typeof PRODUCTS)[number];
export const productSchema = z.enum(PRODUCTS, { error: 'drejebog.input.invalidKind' });

export const checklistItemSchema = z.object({
	id: drejebogItemIdSchema,
	text: checklistTextSchema
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const stepSchema = z.object({
	id: drejebogItemIdSchema,
	/** What happens, in one sentence. */
	title: stepTitleSchema,
	/** What staff need to know to do it well. */
	guidance: guidanceSchema,
	who: whoSchema,
	when: whenSchema,
	/** The part of the læringsbevis the step is about, or null. */
	link: linkSchema.nullable(),
	produces: productSchema,
	checklist: z
		.array(checklistItemSchema)
		.max(MAX_CHECKLIST_ITEMS, { error: 'drejebog.input.tooManyItems' })
});
export type Step = z.infer<typeof stepSchema>;
