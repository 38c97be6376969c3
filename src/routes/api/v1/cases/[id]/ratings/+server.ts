import { ratingInputSchema } from '#lib/domain/cases/schemas.ts';
import { recordRating } from '#lib/server/cases/index.ts';
import {
	apiRoute,
	methodNotAllowed,
	noContent,
	readJson,
	requireApiUser
} from '#lib/server/http/api.ts';
import { apiCaseContext } from '#lib/server/http/case-context.ts';
import type { RequestEvent } from './$types';

/** Records one rating as the case's plan allows. */
export const POST = apiRoute<RequestEvent>(async (event) => {
	requireApiUser(event.locals);
	const input = await readJson(event.request, ratingInputSchema);
	recordRating(apiCaseContext(event), event.params.id, input);
	return noContent();
});

export const fallback = methodNotAllowed;
