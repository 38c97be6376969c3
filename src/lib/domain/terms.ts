/**
 * Words to be said later, in the reader's language: a message key with its values, where a value
 * may itself be such words ("2 uger før start" inside "Tidspunktet er nu: …"). Pure code builds
 * terms (a diff, a description of a rule); whoever shows them says them with the reader's
 * translate function, so the same term reads in Danish on a page and in English in the API.
 */

/** A message key with its values. */
export type Term = { key: string; params?: Record<string, TermValue> };
/** A value in a term: said as it is (a label someone wrote, a number), or a term of its own. */
export type TermValue = string | number | Term;

/** A translate function (i18next's `t`). */
export type Say = (key: string, vars?: Record<string, string | number>) => string;

/** A term with `key` and `params`. */
export function term(key: string, params?: Record<string, TermValue>): Term {
	return params ? { key, params } : { key };
}

/** The words of `value` said with `t`. */
export function sayTerm(t: Say, value: TermValue): string {
	if (typeof value !== 'object') return String(value);
	const vars: Record<string, string | number> = {};
	for (const [name, inner] of Object.entries(value.params ?? {})) {
		vars[name] = typeof inner === 'object' ? sayTerm(t, inner) : inner;
	}
	return t(value.key, vars);
}
