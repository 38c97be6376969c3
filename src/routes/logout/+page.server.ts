import { redirect } from '@sveltejs/kit';
import { revokeSession } from '#lib/server/sessions.ts';
import { clearSessionCookie } from '#lib/server/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => {
	redirect(303, '/');
}) satisfies PageServerLoad;

export const actions = {
	default: ({ locals, cookies, url }) => {
		if (locals.sessionToken) revokeSession(locals.sessionToken);
		clearSessionCookie(cookies, url);
		redirect(303, '/login');
	}
} satisfies Actions;
