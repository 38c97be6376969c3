import { json } from '@sveltejs/kit';
import { createRateLinkSchema } from '#lib/domain/cases/schemas.ts';
import { caseLinkUrl } from '#lib/domain/cases/types.ts';
import { createCaseLink } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import { apiCaseContext } from '#lib/server/http/case-context.ts';
import type { RequestEvent } from './$types';

/** Creates a single-use rating link for a rater at a measuring point. */
export const POST = apiRoute<RequestEvent>(async (event) => {
	requireApiUser(event.locals);
	const input = await readJson(event.request, createRateLinkSchema);
	const link = createCaseLink(apiCaseContext(event), event.params.id, input);
	return json(
		{ id: link.id, url: caseLinkUrl(event.url.origin, link.token), expiresAt: link.expiresAt },
		{ status: 201 }
	);
});

export const fallback = methodNotAllowed;
