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

/**
 * Lookups already made, per messages object: a key is asked for again and again with other
 * variables (a count, a number), and the messages never change. Cleared when full, like the
 * translations in `locales.ts`.
 */
const lookups = new WeakMap<object, Map<string, Node>>();
const MAX_KEYS = 5000;

function lookup(messages: object, key: string): Node {
	let known = lookups.get(messages);
	if (!known) lookups.set(messages, (known = new Map<string, Node>()));
	if (known.has(key)) return known.get(key);
	let node: Node = messages as Node;
	for (const part of key.split('.')) {
		if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) {
			node = undefined;
			break;
		}
		node = node[part] as Node;
	}
	if (known.size >= MAX_KEYS) known.clear();
	known.set(key, node);
	return node;
}

/** How many variables `vars` gives: its own enumerable properties, the ones i18next copies. */
function variableCount(vars: Vars | undefined): number {
	return vars ? Object.keys(vars).length : 0;
}

/** A message cut at its placeholders: `texts` around `names`; `distinct` names but `count`. */
interface Parsed {
	readonly texts: readonly string[];
	readonly names: readonly string[];
	readonly distinct: number;
}
/** Messages parsed, or `null` for one this module does not fill (bounded: the messages' own texts). */
const parsed = new Map<string, Parsed | null>();

function parse(message: string): Parsed | null {
	const texts: string[] = [];
	const names: string[] = [];
	let last = 0;
	for (const match of message.matchAll(PLACEHOLDER)) {
		const name = match[1];
		const before = message.slice(last, match.index);
		if (before.includes('{') || (OPTION_NAMES.has(name) && name !== 'count')) return null;
		texts.push(before);
		names.push(name);
		last = match.index + match[0].length;
	}
	texts.push(message.slice(last));
	if (texts.at(-1)!.includes('{')) return null;
	return { texts, names, distinct: new Set(names.filter((n) => n !== 'count')).size };
}

/**
 * `message` with its placeholders filled from `vars`, or `undefined` unless every '{' of it is in
 * a bare `{{name}}`, every placeholder has its variable (a string or a number), and every variable
 * but `count` is a placeholder's (`given` of them) whose name is not one of i18next's options.
 */
function fill(message: string, vars: Vars | undefined, given: number): string | undefined {
	if (!message.includes('{')) return given === 0 ? message : undefined;
	let parts = parsed.get(message);
	if (parts === undefined) parsed.set(message, (parts = parse(message)));
	if (!parts || parts.distinct !== given) return undefined;
	let text = parts.texts[0];
	for (let i = 0; i < parts.names.length; i++) {
		const value = vars && Object.hasOwn(vars, parts.names[i]) ? vars[parts.names[i]] : undefined;
		if (typeof value !== 'string' && typeof value !== 'number') return undefined;
		text += String(value) + parts.texts[i + 1];
	}
	return text;
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
	for (const [language, messages] of sources) {
		const found =
			count === undefined ? lookup(messages, key) : plural(language, messages, key, count);
		if (found === undefined) continue;
		if (typeof found !== 'string' || found === '' || found.includes(NESTING)) return undefined;
		const text = fill(found, vars, given);
		return text === undefined || text.includes(NESTING) ? undefined : text;
	}
	return given === 0 && count === undefined ? key : undefined;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural form of `key` for `count` in `language`, as i18next picks it (see above). */
function plural(language: string, messages: object, key: string, count: number): Node {
	let rules = pluralRules.get(language);
	if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
	const valid = (node: Node) => node !== undefined && node !== '';
	const zero = count === 0 ? lookup(messages, `${key}_zero`) : undefined;
	if (valid(zero)) return zero;
	const form = lookup(messages, `${key}_${rules.select(count)}`);
	return valid(form) ? form : lookup(messages, key);
}
