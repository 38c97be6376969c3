/**
 * Canonical JSON: one byte sequence per value, so that a published version's SHA-256 says
 * "same content" exactly when the content is the same, whatever order its keys were built in
 * and however it was stored and read back.
 *
 * The form follows RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16 code
 * units, no whitespace, numbers in ECMAScript's shortest round-trip form (what `JSON.stringify`
 * writes; -0 is written 0), strings escaped as `JSON.stringify` escapes them. Beyond JCS, every
 * string (keys too) is put in Unicode NFC first, so "æ" typed as one code point or as "a" + "e"
 * with a combining mark cannot make two versions differ in bytes while reading the same.
 *
 * Values JSON cannot hold faithfully are refused rather than silently changed: undefined in an
 * array, NaN and the infinities, bigint, functions, symbols, and objects that are not plain
 * (Date, Map, class instances). An object property whose value is undefined is left out, as
 * `JSON.stringify` does, so an optional field that is absent or undefined hashes the same.
 */

/** Thrown for a value that has no canonical JSON form (see the module comment). */
export class CanonicalJsonError extends TypeError {}

/** Deeper than any template or drejebog; protects against cycles and pathological input. */
const MAX_DEPTH = 64;

function isPlainObject(value: object): value is Record<string, unknown> {
	const proto = Object.getPrototypeOf(value) as unknown;
	return proto === Object.prototype || proto === null;
}

function canonicalNumber(value: number): string {
	if (!Number.isFinite(value)) throw new CanonicalJsonError(`not a finite number: ${value}`);
	// Object.is(-0, 0) is false, but -0 and 0 are the same JSON number.
	return Object.is(value, -0) ? '0' : JSON.stringify(value);
}

function canonicalString(value: string): string {
	return JSON.stringify(value.normalize('NFC'));
}

/** Sorts by UTF-16 code units, as RFC 8785 asks (the default sort of JavaScript strings). */
function compareCodeUnits(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function write(value: unknown, depth: number): string {
	if (depth > MAX_DEPTH) throw new CanonicalJsonError('nested too deeply (or a cycle)');
	if (value === null) return 'null';
	switch (typeof value) {
		case 'boolean':
			return value ? 'true' : 'false';
		case 'number':
			return canonicalNumber(value);
		case 'string':
			return canonicalString(value);
		case 'object':
			break;
		default:
			throw new CanonicalJsonError(`no JSON form for a ${typeof value}`);
	}
	if (Array.isArray(value)) {
		const items = value.map((item: unknown) => {
			if (item === undefined) throw new CanonicalJsonError('undefined in an array');
			return write(item, depth + 1);
		});
		return `[${items.join(',')}]`;
	}
	if (!isPlainObject(value)) throw new CanonicalJsonError('not a plain object');
	const entries = new Map<string, unknown>();
	for (const [key, item] of Object.entries(value)) {
		if (item === undefined) continue;
		const normalized = key.normalize('NFC');
		if (entries.has(normalized)) throw new CanonicalJsonError(`duplicate key ${normalized}`);
		entries.set(normalized, item);
	}
	const keys = [...entries.keys()].sort(compareCodeUnits);
	const members = keys.map(
		(key) => `${canonicalString(key)}:${write(entries.get(key), depth + 1)}`
	);
	return `{${members.join(',')}}`;
}

/**
 * The canonical JSON text of `value` (see the module comment).
 * @throws CanonicalJsonError for a value JSON cannot hold faithfully.
 */
export function canonicalJson(value: unknown): string {
	return write(value, 0);
}
