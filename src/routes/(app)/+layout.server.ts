import { requireUser } from '#lib/server/guards.ts';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals, url }) => {
	requireUser(locals, url);
	return {};
}) satisfies LayoutServerLoad;
