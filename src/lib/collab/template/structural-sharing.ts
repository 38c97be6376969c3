/**
 * Structural sharing for the template as `readTemplate` returns it: every update (a keystroke
 * included) reads the whole template anew, and with all-new objects Svelte re-ran every row's
 * effects and the problem check, although one field had changed. `shareStructure(prev, next)`
 * returns a value equal to `next` in which every part equal to the same part of `prev` is that
 * part of `prev` itself, so unchanged areas, statements and sections keep their identity and
 * Svelte skips them. When nothing changed, `prev` itself comes back.
 */

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const proto: unknown = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/** The `id` of a list item ({ id: string, ... }), or undefined for anything else. */
function idOf(value: unknown): string | undefined {
	return isPlainObject(value) && typeof value.id === 'string' ? value.id : undefined;
}

/**
 * Items are matched by id where they have one (an item added or moved keeps the identity of the
 * others), else by position; a repeated id falls back to position for that item.
 */
function shareArray(prev: unknown[], next: unknown[]): unknown[] {
	const byId = new Map<string, unknown>();
	for (const item of prev) {
		const id = idOf(item);
		if (id !== undefined) byId.set(id, byId.has(id) ? undefined : item);
	}
	let isSame = prev.length === next.length;
	const shared = next.map((item, index) => {
		const id = idOf(item);
		const before = id !== undefined && byId.get(id) !== undefined ? byId.get(id) : prev[index];
		const value = shareStructure(before, item);
		if (value !== prev[index]) isSame = false;
		return value;
	});
	return isSame ? prev : shared;
}

function shareObject(prev: Plain, next: Plain): Plain {
	const keys = Object.keys(next);
	let isSame = keys.length === Object.keys(prev).length;
	const shared: Plain = {};
	for (const key of keys) {
		const hasBefore = Object.hasOwn(prev, key);
		const value = hasBefore ? shareStructure(prev[key], next[key]) : next[key];
		if (!hasBefore || value !== prev[key]) isSame = false;
		shared[key] = value;
	}
	return isSame ? prev : shared;
}

/** `next`, with every part that equals the same part of `prev` replaced by that part of `prev`. */
export function shareStructure<T>(prev: T, next: T): T {
	if (Object.is(prev, next)) return prev;
	if (Array.isArray(prev) && Array.isArray(next)) return shareArray(prev, next) as T;
	if (isPlainObject(prev) && isPlainObject(next)) return shareObject(prev, next) as T;
	return next;
}
