/**
 * The drejebog's layout as the shape check sees it (`../shape-check.ts` says what is checked and
 * how): which Yjs type and which values may sit where, root by root, in drejebog-doc.ts's layout.
 * Values the operations write are checked with the same schemas the operations parse their input
 * with, so whatever the editor can write passes, and a crafted update cannot put a value there
 * that the readers and the Drift rules would have to guess about.
 */
import type { z } from 'zod';
import {
	LINK_KINDS,
	PRODUCTS,
	STANDARD_ROLES,
	WHEN_KINDS,
	linkSchema,
	offsetWeeksSchema
} from '#lib/domain/drejebog/step-schemas.ts';
import {
	REACTION_KINDS,
	levelThresholdSchema,
	pointRefSchema,
	ratingBasisSchema
} from '#lib/domain/drejebog/rule-schemas.ts';
import { MAX_MISSED_DAYS } from '#lib/domain/drejebog/limits.ts';
import {
	BOOLEAN,
	ID,
	ITEM_ID,
	RICH,
	STRING,
	ShapeCheck,
	TEXT,
	TRUE,
	item,
	oneOf,
	value,
	wholeNumber,
	type Spec
} from '../shape-check.ts';
import { CV_PLAN, DFIELD, DMETA, DREJEBOG_ROOTS, INTRODUCTION_FRAGMENT } from './drejebog-doc.ts';
import { DREJEBOG_KEPT_VOTES_ROOT } from './drejebog-kept-votes.ts';
import { DREJEBOG_SHAPE_VERSION } from './drejebog-shape.ts';

/** A plain value that `schema` accepts. */
function parsedBy(what: string, schema: z.ZodType): Spec {
	return value(what, (v) => schema.safeParse(v).success);
}

const ROLE_KEY = new RegExp(`^(${STANDARD_ROLES.join('|')})$`);

const STEP = item(
	{
		[DFIELD.stageId]: ITEM_ID,
		[DFIELD.title]: TEXT,
		[DFIELD.guidance]: RICH,
		[DFIELD.roles]: { t: 'items', item: TRUE, key: ROLE_KEY },
		[DFIELD.customRoles]: item({ [DFIELD.label]: TEXT }),
		[DFIELD.when]: {
			t: 'record',
			fields: {
				[DFIELD.kind]: oneOf(WHEN_KINDS),
				[DFIELD.offsetWeeks]: parsedBy('whole weeks', offsetWeeksSchema),
				[DFIELD.pointId]: ITEM_ID,
				[DFIELD.text]: TEXT
			}
		},
		[DFIELD.link]: parsedBy(`null or a link to ${LINK_KINDS.join(', ')}`, linkSchema.nullable()),
		[DFIELD.produces]: oneOf(PRODUCTS),
		[DFIELD.checklist]: item({ [DFIELD.text]: TEXT })
	},
	[DFIELD.guidance]
);

const REACTION = item({
	[DFIELD.kind]: oneOf(REACTION_KINDS),
	[DFIELD.text]: TEXT,
	[DFIELD.action]: TEXT,
	[DFIELD.fromPointId]: ITEM_ID,
	[DFIELD.toPointId]: ITEM_ID,
	[DFIELD.days]: wholeNumber(`a whole number from 1 to ${MAX_MISSED_DAYS}`, 1, MAX_MISSED_DAYS),
	[DFIELD.raterId]: value(
		'an item id or null',
		(v) => v === null || (typeof v === 'string' && ID.test(v))
	)
});

const CV_PLAN_SPEC: Spec = {
	t: 'record',
	fields: {
		[CV_PLAN.basis]: parsedBy('a rating basis', ratingBasisSchema),
		[CV_PLAN.point]: parsedBy('a measurement point reference', pointRefSchema),
		[CV_PLAN.cvThreshold]: parsedBy('a level threshold', levelThresholdSchema),
		[CV_PLAN.minPlanThreshold]: parsedBy('a level threshold', levelThresholdSchema),
		[CV_PLAN.minPlanIncludesNotRated]: BOOLEAN,
		[CV_PLAN.minPlanIncludesNextStep]: BOOLEAN,
		[CV_PLAN.cvSections]: { t: 'items', item: TRUE },
		[CV_PLAN.minPlanSections]: { t: 'items', item: TRUE }
	}
};

/** The drejebog's layout (drejebog-doc.ts), root by root. */
function rootSpecs(): Record<string, Spec> {
	return {
		[DREJEBOG_ROOTS.meta]: {
			t: 'record',
			fields: {
				[DMETA.title]: TEXT,
				[DMETA.starterId]: STRING,
				[DMETA.shapeVersion]: wholeNumber(
					`a whole number from 1 to ${DREJEBOG_SHAPE_VERSION}`,
					1,
					DREJEBOG_SHAPE_VERSION
				)
			},
			required: [DMETA.shapeVersion]
		},
		[DREJEBOG_ROOTS.stages]: item({ [DFIELD.label]: TEXT }),
		[DREJEBOG_ROOTS.steps]: STEP,
		[DREJEBOG_ROOTS.cvPlan]: CV_PLAN_SPEC,
		[DREJEBOG_ROOTS.reactions]: REACTION,
		[INTRODUCTION_FRAGMENT]: RICH,
		[DREJEBOG_KEPT_VOTES_ROOT]: {
			t: 'items',
			item: value('a number', (v) => typeof v === 'number')
		}
	};
}

/** A shape check of drejebog documents (one per room: it caches what it found per type). */
export function drejebogShapeCheck(): ShapeCheck {
	return new ShapeCheck(rootSpecs());
}
