import { json } from '@sveltejs/kit';
import { diffPublications } from '#lib/server/publications/publications.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import { publicationDiffView } from '#lib/server/http/api-views.ts';
import { translator } from '#lib/i18n/translate.ts';
import type { RequestEvent } from './$types';

/** What changed from version `id` to version `otherId` of the same workshop. */
export const GET = apiRoute<RequestEvent>(({ locals, params }) => {
	const diff = diffPublications(requireApiUser(locals), params.id, params.otherId);
	return json(publicationDiffView(diff, translator(locals.locale)));
});

export const fallback = methodNotAllowed;
