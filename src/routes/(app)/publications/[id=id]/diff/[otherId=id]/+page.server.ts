import { diffPublications } from '#lib/server/publications/publications.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

/** The changes from version `id` to version `otherId` of the same workshop. */
export const load = (({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return { diff: loadOrError(() => diffPublications(user, params.id, params.otherId)) };
}) satisfies PageServerLoad;
