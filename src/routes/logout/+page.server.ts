import { redirect } from '@sveltejs/kit';
import { endBrowserSession } from '#lib/server/accounts/logout.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => {
	redirect(303, '/');
}) satisfies PageServerLoad;

export const actions = {
	default: (event) => {
		endBrowserSession(event);
		redirect(303, '/login');
	}
} satisfies Actions;
