/**
 * The layout of a drejebog inside a `Y.Doc`, and the low-level reads every operation shares.
 *
 * Like the template (template-doc.ts): each list is a top-level `Y.Map` keyed by item id whose
 * values are `Y.Map`s holding the item's fields and a fractional-indexing order key (`order`);
 * top-level types are never replaced. Steps live in one flat map with a `stageId` field, so moving
 * a step to another stage changes one field of one map: a concurrent move and edit both survive,
 * and no move can duplicate it. A step's nested parts are created with the step and never
 * replaced: its roles (`Y.Map` role → true, so two people ticking two roles both count), custom
 * roles and checklist (ordered item maps), its timing (a `Y.Map` of kind, offset, point and a
 * `Y.Text` for free words, so switching the kind keeps the other values) and its guidance (a
 * `Y.XmlFragment` for tiptap). A link is one plain value, so a concurrent relink never mixes the
 * kind of one with the id of the other. Plain text fields are `Y.Text`, typed live.
 *
 * The introduction is the top-level rich-text fragment `body`: a drejebog stored before the
 * structured model was just that fragment, so its text stays where it was and old clients (an
 * offline cache, a tab open across a deploy) keep writing into the same place.
 */
import * as Y from 'yjs';
import { compareOrdered } from '../order-keys.ts';
import { entriesOf, readString, type Entry, type ItemMap } from '../template/template-doc.ts';

/** Names of the top-level shared maps of a drejebog document. */
export const DREJEBOG_ROOTS = {
	meta: 'drejebog.meta',
	stages: 'drejebog.stages',
	steps: 'drejebog.steps',
	cvPlan: 'drejebog.cvPlan',
	reactions: 'drejebog.reactions'
} as const;

/** The rich-text fragment of the introduction (the whole text of an old drejebog). */
export const INTRODUCTION_FRAGMENT = 'body';

/** Fields of item maps. */
export const DFIELD = {
	order: 'order',
	label: 'label',
	title: 'title',
	text: 'text',
	stageId: 'stageId',
	guidance: 'guidance',
	roles: 'roles',
	customRoles: 'customRoles',
	when: 'when',
	link: 'link',
	produces: 'produces',
	checklist: 'checklist',
	kind: 'kind',
	offsetWeeks: 'offsetWeeks',
	pointId: 'pointId',
	fromPointId: 'fromPointId',
	toPointId: 'toPointId',
	days: 'days',
	raterId: 'raterId',
	action: 'action'
} as const;

/** Fields of the meta map; `shapeVersion` is the document's layout version (drejebog-shape.ts). */
export const DMETA = {
	title: 'title',
	starterId: 'starterId',
	shapeVersion: 'shapeVersion'
} as const;

/** Fields of the "CV og Min Plan" map; the two section lists are `Y.Map`s of section id → true. */
export const CV_PLAN = {
	basis: 'basis',
	point: 'point',
	cvThreshold: 'cvThreshold',
	minPlanThreshold: 'minPlanThreshold',
	minPlanIncludesNotRated: 'minPlanIncludesNotRated',
	minPlanIncludesNextStep: 'minPlanIncludesNextStep',
	cvSections: 'cvSections',
	minPlanSections: 'minPlanSections'
} as const;

/** The top-level types of the drejebog in `doc` (created on first access, never replaced). */
export function drejebogRoots(doc: Y.Doc) {
	return {
		meta: doc.getMap<unknown>(DREJEBOG_ROOTS.meta),
		stages: doc.getMap<unknown>(DREJEBOG_ROOTS.stages),
		steps: doc.getMap<unknown>(DREJEBOG_ROOTS.steps),
		cvPlan: doc.getMap<unknown>(DREJEBOG_ROOTS.cvPlan),
		reactions: doc.getMap<unknown>(DREJEBOG_ROOTS.reactions)
	};
}

/** The introduction's fragment, or null when a crafted document holds another type there. */
export function introductionFragment(doc: Y.Doc): Y.XmlFragment | null {
	try {
		return doc.getXmlFragment(INTRODUCTION_FRAGMENT);
	} catch {
		return null;
	}
}

/** The nested map at `key` of `parent`, or null when missing or of another type. */
export function mapAt(parent: unknown, key: string): ItemMap | null {
	if (!(parent instanceof Y.Map)) return null;
	const value: unknown = (parent as Y.Map<unknown>).get(key);
	return value instanceof Y.Map ? (value as ItemMap) : null;
}

/** The nested map at `key`, created when missing (a crafted or damaged item). Call in a transaction. */
export function ensureMap(parent: ItemMap, key: string): ItemMap {
	const existing = mapAt(parent, key);
	if (existing) return existing;
	const created = new Y.Map<unknown>();
	parent.set(key, created);
	return created;
}

/** The item maps under `key` of `parent` in list order (custom roles, checklist items). */
export function nestedEntries(parent: ItemMap, key: string): Entry[] {
	const map = mapAt(parent, key);
	return map ? entriesOf(map, null) : [];
}

/** The stages in order. */
export function stageEntries(doc: Y.Doc): Entry[] {
	return entriesOf(drejebogRoots(doc).stages, null);
}

/**
 * Steps grouped by the stage that shows them, each list in order. A step whose stage is gone
 * (added to or moved into a stage someone else removed at the same time) is shown in the first
 * stage rather than silently lost; everyone computes the same grouping from the same state.
 */
export function stepsByStage(doc: Y.Doc, stages: readonly Entry[]): Map<string, Entry[]> {
	const grouped = new Map<string, Entry[]>(stages.map((stage) => [stage.id, []]));
	const fallback = stages[0]?.id;
	for (const entry of entriesOf(drejebogRoots(doc).steps, null)) {
		const stageId = readString(entry.map, DFIELD.stageId);
		const list =
			grouped.get(stageId) ?? (fallback === undefined ? undefined : grouped.get(fallback));
		list?.push(entry);
	}
	for (const list of grouped.values()) list.sort(compareOrdered);
	return grouped;
}

/** The step with `stepId` where a reader shows it, with its stage; null when it is not shown. */
export function findStep(
	doc: Y.Doc,
	stepId: string
): { entry: Entry; stageId: string; siblings: Entry[] } | null {
	const stages = stageEntries(doc);
	for (const [stageId, steps] of stepsByStage(doc, stages)) {
		const entry = steps.find((s) => s.id === stepId);
		if (entry) return { entry, stageId, siblings: steps };
	}
	return null;
}
