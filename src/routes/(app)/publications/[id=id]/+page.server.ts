import { getPublication, listSiblingVersions } from '#lib/server/publications/publications.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

/** One version, read-only, with the workshop's other versions to compare it with. */
export const load = (({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const { summary, content } = loadOrError(() => getPublication(user, params.id));
	return { version: summary, content, siblings: listSiblingVersions(user, summary) };
}) satisfies PageServerLoad;
