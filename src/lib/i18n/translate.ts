/**
 * Message lookup through i18next. Danish is the default, English the second language. The
 * instances are created once per locale with their resources and never change afterwards, so
 * sharing them between requests leaks nothing.
 */
import i18next, { type i18n } from 'i18next';
import da from './messages/da.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import type { Locale } from '#lib/domain/schemas.ts';

export const LOCALES: readonly Locale[] = ['da', 'en'];
export const DEFAULT_LOCALE: Locale = 'da';
/** Cookie that remembers the language chosen by someone not logged in. */
export const LOCALE_COOKIE = 'formvaerk_locale';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

function createInstance(locale: Locale): i18n {
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		fallbackLng: DEFAULT_LOCALE,
		resources: { da: { translation: da }, en: { translation: en } },
		initAsync: false,
		interpolation: { escapeValue: false },
		returnNull: false
	});
	return instance;
}

const instances: Record<Locale, i18n> = { da: createInstance('da'), en: createInstance('en') };

/** A translate function for `locale`; unknown keys come back as the key itself. */
export function translator(locale: Locale): Translate {
	const instance = instances[locale] ?? instances[DEFAULT_LOCALE];
	return (key, vars) => instance.t(key, vars ?? {});
}

/**
 * The locale for someone not logged in: their earlier choice (cookie), else Danish. The browser's
 * Accept-Language is ignored on purpose: Danish is the default of a Danish public-sector tool even
 * on a laptop set up in English; English is something a person chooses.
 */
export function pickLocale(preferred: string | undefined | null): Locale {
	return preferred === 'en' ? 'en' : DEFAULT_LOCALE;
}
