import { requireUser } from '#lib/server/http/guards.ts';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals, url }) => {
	requireUser(locals, url);
	return {};
}) satisfies LayoutServerLoad;
