import { publicationPrintDocument } from '#lib/server/exports/publication-files.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

/** A version as its print view: the same document as its PDF and Word file. */
export const load = (({ locals, url, params }) => {
	const user = requireUser(locals, url);
	return { id: params.id, document: loadOrError(() => publicationPrintDocument(user, params.id)) };
}) satisfies PageServerLoad;
