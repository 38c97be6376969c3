/**
 * Whether a transaction keeps a document's shape, for any document kind: the collaboration server
 * applies every update to a scratch copy of the document (server/collab/update-check.ts) and asks
 * a `ShapeCheck` built from the kind's layout (template-shape-check.ts,
 * drejebog/drejebog-shape-check.ts) about that transaction before it stores the update. Refused: a
 * Yjs type of the wrong kind at a known key (a `Y.Text` where a number belongs, a `Y.Array` where
 * an item map belongs), an item keyed by something that is not an item id, a key the layout does
 * not have, a value of the wrong type, list content in a map, formatting or embeds in a plain
 * text, and removing a field readers cannot do without (a rich-text field, the shape version).
 * Content problems (an empty or too long label, a duplicate) are not shape problems: they stay
 * allowed and each kind's validation lists them.
 *
 * Only what the transaction adds is looked at: the items it inserted (each with its parent and
 * key, which also covers the inside of a new item map) and the map keys it deleted. A keystroke is
 * one item in a `Y.Text`, so the check costs about the same whatever the document's size. Roots
 * the layout does not name are not judged, nor anything inside a part that was already broken.
 */
import * as Y from 'yjs';

/** What may sit at a place in the document. */
export type Spec =
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

/** An item id, as every layout keys its lists. */
export const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const value = (what: string, check: (v: unknown) => boolean): Spec => ({
	t: 'value',
	check,
	what
});
export const oneOf = (values: readonly string[]) =>
	value(`one of ${values.join(', ')}`, (v) => values.includes(v as string));
export const STRING = value('a string', (v) => typeof v === 'string');
export const BOOLEAN = value('a boolean', (v) => typeof v === 'boolean');
export const TRUE = value('true', (v) => v === true);
export const ITEM_ID = value('an item id', (v) => typeof v === 'string' && ID.test(v));
export const TEXT: Spec = { t: 'text' };
export const LEGACY_TEXT: Spec = { t: 'text', legacy: true };
export const RICH: Spec = { t: 'rich' };

/**
 * A list: a map keyed by item id whose values are item maps holding `fields` (every layout's
 * items also hold their order key, `order`); `required` fields may not be removed.
 */
export function item(fields: Record<string, Spec>, required: readonly string[] = []): Spec {
	return { t: 'items', item: { t: 'record', fields: { order: STRING, ...fields }, required } };
}

/** A whole number from `min` to `max`. */
export function wholeNumber(what: string, min: number, max: number): Spec {
	return value(what, (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max);
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
	readonly #roots: Readonly<Record<string, Spec>>;
	/** Each type's spec, found once (a type never moves in Yjs). */
	readonly #specs = new WeakMap<Shared, Spec>();

	/** A check of documents laid out as `roots` says (root name → what it holds). */
	constructor(roots: Readonly<Record<string, Spec>>) {
		this.#roots = roots;
	}

	/**
	 * Why `transaction` breaks the document's shape, or null when it keeps it. Call it from the
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
			return field ? valueProblem(field, content) : 'a key the layout does not have';
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
