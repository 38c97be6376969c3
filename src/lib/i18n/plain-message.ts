/**
 * The common cases of a translation, read without i18next: a key whose message is a plain string,
 * asked for without variables or with exactly the variables its `{{name}}` placeholders name. The
 * text is the one i18next gives (the tests compare every key, with and without variables);
 * everything this module cannot answer exactly it leaves to i18next by returning `undefined`.
 *
 * What i18next does for such a key (configured as in `locales.ts`, i18next 27): a numeric `count`
 * looks up, in each language, `key_zero` (count 0), then `key` + the suffix `Intl.PluralRules` of
 * that language selects (`_one`, `_other`), then `key`; without `context` no context suffix; the key
 * is a path split at the key separator '.' (no message key holds a '.' itself, which i18next would
 * also try; a test checks); a ':' would name a namespace; the first language in which the path
 * leads to a valid message wins (the locale, then Danish), where '' is not valid
 * (`returnEmptyString` is false) and an object is not a text (`returnObjects` is false); a key
 * found nowhere comes back as the key itself. Then each `{{name}}` is replaced by its variable
 * (`String(value)`, not escaped: `escapeValue` is false; an inserted value is not scanned again),
 * and `$t(…)` in the result is translated in turn (nesting), which is left to i18next.
 */

type Node = string | number | boolean | null | { readonly [key: string]: unknown } | undefined;
type Vars = Readonly<Record<string, unknown>>;

/** Marks a key i18next must handle: interpolation, nesting, or a namespace before a ':'. */
const NOT_PLAIN_KEY = /\{\{|\$t\(|:/;
/** Nesting, which i18next applies to the interpolated text. */
const NESTING = '$t(';
/** A placeholder this module fills itself: a bare name, no format (`{{n, number}}`), no `-`. */
const PLACEHOLDER = /\{\{(\w+)\}\}/g;
/**
 * Names i18next reads from `t()`'s options, which are also its variables: a variable by one of
 * these names changes more than its placeholder (`count` picks a plural form), so i18next gets it.
 */
const OPTION_NAMES = new Set(
	(
		'appendNamespaceToCIMode appendNamespaceToMissingKey applyPostProcessor context count ' +
		'defaultValue formatParams ignoreJSONStructure interpolation interpolationkey joinArrays ' +
		'keyPrefix keySeparator lng lngs missingInterpolationHandler missingKeyNoValueFallbackToKey ' +
		'nest ns nsSeparator ordinal postProcess replace returnDetails returnObjects skipInterpolation'
	).split(' ')
);

function lookup(messages: object, path: readonly string[]): Node {
	let node: Node = messages as Node;
	for (const part of path) {
		if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
		node = node[part] as Node;
	}
	return node;
}

/** How many variables `vars` gives: its own enumerable properties, the ones i18next copies. */
function variableCount(vars: Vars | undefined): number {
	return vars ? Object.keys(vars).length : 0;
}

/**
 * `message` with its placeholders filled from `vars`, or `undefined` unless every '{' of it is in
 * a bare `{{name}}`, every placeholder has its variable (a string or a number), and every variable
 * but `count` is a placeholder's (`given` of them) whose name is not one of i18next's options.
 */
function fill(message: string, vars: Vars | undefined, given: number): string | undefined {
	if (!message.includes('{')) return given === 0 ? message : undefined;
	const used = new Set<string>();
	let text = '';
	let last = 0;
	for (const match of message.matchAll(PLACEHOLDER)) {
		const name = match[1];
		if (message.slice(last, match.index).includes('{')) return undefined;
		if (!vars || !Object.hasOwn(vars, name)) return undefined;
		if (OPTION_NAMES.has(name) && name !== 'count') return undefined;
		const value = vars[name];
		if (typeof value !== 'string' && typeof value !== 'number') return undefined;
		text += message.slice(last, match.index) + String(value);
		last = match.index + match[0].length;
		if (name !== 'count') used.add(name);
	}
	const rest = message.slice(last);
	return rest.includes('{') || used.size !== given ? undefined : text + rest;
}

/**
 * The text of `key` read straight from `sources` (the locale's messages, then its fallbacks, each
 * with its language), or `undefined` when i18next has to translate it.
 */
export function plainMessage(
	sources: readonly (readonly [language: string, messages: object])[],
	key: string,
	vars: Vars | undefined
): string | undefined {
	if (NOT_PLAIN_KEY.test(key)) return undefined;
	const count = vars && Object.hasOwn(vars, 'count') ? vars.count : undefined;
	if (count !== undefined && typeof count !== 'number') return undefined;
	// `count` picks the message; its placeholder is filled like any other, but it need not have one.
	const given = variableCount(vars) - (count === undefined ? 0 : 1);
	const path = key.split('.');
	for (const [language, messages] of sources) {
		const found =
			count === undefined ? lookup(messages, path) : plural(language, messages, path, count);
		if (found === undefined) continue;
		if (typeof found !== 'string' || found === '' || found.includes(NESTING)) return undefined;
		const text = fill(found, vars, given);
		return text === undefined || text.includes(NESTING) ? undefined : text;
	}
	return given === 0 && count === undefined ? key : undefined;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural form of `path` for `count` in `language`, as i18next picks it (see above). */
function plural(language: string, messages: object, path: string[], count: number): Node {
	let rules = pluralRules.get(language);
	if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
	const last = path.length - 1;
	const form = (suffix: string) => lookup(messages, [...path.slice(0, last), path[last] + suffix]);
	const candidates = count === 0 ? [form('_zero')] : [];
	candidates.push(form(`_${rules.select(count)}`), lookup(messages, path));
	return candidates.find((found) => found !== undefined && found !== '');
}
