/**
 * The common case of a translation, read without i18next: a key asked for without variables whose
 * message is a plain string. i18next would give the same text (the tests compare every key), and
 * everything this module cannot answer exactly it leaves to i18next by returning `undefined`.
 *
 * What i18next does for such a key (configured as in `locales.ts`): no `count` means no plural
 * suffix lookup (`_one`/`_other`), no `context` no context suffix; the key is split into a path at
 * the key separator '.' (no message key holds a '.' itself, which i18next would also try; a test
 * checks); a ':' would name a namespace; the first language in which the path leads
 * to a valid message wins (the locale, then Danish), where '' is not valid (`returnEmptyString` is
 * false) and an object is not a text (`returnObjects` is false); a key found nowhere comes back as
 * the key itself; then the text is interpolated (`{{…}}`) and nested (`$t(…)`), which changes
 * nothing in a text with neither.
 */

type Node = string | number | boolean | null | { readonly [key: string]: unknown } | undefined;

/** Marks a message i18next must handle: interpolation or nesting. */
const NOT_PLAIN = /\{\{|\$t\(/;
/** Marks a key i18next must handle: the same, or a namespace before a ':'. */
const NOT_PLAIN_KEY = /\{\{|\$t\(|:/;

function hasVariables(vars: Record<string, unknown> | undefined): boolean {
	if (vars) for (const name in vars) if (Object.hasOwn(vars, name)) return true;
	return false;
}

function lookup(messages: object, path: readonly string[]): Node {
	let node: Node = messages as Node;
	for (const part of path) {
		if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
		node = node[part] as Node;
	}
	return node;
}

/**
 * The text of `key` read straight from `sources` (the locale's messages, then its fallbacks), or
 * `undefined` when i18next has to translate it: variables given, a message or key that is more
 * than plain text, a value that is not a non-empty string.
 */
export function plainMessage(
	sources: readonly object[],
	key: string,
	vars: Record<string, unknown> | undefined
): string | undefined {
	if (hasVariables(vars) || NOT_PLAIN_KEY.test(key)) return undefined;
	const path = key.split('.');
	for (const messages of sources) {
		const found = lookup(messages, path);
		if (found === undefined) continue;
		if (typeof found !== 'string' || found === '' || NOT_PLAIN.test(found)) return undefined;
		return found;
	}
	return key;
}
