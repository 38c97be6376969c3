import { revokeCaseLink } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed, noContent } from '#lib/server/http/api.ts';
import { apiCaseContext } from '#lib/server/http/case-context.ts';
import type { RequestEvent } from './$types';

/** Revokes a rating or signing link. */
export const DELETE = apiRoute<RequestEvent>((event) => {
	revokeCaseLink(apiCaseContext(event), event.params.id);
	return noContent();
});

export const fallback = methodNotAllowed;
