/**
 * The template's layout as the shape check sees it (`../shape-check.ts` says what is checked and
 * how): which Yjs type and which values may sit where, root by root, in template-doc.ts's layout.
 * Besides the generic refusals, a template refuses a number as a category, a malformed timing, a
 * rating-plan cell that is not `point.rater.area`, and removing an area's scale.
 */
import { HEADER_FIELD_KINDS, STATEMENT_KINDS } from '#lib/domain/template/schemas.ts';
import { AREA_CATEGORIES, timingSchema } from '#lib/domain/template/plan-schemas.ts';
import {
	BOOLEAN,
	ID,
	ITEM_ID,
	LEGACY_TEXT,
	RICH,
	STRING,
	ShapeCheck,
	TEXT,
	TRUE,
	item as listOf,
	oneOf,
	value,
	wholeNumber,
	type Spec
} from '../shape-check.ts';
import { FIELD, META, TEMPLATE_ROOTS } from './template-doc.ts';
import { KEPT_VOTES_ROOT } from './template-kept-votes.ts';
import { TEMPLATE_SHAPE_VERSION } from './template-shape.ts';

const CELL = /^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}$/;

/** The template's items also carry the starter tag they came from (see `isVisible`). */
function item(fields: Record<string, Spec>, required: readonly string[] = []): Spec {
	return listOf({ [FIELD.starter]: STRING, ...fields }, required);
}

const LEVELS = item({ label: LEGACY_TEXT, descriptor: RICH }, ['descriptor']);

/** The template's layout (template-doc.ts), root by root. */
function rootSpecs(): Record<string, Spec> {
	return {
		[TEMPLATE_ROOTS.meta]: {
			t: 'record',
			fields: {
				[META.title]: LEGACY_TEXT,
				[META.starterId]: STRING,
				[META.signatureIncluded]: BOOLEAN,
				[META.signatureText]: LEGACY_TEXT,
				[META.shapeVersion]: wholeNumber(
					`a whole number from 1 to ${TEMPLATE_SHAPE_VERSION}`,
					1,
					TEMPLATE_SHAPE_VERSION
				),
				[META.hasHoursPerWeek]: BOOLEAN,
				[META.hasTasks]: BOOLEAN
			},
			required: [META.shapeVersion]
		},
		[TEMPLATE_ROOTS.headerFields]: item({
			label: LEGACY_TEXT,
			kind: oneOf(HEADER_FIELD_KINDS),
			isRequired: BOOLEAN
		}),
		[TEMPLATE_ROOTS.areas]: item(
			{ label: LEGACY_TEXT, category: oneOf(AREA_CATEGORIES), levels: LEVELS },
			['levels']
		),
		[TEMPLATE_ROOTS.statements]: item(
			{
				areaId: ITEM_ID,
				text: LEGACY_TEXT,
				kind: oneOf(STATEMENT_KINDS),
				description: RICH,
				levels: LEVELS,
				cvPhrase: TEXT
			},
			['description']
		),
		[TEMPLATE_ROOTS.measurementPoints]: item({
			label: LEGACY_TEXT,
			timing: value('a timing or null', (v) => v === null || timingSchema.safeParse(v).success)
		}),
		[TEMPLATE_ROOTS.raters]: item({ label: LEGACY_TEXT }),
		[TEMPLATE_ROOTS.freeTextSections]: item({ label: LEGACY_TEXT, guidance: RICH }, ['guidance']),
		[TEMPLATE_ROOTS.signingRaters]: { t: 'items', item: BOOLEAN },
		[TEMPLATE_ROOTS.signerList]: item({
			label: TEXT,
			raterId: value(
				'an item id or null',
				(v) => v === null || (typeof v === 'string' && ID.test(v))
			)
		}),
		[TEMPLATE_ROOTS.ratingPlan]: { t: 'items', item: BOOLEAN, key: CELL },
		[TEMPLATE_ROOTS.goal]: {
			t: 'record',
			fields: { isIncluded: BOOLEAN, label: TEXT, guidance: RICH },
			required: ['guidance']
		},
		[TEMPLATE_ROOTS.subGoals]: item({ text: TEXT, statementIds: { t: 'items', item: TRUE } }, [
			'statementIds'
		]),
		[TEMPLATE_ROOTS.goalStatuses]: item({ label: TEXT }),
		[TEMPLATE_ROOTS.goalPoints]: { t: 'items', item: TRUE },
		[KEPT_VOTES_ROOT]: { t: 'items', item: value('a number', (v) => typeof v === 'number') }
	};
}

/** A shape check of template documents (one per room: it caches what it found per type). */
export function templateShapeCheck(): ShapeCheck {
	return new ShapeCheck(rootSpecs());
}
