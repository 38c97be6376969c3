import { json } from '@sveltejs/kit';
import { publishSchema } from '#lib/domain/publications/schemas.ts';
import { publishVersion } from '#lib/server/publications/publish.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import { publicationView } from '#lib/server/http/api-views.ts';
import type { RequestEvent } from './$types';

/** Publishes the workshop's template and drejebog as its next version (facilitators). */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, publishSchema);
	return json(publicationView(publishVersion(user, params.id, input)), { status: 201 });
});

export const fallback = methodNotAllowed;
