/**
 * `t()` for components: translates with the locale of the current page (set by the root layout
 * load from the user's setting or cookie), so a component never passes the locale around.
 */
import { page } from '$app/state';
import { translator, DEFAULT_LOCALE } from './locales.ts';
import type { Locale } from '#lib/domain/schemas.ts';

/** Translates `key` in the current page's locale. */
export function t(key: string, vars?: Record<string, string | number>): string {
	const locale = (page.data as { locale?: Locale }).locale ?? DEFAULT_LOCALE;
	return translator(locale)(key, vars);
}

/**
 * Formats a timestamp as a date in the current page's locale ("3. marts 2026"). The time zone is
 * fixed to Denmark's so the server-rendered and the hydrated text agree.
 */
export function formatDate(ms: number): string {
	const locale = (page.data as { locale?: Locale }).locale ?? DEFAULT_LOCALE;
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
		dateStyle: 'long',
		timeZone: 'Europe/Copenhagen'
	}).format(ms);
}
