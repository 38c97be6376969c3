/**
 * The translators pages use, one i18next instance per locale, created once with its messages and
 * never changed afterwards (so sharing them between requests leaks nothing). Danish, the default
 * and the fallback, is always there. English is registered by `translate.ts` on the server and
 * loaded on demand in the browser (`loadLocale`, awaited by the root layout's load), so the pages
 * of the many who read Danish do not download the English messages (about 16 KiB brotli).
 */
import i18next, { type i18n } from 'i18next';
import da from './messages/da.json' with { type: 'json' };
import type { Locale } from '#lib/domain/schemas.ts';

export const LOCALES: readonly Locale[] = ['da', 'en'];
export const DEFAULT_LOCALE: Locale = 'da';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;
type Messages = typeof da;

function createInstance(locale: Locale, messages: Messages): i18n {
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		fallbackLng: DEFAULT_LOCALE,
		resources: { da: { translation: da }, [locale]: { translation: messages } },
		initAsync: false,
		interpolation: { escapeValue: false },
		returnNull: false
	});
	return instance;
}

const instances = new Map<Locale, i18n>([[DEFAULT_LOCALE, createInstance(DEFAULT_LOCALE, da)]]);

/** Makes `locale`'s messages available to `translator` (once; later calls change nothing). */
export function registerMessages(locale: Locale, messages: Messages): void {
	if (!instances.has(locale)) instances.set(locale, createInstance(locale, messages));
}

/** Loads `locale`'s messages if they are not there yet (English, in the browser). */
export async function loadLocale(locale: Locale): Promise<void> {
	if (instances.has(locale) || locale !== 'en') return;
	const { default: en } = await import('./messages/en.json');
	registerMessages('en', en);
}

/**
 * Translations already made, per instance: i18next took about a quarter of the template editor's
 * first render on a slow laptop (hundreds of labels, most without variables), and an instance
 * never changes, so the same key and variables always give the same text. Cleared when full, so
 * texts typed into variables (statement names) cannot grow it without bound.
 */
const done = new Map<i18n, Map<string, string>>();
const MAX_DONE = 5000;

function cacheKey(key: string, vars: Record<string, string | number> | undefined): string {
	if (!vars) return key;
	let id = key;
	for (const name in vars) id += `\u0000${name}\u0000${typeof vars[name]}${vars[name]}`;
	return id;
}

/**
 * A translate function for `locale`; unknown keys come back as the key itself, and a locale whose
 * messages are not loaded yet reads Danish.
 */
export function translator(locale: Locale): Translate {
	const instance = instances.get(locale) ?? instances.get(DEFAULT_LOCALE)!;
	let cache = done.get(instance);
	if (!cache) done.set(instance, (cache = new Map<string, string>()));
	const texts = cache;
	return (key, vars) => {
		const id = cacheKey(key, vars);
		let text = texts.get(id);
		if (text === undefined) {
			if (texts.size >= MAX_DONE) texts.clear();
			text = instance.t(key, vars ?? {});
			texts.set(id, text);
		}
		return text;
	};
}
