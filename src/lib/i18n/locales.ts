/**
 * The translators pages use, one per locale, each over its messages, which never change once
 * registered (so sharing them between requests leaks nothing). Danish, the default and the
 * fallback, is always there. English is registered by `translate.ts` on the server and loaded on
 * demand in the browser (`loadLocale`, awaited by the root layout's load), so the pages of the many
 * who read Danish do not download the English messages (about 16 KiB brotli).
 *
 * Most texts are a plain message read without variables; `plain-message.ts` reads those straight
 * from the messages, and only the rest (interpolation, plurals, …) goes through i18next, whose
 * instance is created on the first such text: i18next's `init` and `t` cost 36-49 ms before the
 * template page hydrated on a slow laptop, and 20-22 ms more in its first frame.
 */
import i18next, { type i18n } from 'i18next';
import da from './messages/da.json' with { type: 'json' };
import { plainMessage } from './plain-message.ts';
import type { Locale } from '#lib/domain/schemas.ts';

export const LOCALES: readonly Locale[] = ['da', 'en'];
export const DEFAULT_LOCALE: Locale = 'da';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;
type Messages = typeof da;

/** One locale's messages and, once a text needed it, its i18next instance. */
interface LocaleTexts {
	readonly locale: Locale;
	readonly messages: Messages;
	instance?: i18n;
	/**
	 * Translations already made: the messages never change, so the same key and variables always
	 * give the same text. Cleared when full, so texts typed into variables (statement names)
	 * cannot grow it without bound.
	 */
	readonly done: Map<string, string>;
}
const MAX_DONE = 5000;

function i18nextFor(texts: LocaleTexts): i18n {
	if (texts.instance) return texts.instance;
	const instance = i18next.createInstance();
	void instance.init({
		lng: texts.locale,
		fallbackLng: DEFAULT_LOCALE,
		resources: { da: { translation: da }, [texts.locale]: { translation: texts.messages } },
		initAsync: false,
		interpolation: { escapeValue: false },
		returnNull: false
	});
	return (texts.instance = instance);
}

function localeTexts(locale: Locale, messages: Messages): LocaleTexts {
	return { locale, messages, done: new Map() };
}

const locales = new Map<Locale, LocaleTexts>([[DEFAULT_LOCALE, localeTexts(DEFAULT_LOCALE, da)]]);

/** Makes `locale`'s messages available to `translator` (once; later calls change nothing). */
export function registerMessages(locale: Locale, messages: Messages): void {
	if (!locales.has(locale)) locales.set(locale, localeTexts(locale, messages));
}

/** Loads `locale`'s messages if they are not there yet (English, in the browser). */
export async function loadLocale(locale: Locale): Promise<void> {
	if (locales.has(locale) || locale !== 'en') return;
	const { default: en } = await import('./messages/en.json');
	registerMessages('en', en);
}

function cacheKey(key: string, vars: Record<string, string | number> | undefined): string {
	if (!vars) return key;
	let id = key;
	for (const name in vars) id += `\u0000${name}\u0000${typeof vars[name]}${vars[name]}`;
	return id;
}

/**
 * A translate function for `locale`; unknown keys come back as the key itself, and a locale whose
 * messages are not loaded yet reads Danish. The server and the browser take the same path, so
 * they render the same text.
 */
export function translator(locale: Locale): Translate {
	const texts = locales.get(locale) ?? locales.get(DEFAULT_LOCALE)!;
	const sources: [Locale, object][] = [[texts.locale, texts.messages]];
	if (texts.locale !== DEFAULT_LOCALE) sources.push([DEFAULT_LOCALE, da]);
	const cache = texts.done;
	return (key, vars) => {
		const id = cacheKey(key, vars);
		let text = cache.get(id);
		if (text === undefined) {
			if (cache.size >= MAX_DONE) cache.clear();
			text = plainMessage(sources, key, vars) ?? i18nextFor(texts).t(key, vars ?? {});
			cache.set(id, text);
		}
		return text;
	};
}
