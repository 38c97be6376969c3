import { json } from '@sveltejs/kit';
import { openCaseLink } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** What the holder of a rating or signing link rates or signs (no account; throttled). */
export const GET = apiRoute<RequestEvent>(({ params, locals, getClientAddress }) =>
	json(openCaseLink({ requestId: locals.requestId, address: getClientAddress() }, params.token))
);

export const fallback = methodNotAllowed;
