import { getDocumentForUser } from '#lib/server/documents/documents.ts';
import { commentRights } from '#lib/server/run/comments.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const document = loadOrError(() => getDocumentForUser(user, params.id, params.docId));
	// Comments belong to the template; the drejebog has none.
	const comments = document.kind === 'template' ? commentRights(user, params.id) : null;
	return { document, commentRights: comments };
}) satisfies PageServerLoad;
