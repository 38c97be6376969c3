import { json } from '@sveltejs/kit';
import { getCase } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed } from '#lib/server/http/api.ts';
import { apiCaseContext } from '#lib/server/http/case-context.ts';
import type { RequestEvent } from './$types';

/** One case (its staff and the municipality's administrators). */
export const GET = apiRoute<RequestEvent>((event) =>
	json(getCase(apiCaseContext(event), event.params.id))
);

export const fallback = methodNotAllowed;
