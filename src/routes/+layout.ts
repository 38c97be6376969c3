import { loadLocale } from '#lib/i18n/locales.ts';
import type { LayoutLoad } from './$types';

/** The page's language is loaded before anything renders (English only for those who chose it). */
export const load = (async ({ data }) => {
	await loadLocale(data.locale);
	return data;
}) satisfies LayoutLoad;
