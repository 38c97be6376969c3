/**
 * The one rule for free text people type (titles, names, labels, comments): which characters it
 * may hold and when it counts as empty. Every text schema in lib/domain is built here, so forms,
 * the JSON API, the command-line tool and the template's collaborative operations all refuse the
 * same things.
 *
 * Refused: control characters (NUL, ESC, DEL, the C1 range…; a multi-line field keeps tab and
 * line breaks), the bidi embedding/override/isolate characters U+202A–202E and U+2066–2069 (they
 * can make a title read differently from what it says, "Trojan Source"), and in a single-line
 * field the Unicode line and paragraph separators. Text made only of whitespace and invisible
 * characters (zero-width space, joiners, soft hyphen, BOM…) counts as empty.
 */
import { z } from 'zod';

/** C0 controls, DEL and C1 controls. */
const CONTROL = '\\u0000-\\u001F\\u007F-\\u009F';
/** LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. */
const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';
const LINE_SEPARATORS = '\\u2028\\u2029';

const FORBIDDEN_SINGLE_LINE = new RegExp(`[${CONTROL}${BIDI_CONTROLS}${LINE_SEPARATORS}]`);
/** Everything a single-line field refuses except tab, line feed and carriage return. */
const FORBIDDEN_MULTI_LINE = new RegExp(
	`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${BIDI_CONTROLS}]`
);
/** Whitespace and the characters Unicode says render as nothing (zero-width, joiners, BOM…). */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/gu;

/** True when `text` holds a character a field refuses (see the module comment). */
export function hasForbiddenCharacters(text: string, isMultiLine = false): boolean {
	return (isMultiLine ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE).test(text);
}

/** True when `text` has nothing visible: only whitespace and invisible characters, or nothing. */
export function isBlankText(text: string): boolean {
	return text.replace(INVISIBLE, '') === '';
}

/** Message keys of a text schema; each family of forms words its errors in its own namespace. */
export type TextMessages = { required: string; tooLong: string; invalidCharacters: string };

/** The general form keys (messages under `field.*`). */
export const FIELD_TEXT_MESSAGES: TextMessages = {
	required: 'field.required',
	tooLong: 'field.tooLong',
	invalidCharacters: 'field.invalidCharacters'
};

export type TextOptions = {
	/** Keeps tab and line breaks (comments); a single-line field refuses them. */
	isMultiLine?: boolean;
	/** Accepts text that is empty after trimming (an optional free text); default false. */
	mayBeEmpty?: boolean;
	messages?: TextMessages;
};

/**
 * A trimmed text of at most `max` characters without forbidden characters, and, unless
 * `mayBeEmpty`, with something visible in it. The rules are refinements, so the schema stays a
 * `ZodString` (`.optional()` and friends work) and the OpenAPI document keeps `maxLength`.
 */
export function textSchema(max: number, options: TextOptions = {}) {
	const messages = options.messages ?? FIELD_TEXT_MESSAGES;
	const isMultiLine = options.isMultiLine ?? false;
	let schema = z.string({ error: messages.required }).trim();
	if (!options.mayBeEmpty) schema = schema.min(1, { error: messages.required });
	return schema
		.max(max, { error: messages.tooLong })
		.refine((text) => !hasForbiddenCharacters(text, isMultiLine), {
			error: messages.invalidCharacters
		})
		.refine((text) => options.mayBeEmpty || text === '' || !isBlankText(text), {
			error: messages.required
		});
}

/**
 * A label as it reads inside a sentence: "Udvikling i faglige kompetencer", "Niveau ved slut",
 * not "Udvikling i Faglige kompetencer" (no capitals mid-sentence). A label that starts with an
 * abbreviation ("IT-kompetencer", "UU-vejleder") keeps its capitals.
 */
export function inSentence(label: string): string {
	const trimmed = label.trim();
	const isAbbreviation = /^\p{Lu}\p{Ll}*\p{Lu}/u.test(trimmed);
	return isAbbreviation ? trimmed : trimmed.charAt(0).toLocaleLowerCase('da') + trimmed.slice(1);
}
