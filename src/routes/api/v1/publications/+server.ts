import { json } from '@sveltejs/kit';
import { idSchema } from '#lib/domain/schemas.ts';
import { listPublications } from '#lib/server/publications/publications.ts';
import { ApiFailure, apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import { publicationView } from '#lib/server/http/api-views.ts';
import type { RequestEvent } from './$types';

/** The published versions of the organisation's workshops (everyone in the organisation). */
export const GET = apiRoute<RequestEvent>(({ locals, url }) => {
	const user = requireApiUser(locals);
	const organisation = url.searchParams.get('organisation');
	if (organisation === null || !idSchema.safeParse(organisation).success) {
		const key = organisation === null ? 'field.required' : 'api.fieldInvalid';
		throw new ApiFailure(400, 'invalid', 'api.error.invalid', { fields: { organisation: key } });
	}
	return json(listPublications(user, organisation).map(publicationView));
});

export const fallback = methodNotAllowed;
