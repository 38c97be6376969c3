/**
 * `t()` for components: translates with the locale of the current page (set by the root layout
 * load from the user's setting or cookie), so a component never passes the locale around.
 */
import { browser } from '$app/environment';
import { page } from '$app/state';
import { translator, DEFAULT_LOCALE } from './locales.ts';
import type { Locale } from '#lib/domain/schemas.ts';

function pageLocale(): Locale {
	return (page.data as { locale?: Locale }).locale ?? DEFAULT_LOCALE;
}

/**
 * The page's locale in the browser, read from `page.data` in this one place: a derived value tells
 * its readers of a change only when the locale itself changes, so the hundreds of texts on a page
 * no longer re-run whenever the page's data is reloaded (a form's invalidate, a phase change);
 * each depended on `page.data` as a whole before.
 */
const browserLocale: Locale = $derived(pageLocale());

/**
 * The current locale. The server reads the request's own `page` on every call and never the
 * module-level derived: the module is shared by all requests, and a derived memoized during one
 * render would hand its locale to another.
 */
function currentLocale(): Locale {
	return browser ? browserLocale : pageLocale();
}

/** Translates `key` in the current page's locale. */
export function t(key: string, vars?: Record<string, string | number>): string {
	return translator(currentLocale())(key, vars);
}

/**
 * Formats a timestamp as a date in the current page's locale ("3. marts 2026"). The time zone is
 * fixed to Denmark's so the server-rendered and the hydrated text agree.
 */
export function formatDate(ms: number): string {
	return new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'da-DK', {
		dateStyle: 'long',
		timeZone: 'Europe/Copenhagen'
	}).format(ms);
}
