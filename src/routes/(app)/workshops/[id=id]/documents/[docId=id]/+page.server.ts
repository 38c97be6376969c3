import { getDocumentForUser } from '#lib/server/documents.ts';
import { loadOrError, requireUser } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return { document: loadOrError(() => getDocumentForUser(user, params.id, params.docId)) };
}) satisfies PageServerLoad;
