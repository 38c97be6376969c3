/**
 * The template's second-pass parts (area categories, CV phrases, timings, rating plan, signers,
 * goals, progression measures) as `readTemplate` returns them. Shape 3 stores them (see
 * template-shape-v3.ts); a document of an older shape has none, and they are derived from what it
 * has (`completeTemplate`: everybody rates everything, the signing raters sign, no goals, ...),
 * which is exactly what the shape-3 upgrade writes, so nothing changes when it runs. A single
 * field that is missing or unreadable falls back to the same derived value.
 */
import * as Y from 'yjs';
import {
	AREA_CATEGORIES,
	TIMING_KINDS,
	type AreaCategory,
	type Goals,
	type RatingPlan,
	type Signer,
	type Timing
} from '#lib/domain/template/plan-schemas.ts';
import { allPlanCells } from '#lib/domain/template/plan.ts';
import type { Template, TemplateCore } from '#lib/domain/template/schemas.ts';
import { completeTemplate } from '#lib/domain/template/template-core.ts';
import { readRichText } from '../rich-text-yjs.ts';
import {
	FIELD,
	META,
	docStarterId,
	entriesOf,
	planCellKey,
	readFragment,
	readText,
	storedShapeVersion,
	templateRoots,
	textAt
} from './template-doc.ts';

/** The shape version from which the second-pass parts are stored rather than derived. */
export const PLAN_SHAPE_VERSION = 3;

type Roots = ReturnType<typeof templateRoots>;

function mapAt(parent: Y.Map<unknown>, key: string): Y.Map<unknown> | null {
	const value = parent.get(key);
	return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/** A stored timing, or undefined when the field is missing or unreadable (then it is derived). */
export function readTiming(value: unknown): Timing | null | undefined {
	if (value === null) return null;
	if (typeof value !== 'object' || Array.isArray(value)) return undefined;
	const { kind, weeks } = value as { kind?: unknown; weeks?: unknown };
	if (!TIMING_KINDS.includes(kind as Timing['kind'])) return undefined;
	if (kind === 'start' || kind === 'end') return { kind };
	return typeof weeks === 'number'
		? { kind: kind as 'afterWeeks' | 'everyWeeks', weeks }
		: undefined;
}

function readSigners(roots: Roots, starterId: string | null): Signer[] {
	return entriesOf(roots.signerList, starterId).map((entry) => {
		const raterId = entry.map.get(FIELD.raterId);
		return {
			id: entry.id,
			label: readText(entry.map, FIELD.label),
			raterId: typeof raterId === 'string' ? raterId : null
		};
	});
}

/** The decided cells that name current items, in point, rater and area order. */
function readRatingPlan(roots: Roots, template: Template): RatingPlan {
	if (roots.ratingPlan.size === 0) return [];
	const plan: RatingPlan = [];
	for (const cell of allPlanCells(template)) {
		const rates = roots.ratingPlan.get(planCellKey(cell));
		if (typeof rates === 'boolean') plan.push({ ...cell, rates });
	}
	return plan;
}

function readGoals(roots: Roots, template: Template, starterId: string | null): Goals {
	const derived = template.goals;
	const isIncluded = roots.goal.get(FIELD.isIncluded);
	if (typeof isIncluded !== 'boolean') return derived;
	const order = new Map(
		template.areas.flatMap((a) => a.statements).map((s, index) => [s.id, index])
	);
	const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
	const fragment = readFragment(roots.goal, FIELD.guidance);
	const followed = roots.goalPoints;
	return {
		isIncluded,
		label: textAt(roots.goal, FIELD.label) ? readText(roots.goal, FIELD.label) : derived.label,
		guidance: fragment ? readRichText(fragment) : derived.guidance,
		subGoals: entriesOf(roots.subGoals, starterId).map((entry) => {
			const links = mapAt(entry.map, FIELD.statementIds);
			const statementIds = links ? [...links.keys()].filter((id) => links.get(id) === true) : [];
			// Statement order, then links to statements that are gone (listed as problems).
			statementIds.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
			return { id: entry.id, text: readText(entry.map, FIELD.text), statementIds };
		}),
		statuses: entriesOf(roots.goalStatuses, starterId).map((entry) => ({
			id: entry.id,
			label: readText(entry.map, FIELD.label)
		})),
		measurementPointIds: template.measurementPoints
			.filter((point) => followed.get(point.id) === true)
			.map((point) => point.id)
	};
}

function readFlag(meta: Y.Map<unknown>, key: string, fallback: boolean): boolean {
	const value = meta.get(key);
	return typeof value === 'boolean' ? value : fallback;
}

/** `core` (what `readTemplate` read of the first-pass layout) with the second-pass parts of `doc`. */
export function readTemplatePlan(doc: Y.Doc, core: TemplateCore): Template {
	const derived = completeTemplate(core);
	if (storedShapeVersion(doc) < PLAN_SHAPE_VERSION) return derived;
	const roots = templateRoots(doc);
	const starterId = docStarterId(doc);
	const areas = derived.areas.map((area) => {
		const areaMap = mapAt(roots.areas, area.id);
		const category = areaMap?.get(FIELD.category);
		return {
			...area,
			category: AREA_CATEGORIES.includes(category as AreaCategory)
				? (category as AreaCategory)
				: area.category,
			statements: area.statements.map((statement) => {
				const map = mapAt(roots.statements, statement.id);
				const phrase = map?.get(FIELD.cvPhrase);
				const hasPhrase =
					map !== null && (textAt(map, FIELD.cvPhrase) || typeof phrase === 'string');
				return hasPhrase ? { ...statement, cvPhrase: readText(map, FIELD.cvPhrase) } : statement;
			})
		};
	});
	const measurementPoints = derived.measurementPoints.map((point) => {
		const map = mapAt(roots.measurementPoints, point.id);
		const timing = map?.has(FIELD.timing) ? readTiming(map.get(FIELD.timing)) : undefined;
		return timing === undefined ? point : { ...point, timing };
	});
	const signers = readSigners(roots, starterId);
	const linked = new Set(signers.map((signer) => signer.raterId));
	const template: Template = {
		...derived,
		areas,
		measurementPoints,
		signature: {
			...derived.signature,
			signers,
			signerRaterIds: derived.raters.filter((r) => linked.has(r.id)).map((r) => r.id)
		},
		progressionMeasures: {
			hasHoursPerWeek: readFlag(roots.meta, META.hasHoursPerWeek, false),
			hasTasks: readFlag(roots.meta, META.hasTasks, false)
		}
	};
	return {
		...template,
		ratingPlan: readRatingPlan(roots, template),
		goals: readGoals(roots, template, starterId)
	};
}
