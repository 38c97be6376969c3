/**
 * The layout of a template inside a `Y.Doc`, and the low-level reads every operation shares.
 *
 * Each list is a top-level `Y.Map` keyed by item id whose values are `Y.Map`s holding the item's
 * fields and its order key (`order`). Top-level types are never replaced, so two clients writing
 * to an empty document cannot overwrite each other's list. Statements live in one flat map with an
 * `areaId` field, so moving a statement to another area changes one field of one map: a concurrent
 * move and edit both survive, and no move can duplicate it. Levels live inside their area (or
 * inside the statement that overrides the scale), so they go away with it.
 */
import * as Y from 'yjs';
import { compareOrdered } from '../order-keys.ts';

/** Names of the top-level shared types of a template document. */
export const TEMPLATE_ROOTS = {
	meta: 'template.meta',
	headerFields: 'template.headerFields',
	areas: 'template.areas',
	statements: 'template.statements',
	measurementPoints: 'template.measurementPoints',
	raters: 'template.raters',
	freeTextSections: 'template.freeTextSections',
	/**
	 * Shape 1 and 2: rater id → `true` for each rater who signs. Since shape 3 the signers live in
	 * `signerList`; this map is still read for older documents and otherwise ignored.
	 */
	signingRaters: 'template.signers',
	/** Since shape 3: signer id → signer item (label, optional rater). */
	signerList: 'template.signerList',
	/** Since shape 3: `planCellKey(cell)` → whether that rater rates that area at that point. */
	ratingPlan: 'template.ratingPlan',
	/** Since shape 3: the goal part's own fields (included, heading, guidance). */
	goal: 'template.goal',
	/** Since shape 3: sub-goal id → sub-goal item (text, linked statement ids). */
	subGoals: 'template.subGoals',
	/** Since shape 3: status id → status item (label); the steps sub-goals are followed with. */
	goalStatuses: 'template.goalStatuses',
	/** Since shape 3: measurement point id → `true` where the sub-goals are followed. */
	goalPoints: 'template.goalPoints'
} as const;

/** The simple labelled lists that share one set of operations. */
export type SimpleListName = 'headerFields' | 'measurementPoints' | 'raters' | 'freeTextSections';

/** Fields of item maps. `starter` tags items written by `initTemplate` (see `isVisible`). */
export const FIELD = {
	order: 'order',
	starter: 'starter',
	label: 'label',
	text: 'text',
	kind: 'kind',
	isRequired: 'isRequired',
	areaId: 'areaId',
	levels: 'levels',
	descriptor: 'descriptor',
	description: 'description',
	guidance: 'guidance',
	category: 'category',
	cvPhrase: 'cvPhrase',
	timing: 'timing',
	raterId: 'raterId',
	statementIds: 'statementIds',
	isIncluded: 'isIncluded'
} as const;

/**
 * Fields of the meta map. `shapeVersion` is the version of the document's layout (see
 * template-shape.ts); documents stored before it existed have none and are version 1.
 */
export const META = {
	title: 'title',
	starterId: 'starterId',
	signatureIncluded: 'signatureIncluded',
	signatureText: 'signatureText',
	shapeVersion: 'shapeVersion',
	hasHoursPerWeek: 'hasHoursPerWeek',
	hasTasks: 'hasTasks'
} as const;

export type ItemMap = Y.Map<unknown>;

/** One item of a list: its id, its map and its order key. */
export type Entry = { id: string; map: ItemMap; order: string };

/** The top-level types of the template in `doc` (created on first access, never replaced). */
export function templateRoots(doc: Y.Doc) {
	return {
		meta: doc.getMap<unknown>(TEMPLATE_ROOTS.meta),
		headerFields: doc.getMap<unknown>(TEMPLATE_ROOTS.headerFields),
		areas: doc.getMap<unknown>(TEMPLATE_ROOTS.areas),
		statements: doc.getMap<unknown>(TEMPLATE_ROOTS.statements),
		measurementPoints: doc.getMap<unknown>(TEMPLATE_ROOTS.measurementPoints),
		raters: doc.getMap<unknown>(TEMPLATE_ROOTS.raters),
		freeTextSections: doc.getMap<unknown>(TEMPLATE_ROOTS.freeTextSections),
		signingRaters: doc.getMap<unknown>(TEMPLATE_ROOTS.signingRaters),
		signerList: doc.getMap<unknown>(TEMPLATE_ROOTS.signerList),
		ratingPlan: doc.getMap<unknown>(TEMPLATE_ROOTS.ratingPlan),
		goal: doc.getMap<unknown>(TEMPLATE_ROOTS.goal),
		subGoals: doc.getMap<unknown>(TEMPLATE_ROOTS.subGoals),
		goalStatuses: doc.getMap<unknown>(TEMPLATE_ROOTS.goalStatuses),
		goalPoints: doc.getMap<unknown>(TEMPLATE_ROOTS.goalPoints)
	};
}

/**
 * The key of a rating plan cell in the plan's map: point, rater and area id joined by dots
 * (item ids never contain one).
 */
export function planCellKey(cell: {
	measurementPointId: string;
	raterId: string;
	areaId: string;
}): string {
	return `${cell.measurementPointId}.${cell.raterId}.${cell.areaId}`;
}

/** The stored shape version of `doc` (1 when it has none); reads without creating anything. */
export function storedShapeVersion(doc: Y.Doc): number {
	if (!doc.share.has(TEMPLATE_ROOTS.meta)) return 1;
	const value = doc.getMap(TEMPLATE_ROOTS.meta).get(META.shapeVersion);
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

/** A string field, or `fallback` when missing or of another type (the doc may hold anything). */
export function readString(map: Y.Map<unknown>, key: string, fallback = ''): string {
	const value = map.get(key);
	return typeof value === 'string' ? value : fallback;
}

/**
 * The `Y.Text` of a plain text field (a label, a statement's text, the title), or null when the
 * key holds something else: a plain string in a document of the old shape (see
 * template-shape.ts), nothing, or a crafted value. `Y.XmlText` (a rich-text node) is not one.
 */
export function textAt(map: Y.Map<unknown>, key: string): Y.Text | null {
	const value = map.get(key);
	return value instanceof Y.Text && !(value instanceof Y.XmlText) ? value : null;
}

/**
 * A plain text field's content. Since shape version 2 it is a `Y.Text`; a plain string (a document
 * not yet upgraded, or an old client's write after the upgrade) is read as it is, so every reader
 * tolerates both shapes. Anything else reads as `fallback`.
 */
export function readText(map: Y.Map<unknown>, key: string, fallback = ''): string {
	const text = textAt(map, key);
	if (text) return text.toJSON();
	return readString(map, key, fallback);
}

/**
 * Replaces the content of a plain text field with `value`, changing only the characters that
 * differ, so a rename merges with someone typing in the same field. A field that still holds a
 * plain string (old shape) gets a plain string: only the server converts fields to `Y.Text`, once
 * (template-shape.ts), so two clients never race to convert the same field. A missing field gets a
 * new `Y.Text`. Call inside a transaction.
 */
export function writeText(map: Y.Map<unknown>, key: string, value: string): void {
	const text = textAt(map, key);
	if (text) replaceText(text, value);
	else if (typeof map.get(key) === 'string') {
		if (map.get(key) !== value) map.set(key, value);
	} else map.set(key, new Y.Text(value));
}

/**
 * The one change that turns `before` into `after`: the index where they start to differ, how many
 * characters of `before` go and what comes in their place. Common prefix and suffix stay; when the
 * change is ambiguous (typing "a" into "aa"), `cursor` (where the caret is after the change) picks
 * the place the person actually typed.
 */
export function textChange(
	before: string,
	after: string,
	cursor = after.length
): { index: number; remove: number; insert: string } {
	const maxPrefix = Math.min(before.length, after.length);
	// The change ends where the caret is, so the common prefix cannot pass what was inserted.
	const prefixLimit = Math.min(
		maxPrefix,
		Math.max(0, cursor - Math.max(0, after.length - before.length))
	);
	let prefix = 0;
	while (prefix < prefixLimit && before[prefix] === after[prefix]) prefix++;
	let suffix = 0;
	while (
		suffix < before.length - prefix &&
		suffix < after.length - prefix &&
		before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
	) {
		suffix++;
	}
	return {
		index: prefix,
		remove: before.length - prefix - suffix,
		insert: after.slice(prefix, after.length - suffix)
	};
}

/** Makes `text` read `value` with the smallest single change (see `textChange`). */
export function replaceText(text: Y.Text, value: string): void {
	const { index, remove, insert } = textChange(text.toJSON(), value);
	if (remove > 0) text.delete(index, remove);
	if (insert.length > 0) text.insert(index, insert);
}

/** The starter the document was initialised from, or null. */
export function docStarterId(doc: Y.Doc): string | null {
	const value = templateRoots(doc).meta.get(META.starterId);
	return typeof value === 'string' ? value : null;
}

/**
 * Whether an item counts. If two people initialise the same empty document from different
 * starters at once, both sets of items arrive; the meta `starterId` settles on one value
 * everywhere, and items tagged with the other starter are ignored, so nobody sees two templates
 * mixed together. Items added by hand carry no tag and always count.
 */
export function isVisible(value: unknown, starterId: string | null): value is ItemMap {
	if (!(value instanceof Y.Map)) return false;
	const tag: unknown = (value as ItemMap).get(FIELD.starter);
	return tag === undefined || tag === starterId;
}

/** The visible items of `parent` in list order. */
export function entriesOf(parent: Y.Map<unknown>, starterId: string | null): Entry[] {
	const entries: Entry[] = [];
	parent.forEach((value, id) => {
		if (isVisible(value, starterId)) {
			entries.push({ id, map: value, order: readString(value, FIELD.order) });
		}
	});
	return entries.sort(compareOrdered);
}

/**
 * Statements grouped by the area that shows them. A statement whose area is gone (added to or
 * moved into an area someone else removed at the same time) is shown in the first area rather
 * than silently lost; everyone computes the same grouping from the same state.
 */
export function statementsByArea(doc: Y.Doc, areas: readonly Entry[]): Map<string, Entry[]> {
	const starterId = docStarterId(doc);
	const grouped = new Map<string, Entry[]>(areas.map((area) => [area.id, []]));
	const fallback = areas[0]?.id;
	for (const entry of entriesOf(templateRoots(doc).statements, starterId)) {
		const areaId = readString(entry.map, FIELD.areaId);
		const list =
			grouped.get(areaId) ?? (fallback === undefined ? undefined : grouped.get(fallback));
		list?.push(entry);
	}
	for (const list of grouped.values()) list.sort(compareOrdered);
	return grouped;
}

/** The rich-text fragment stored under `key`, or null when missing or of another type. */
export function readFragment(map: Y.Map<unknown>, key: string): Y.XmlFragment | null {
	const value = map.get(key);
	return value instanceof Y.XmlFragment ? value : null;
}
