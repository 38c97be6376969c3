/**
 * `readDrejebog` turns the Yjs document into the plain, typed drejebog the editor renders and
 * publishing stores. It never writes, and it tolerates anything a (possibly malicious) client
 * could have put in the document: wrong types fall back to defaults, so the result always has the
 * right shape (`drejebogSchema` then only refuses what `validateDrejebog` reports too).
 */
import type * as Y from 'yjs';
import type { z } from 'zod';
import {
	DREJEBOG_STARTS,
	PRODUCTS,
	REACTION_KINDS,
	STANDARD_ROLES,
	WHEN_KINDS,
	levelThresholdSchema,
	linkSchema,
	pointRefSchema,
	ratingBasisSchema,
	type CvPlan,
	type Drejebog,
	type DrejebogStart,
	type Product,
	type Reaction,
	type ReactionKind,
	type Step,
	type When,
	type WhenKind
} from '#lib/domain/drejebog/schemas.ts';
import { DEFAULT_DREJEBOG_TITLE, defaultCvPlan } from '#lib/domain/drejebog/defaults.ts';
import { emptyRichText } from '#lib/domain/template/rich-text.ts';
import { readRichText } from '../rich-text-yjs.ts';
import {
	entriesOf,
	readFragment,
	readString,
	readText,
	type Entry,
	type ItemMap
} from '../template/template-doc.ts';
import {
	CV_PLAN,
	DFIELD,
	DMETA,
	drejebogRoots,
	introductionFragment,
	mapAt,
	nestedEntries,
	stageEntries,
	stepsByStage
} from './drejebog-doc.ts';

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
	return values.includes(value as T) ? (value as T) : fallback;
}

/** A whole number in the document, or `fallback`. */
function readInteger(map: ItemMap, key: string, fallback: number): number {
	const value = map.get(key);
	return typeof value === 'number' && Number.isInteger(value) ? value : fallback;
}

/** A plain value stored whole (a link, a rule's threshold), checked by `schema`. */
function readValue<S extends z.ZodType>(
	map: ItemMap,
	key: string,
	schema: S,
	fallback: z.output<S>
): z.output<S> {
	const parsed = schema.safeParse(map.get(key));
	return parsed.success ? parsed.data : fallback;
}

/** The keys of a `Y.Map` of id → true, sorted so every client reads the same order. */
function trueKeys(map: ItemMap | null): string[] {
	const keys: string[] = [];
	map?.forEach((value, key) => {
		if (value === true) keys.push(key);
	});
	return keys.sort();
}

function readWhen(step: ItemMap): When {
	const when = mapAt(step, DFIELD.when);
	if (!when) return { kind: 'start', offsetWeeks: 0 };
	const kind = oneOf<WhenKind>(WHEN_KINDS, when.get(DFIELD.kind), 'start');
	const offsetWeeks = readInteger(when, DFIELD.offsetWeeks, 0);
	switch (kind) {
		case 'free':
			return { kind, text: readText(when, DFIELD.text) };
		case 'point':
			return { kind, measurementPointId: readString(when, DFIELD.pointId), offsetWeeks };
		default:
			return { kind, offsetWeeks };
	}
}

/** One step's plain value. */
export function readStep(entry: Entry): Step {
	const { map } = entry;
	const guidance = readFragment(map, DFIELD.guidance);
	const roles = new Set(trueKeys(mapAt(map, DFIELD.roles)));
	return {
		id: entry.id,
		title: readText(map, DFIELD.title),
		guidance: guidance ? readRichText(guidance) : emptyRichText(),
		who: {
			roles: STANDARD_ROLES.filter((role) => roles.has(role)),
			customRoles: nestedEntries(map, DFIELD.customRoles).map((role) => ({
				id: role.id,
				label: readText(role.map, DFIELD.label)
			}))
		},
		when: readWhen(map),
		link: readValue(map, DFIELD.link, linkSchema.nullable(), null),
		produces: oneOf<Product>(PRODUCTS, map.get(DFIELD.produces), 'none'),
		checklist: nestedEntries(map, DFIELD.checklist).map((item) => ({
			id: item.id,
			text: readText(item.map, DFIELD.text)
		}))
	};
}

function readCvPlan(map: ItemMap): CvPlan {
	const fallback = defaultCvPlan();
	const flag = (key: string, value: boolean) => {
		const stored = map.get(key);
		return typeof stored === 'boolean' ? stored : value;
	};
	return {
		basis: readValue(map, CV_PLAN.basis, ratingBasisSchema, fallback.basis),
		point: readValue(map, CV_PLAN.point, pointRefSchema, fallback.point),
		cvThreshold: readValue(map, CV_PLAN.cvThreshold, levelThresholdSchema, fallback.cvThreshold),
		minPlanThreshold: readValue(
			map,
			CV_PLAN.minPlanThreshold,
			levelThresholdSchema,
			fallback.minPlanThreshold
		),
		minPlanIncludesNotRated: flag(
			CV_PLAN.minPlanIncludesNotRated,
			fallback.minPlanIncludesNotRated
		),
		minPlanIncludesNextStep: flag(
			CV_PLAN.minPlanIncludesNextStep,
			fallback.minPlanIncludesNextStep
		),
		cvSectionIds: trueKeys(mapAt(map, CV_PLAN.cvSections)),
		minPlanSectionIds: trueKeys(mapAt(map, CV_PLAN.minPlanSections))
	};
}

function readReaction(entry: Entry): Reaction {
	const { map } = entry;
	const kind = oneOf<ReactionKind>(REACTION_KINDS, map.get(DFIELD.kind), 'custom');
	const action = readText(map, DFIELD.action);
	if (kind === 'noProgress') {
		const fromPointId = readString(map, DFIELD.fromPointId);
		return {
			id: entry.id,
			action,
			condition: { kind, fromPointId, toPointId: readString(map, DFIELD.toPointId) }
		};
	}
	if (kind === 'missedRating') {
		const raterId = map.get(DFIELD.raterId);
		const condition = {
			kind,
			days: readInteger(map, DFIELD.days, 7),
			raterId: typeof raterId === 'string' ? raterId : null
		};
		return { id: entry.id, action, condition };
	}
	return { id: entry.id, action, condition: { kind, text: readText(map, DFIELD.text) } };
}

/** How the drejebog in `doc` was started, or null when it has not been. */
export function drejebogStarterId(doc: Y.Doc): DrejebogStart | null {
	const value = drejebogRoots(doc).meta.get(DMETA.starterId);
	return DREJEBOG_STARTS.includes(value as DrejebogStart) ? (value as DrejebogStart) : null;
}

/** The drejebog in `doc` as plain data. */
export function readDrejebog(doc: Y.Doc): Drejebog {
	const roots = drejebogRoots(doc);
	const stages = stageEntries(doc);
	const grouped = stepsByStage(doc, stages);
	const introduction = introductionFragment(doc);
	return {
		title: readText(roots.meta, DMETA.title, DEFAULT_DREJEBOG_TITLE),
		starterId: drejebogStarterId(doc),
		introduction: introduction ? readRichText(introduction) : emptyRichText(),
		stages: stages.map((stage) => ({
			id: stage.id,
			label: readText(stage.map, DFIELD.label),
			steps: (grouped.get(stage.id) ?? []).map(readStep)
		})),
		cvPlan: readCvPlan(roots.cvPlan),
		reactions: entriesOf(roots.reactions, null).map(readReaction)
	};
}
