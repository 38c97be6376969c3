/**
 * Message lookup for the server (and tests): both languages, registered when this module loads.
 * Danish is the default, English the second language. Pages use `locales.ts` through `t()`, which
 * loads English only for those who chose it.
 */
import en from './messages/en.json' with { type: 'json' };
import { DEFAULT_LOCALE, registerMessages } from './locales.ts';
import type { Locale } from '#lib/domain/schemas.ts';

export { DEFAULT_LOCALE, LOCALES, translator, type Translate } from './locales.ts';

/** Cookie that remembers the language chosen by someone not logged in. */
export const LOCALE_COOKIE = 'formvaerk_locale';

registerMessages('en', en);

/**
 * The locale for someone not logged in: their earlier choice (cookie), else Danish. The browser's
 * Accept-Language is ignored on purpose: Danish is the default of a Danish public-sector tool even
 * on a laptop set up in English; English is something a person chooses.
 */
export function pickLocale(preferred: string | undefined | null): Locale {
	return preferred === 'en' ? 'en' : DEFAULT_LOCALE;
}
