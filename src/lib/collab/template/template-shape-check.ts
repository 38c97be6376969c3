/**
 * Whether a transaction keeps the template's shape: the collaboration server applies every update
 * to a scratch copy of the document (server/collab/update-check.ts) and asks this module about
 * that transaction before it stores the update. Refused: a Yjs type of the wrong kind at a known
 * key (a `Y.Text` where a number belongs, a `Y.Array` where an item map belongs), an item keyed
 * by something that is not an item id, a key the layout does not have, a value of the wrong type
 * (a number as a category, a malformed timing), list content in a map, formatting or embeds in a
 * plain text, and removing a field readers cannot do without (a rich-text field, an area's scale,
 * the shape version). Content problems (an empty or too long label, a duplicate) are not shape
 * problems: they stay allowed and `validateTemplate` lists them.
 *
 * Only what the transaction adds is looked at: the items it inserted (each with its parent and
 * key, which also covers the inside of a new item map) and the map keys it deleted. A keystroke is
 * one item in a `Y.Text`, so the check costs about the same whatever the document's size. Roots
 * the template does not use are not judged, nor anything inside a part that was already broken.
 */
import * as Y from 'yjs';
import { HEADER_FIELD_KINDS, STATEMENT_KINDS } from '#lib/domain/template/schemas.ts';
import { AREA_CATEGORIES, timingSchema } from '#lib/domain/template/plan-schemas.ts';
import { FIELD, META, TEMPLATE_ROOTS } from './template-doc.ts';
import { KEPT_VOTES_ROOT } from './template-kept-votes.ts';
import { TEMPLATE_SHAPE_VERSION } from './template-shape.ts';

/** What may sit at a place in the document. */
type Spec =
	/** A plain text field: a `Y.Text`, or (`legacy`) a plain string as shapes 1 stored them. */
	| { t: 'text'; legacy?: boolean }
	/** A rich-text field: a `Y.XmlFragment` in tiptap's shape. */
	| { t: 'rich' }
	/** A `Y.Map` with known keys; `required` ones may not be removed. */
	| { t: 'record'; fields: Record<string, Spec>; required?: readonly string[] }
	/** A `Y.Map` keyed by item ids (or `key`), each value of shape `item`. */
	| { t: 'items'; item: Spec; key?: RegExp }
	/** A plain value (string, number, boolean, JSON) that `check` accepts. */
	| { t: 'value'; check: (value: unknown) => boolean; what: string }
	/** The inside of rich text: elements, text runs and their attributes, judged loosely. */
	| { t: 'richElement' }
	| { t: 'richText' }
	/** Not part of the template's layout (or already broken): not judged. */
	| { t: 'any' };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CELL = /^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}$/;

const value = (what: string, check: (v: unknown) => boolean): Spec => ({ t: 'value', check, what });
const oneOf = (values: readonly string[]) =>
	value(`one of ${values.join(', ')}`, (v) => values.includes(v as string));
const STRING = value('a string', (v) => typeof v === 'string');
const BOOLEAN = value('a boolean', (v) => typeof v === 'boolean');
const TRUE = value('true', (v) => v === true);
const ITEM_ID = value('an item id', (v) => typeof v === 'string' && ID.test(v));
const TEXT: Spec = { t: 'text' };
const LEGACY_TEXT: Spec = { t: 'text', legacy: true };
const RICH: Spec = { t: 'rich' };

/** The fields every list item has: its order key and the starter tag (see `isVisible`). */
function item(fields: Record<string, Spec>, required: readonly string[] = []): Spec {
	const common = { [FIELD.order]: STRING, [FIELD.starter]: STRING };
	return { t: 'items', item: { t: 'record', fields: { ...common, ...fields }, required } };
}

const LEVELS = item({ label: LEGACY_TEXT, descriptor: RICH }, ['descriptor']);

/** The template's layout (template-doc.ts), root by root. */
function rootSpecs(): Record<string, Spec> {
	const maxShapeVersion = TEMPLATE_SHAPE_VERSION;
	return {
		[TEMPLATE_ROOTS.meta]: {
			t: 'record',
			fields: {
				[META.title]: LEGACY_TEXT,
				[META.starterId]: STRING,
				[META.signatureIncluded]: BOOLEAN,
				[META.signatureText]: LEGACY_TEXT,
				[META.shapeVersion]: value(
					`a whole number from 1 to ${maxShapeVersion}`,
					(v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= maxShapeVersion
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

const ANY: Spec = { t: 'any' };

/** A shared type of the document (Yjs types them with its own event types). */
type Shared = Parameters<typeof Y.findRootTypeKey>[0];
/** What an inserted item holds. */
type Content = Y.Item['content'];

function isPlainText(type: unknown): boolean {
	return type instanceof Y.Text && !(type instanceof Y.XmlText);
}

function isFragment(type: unknown): boolean {
	return type instanceof Y.XmlFragment && !(type instanceof Y.XmlElement);
}

/** Checks the transactions of one document (a scratch copy the server keeps per room). */
export class ShapeCheck {
	readonly #roots = rootSpecs();
	/** Each type's spec, found once (a type never moves in Yjs). */
	readonly #specs = new WeakMap<Shared, Spec>();

	/**
	 * Why `transaction` breaks the template's shape, or null when it keeps it. Call it from the
	 * document's `afterTransaction` event, when the inserted items are still whole.
	 */
	problem(transaction: Y.Transaction): string | null {
		const { doc } = transaction;
		for (const [client, after] of transaction.afterState) {
			const before = transaction.beforeState.get(client) ?? 0;
			if (after === before) continue;
			const structs = doc.store.clients.get(client) ?? [];
			for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
				const struct = structs[i];
				if (struct.id.clock >= after) break;
				const problem = struct instanceof Y.Item ? this.#itemProblem(struct) : null;
				if (problem) return problem;
			}
		}
		for (const [type, keys] of transaction.changed) {
			const spec = this.specOf(type);
			if (spec.t !== 'record' || !spec.required) continue;
			for (const key of keys) {
				if (key !== null && spec.required.includes(key) && !hasLive(type, key)) {
					return `${this.#pathOf(type)}: ${key} may not be removed`;
				}
			}
		}
		return null;
	}

	/** What may sit inside `type` (its own spec, from its root down). */
	specOf(type: Shared): Spec {
		const known = this.#specs.get(type);
		if (known) return known;
		const holder = type._item;
		let spec: Spec;
		if (holder === null) spec = this.#roots[Y.findRootTypeKey(type)] ?? ANY;
		else {
			const parent = this.specOf(holder.parent as Shared);
			spec = childSpec(parent, holder.parentSub, type);
			// A type of the wrong kind (stored before this check) is not judged inside.
			if (!fitsKind(spec, type)) spec = ANY;
		}
		this.#specs.set(type, spec);
		return spec;
	}

	#itemProblem(item: Y.Item): string | null {
		// Deleted in the same transaction (overwritten): nobody will ever read it.
		if (item.deleted || item.content instanceof Y.ContentDeleted) return null;
		const parent = item.parent as Shared;
		const spec = this.specOf(parent);
		if (spec.t === 'any') return null;
		const where = () => `${this.#pathOf(parent)}${item.parentSub ? `/${item.parentSub}` : ''}`;
		const problem =
			item.parentSub === null
				? listContentProblem(spec, item.content)
				: entryProblem(spec, item.parentSub, item.content);
		return problem ? `${where()}: ${problem}` : null;
	}

	/** A readable place for the server's log: the root's name and the keys down to `type`. */
	#pathOf(type: Shared): string {
		const holder = type._item;
		if (holder === null) return Y.findRootTypeKey(type);
		const parent = this.#pathOf(holder.parent as Shared);
		return `${parent}/${holder.parentSub ?? '[]'}`;
	}
}

/** True when a shared type of `type`'s kind may stand where `spec` is. */
function fitsKind(spec: Spec, type: Shared): boolean {
	switch (spec.t) {
		case 'text':
			return isPlainText(type);
		case 'rich':
			return isFragment(type);
		case 'record':
		case 'items':
			return type instanceof Y.Map;
		case 'value':
			return false;
		default:
			return true;
	}
}

/** True when `type` (a map) holds a value under `key` that is not deleted. */
function hasLive(type: Shared, key: string): boolean {
	const entry = type._map.get(key);
	return entry !== undefined && !entry.deleted;
}

/** The spec of the shared type that sits at `key` (null: list position) of a parent of `spec`. */
function childSpec(spec: Spec, key: string | null, type: Shared): Spec {
	if (spec.t === 'rich' || spec.t === 'richElement' || spec.t === 'richText') {
		if (type instanceof Y.XmlElement) return { t: 'richElement' };
		if (type instanceof Y.XmlText) return { t: 'richText' };
		return ANY;
	}
	if (key === null) return ANY;
	if (spec.t === 'record') return spec.fields[key] ?? ANY;
	if (spec.t === 'items') return spec.item;
	return ANY;
}

/** What is wrong with `content` stored under `key` of a map whose spec is `spec`, or null. */
function entryProblem(spec: Spec, key: string, content: Content): string | null {
	switch (spec.t) {
		case 'record': {
			const field = spec.fields[key];
			return field ? valueProblem(field, content) : 'a key the template does not have';
		}
		case 'items':
			if (!(spec.key ?? ID).test(key)) return 'not an item id';
			return valueProblem(spec.item, content);
		case 'richElement':
		case 'richText':
			// Attributes of rich text (marks, node attributes) are plain values.
			return content instanceof Y.ContentAny ? null : 'an attribute must be a plain value';
		default:
			return 'a key in a text';
	}
}

/** What is wrong with `content` as the value `spec` describes, or null. */
function valueProblem(spec: Spec, content: Content): string | null {
	const type = content instanceof Y.ContentType ? content.type : null;
	switch (spec.t) {
		case 'text': {
			if (type && fitsKind(spec, type)) return null;
			const isString =
				content instanceof Y.ContentAny &&
				content.arr.length === 1 &&
				typeof content.arr[0] === 'string';
			return spec.legacy && isString ? null : 'expected a Y.Text';
		}
		case 'rich':
			return type && fitsKind(spec, type) ? null : 'expected a Y.XmlFragment';
		case 'record':
		case 'items':
			if (!type || !fitsKind(spec, type)) return 'expected a Y.Map';
			if (spec.t === 'record') {
				const missing = (spec.required ?? []).filter((key) => !hasLive(type, key));
				if (missing.length > 0) return `missing ${missing.join(', ')}`;
			}
			return null;
		case 'value': {
			const isValue = content instanceof Y.ContentAny && content.arr.length === 1;
			return isValue && spec.check(content.arr[0]) ? null : `expected ${spec.what}`;
		}
		default:
			return null;
	}
}

/** What is wrong with `content` inserted as list content into a type whose spec is `spec`. */
function listContentProblem(spec: Spec, content: Content): string | null {
	switch (spec.t) {
		case 'text':
			return content instanceof Y.ContentString ? null : 'a plain text holds characters only';
		case 'rich':
		case 'richElement': {
			const type = content instanceof Y.ContentType ? content.type : null;
			return type instanceof Y.XmlElement || type instanceof Y.XmlText
				? null
				: 'rich text holds elements and text only';
		}
		case 'richText': {
			if (
				content instanceof Y.ContentString ||
				content instanceof Y.ContentFormat ||
				content instanceof Y.ContentEmbed
			) {
				return null;
			}
			const type = content instanceof Y.ContentType ? content.type : null;
			return type instanceof Y.XmlElement || type instanceof Y.XmlText
				? null
				: 'unexpected content in rich text';
		}
		default:
			return 'list content in a map';
	}
}
