import { redirect } from '@sveltejs/kit';
import { localeSchema } from '#lib/domain/schemas.ts';
import { setLocale } from '#lib/server/accounts/accounts.ts';
import { LOCALE_COOKIE } from '#lib/i18n/translate.ts';
import { formValues } from '#lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => {
	redirect(303, '/');
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, cookies }) => {
		const parsed = localeSchema.safeParse((await formValues(request)).locale);
		const locale = parsed.success ? parsed.data : 'da';
		if (locals.user) setLocale(locals.user.id, locale);
		cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			secure: false,
			maxAge: 365 * 24 * 3600
		});
		const back = request.headers.get('referer');
		redirect(303, back ? new URL(back).pathname : '/');
	}
} satisfies Actions;
