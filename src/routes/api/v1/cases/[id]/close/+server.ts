import { closeCase } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed, noContent } from '#lib/server/http/api.ts';
import { apiCaseContext } from '#lib/server/http/case-context.ts';
import type { RequestEvent } from './$types';

/** Closes the case; its links stop working. */
export const POST = apiRoute<RequestEvent>((event) => {
	closeCase(apiCaseContext(event), event.params.id);
	return noContent();
});

export const fallback = methodNotAllowed;
