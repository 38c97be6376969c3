/**
 * Order keys for conflict-free lists. Every list item stores a fractional-indexing key; the list
 * order is the keys' order, ties broken by item id. Moving an item rewrites only its own key, so a
 * concurrent move, insert and delete can never duplicate or lose an item: each item is one map
 * entry, whatever the keys say. Two people inserting at the same spot get equal keys; the id
 * breaks the tie the same way on every client, and the next insert between them re-spaces them.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Something placed in an ordered list. */
export type Ordered = { id: string; order: string };

/** A new key for the placed item plus the neighbours that had to be re-spaced around it. */
export type Placement = { key: string; rekeyed: Ordered[] };

/** Keys arrive from other clients; anything the library would not produce counts as invalid. */
const KEY_SHAPE = /^[A-Za-z][0-9A-Za-z]*$/;

/**
 * Validity per key: sorting a list asks for each key many times, and `readTemplate` runs after
 * every change. Bounded so a long workshop day cannot grow it without limit.
 */
const validity = new Map<string, boolean>();
const MAX_CACHED_KEYS = 10_000;

/** True when `key` is a key fractional-indexing accepts (checked by asking it for a successor). */
export function isValidOrderKey(key: unknown): key is string {
	if (typeof key !== 'string' || !KEY_SHAPE.test(key)) return false;
	const known = validity.get(key);
	if (known !== undefined) return known;
	let isValid: boolean;
	try {
		generateKeyBetween(key, null);
		isValid = true;
	} catch {
		isValid = false;
	}
	if (validity.size >= MAX_CACHED_KEYS) validity.clear();
	validity.set(key, isValid);
	return isValid;
}

/** List order: valid keys ascending (plain string order, never localeCompare), then invalid keys; ties by id. */
export function compareOrdered(a: Ordered, b: Ordered): number {
	const aValid = isValidOrderKey(a.order);
	const bValid = isValidOrderKey(b.order);
	if (aValid !== bValid) return aValid ? -1 : 1;
	if (aValid && a.order !== b.order) return a.order < b.order ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `count` keys for a fresh list, in order. */
export function initialOrderKeys(count: number): string[] {
	return generateNKeysBetween(null, null, count);
}

/**
 * Where to put an item so it lands at `index` among `siblings` (sorted, without the item itself).
 * Usually just a key between the two neighbours; when the neighbours tie or carry invalid keys,
 * those neighbours get fresh keys too, keeping their relative order.
 */
export function placeAt(siblings: readonly Ordered[], index: number): Placement {
	const at = Math.max(0, Math.min(index, siblings.length));
	let low = at - 1;
	while (low >= 0 && !isValidOrderKey(siblings[low].order)) low--;
	const lower = low >= 0 ? siblings[low].order : null;
	let high = at;
	while (
		high < siblings.length &&
		!(isValidOrderKey(siblings[high].order) && (lower === null || siblings[high].order > lower))
	) {
		high++;
	}
	const upper = high < siblings.length ? siblings[high].order : null;
	const before = siblings.slice(low + 1, at);
	const after = siblings.slice(at, high);
	const keys = generateNKeysBetween(lower, upper, before.length + 1 + after.length);
	return {
		key: keys[before.length],
		rekeyed: [
			...before.map((item, i) => ({ id: item.id, order: keys[i] })),
			...after.map((item, i) => ({ id: item.id, order: keys[before.length + 1 + i] }))
		]
	};
}
