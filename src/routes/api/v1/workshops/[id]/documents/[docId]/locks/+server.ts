import { json } from '@sveltejs/kit';
import { listLocks } from '#lib/server/run/locks.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The template document's locked parts, and whether the requester may change them. */
export const GET = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(listLocks(user, params.id, params.docId));
});

export const fallback = methodNotAllowed;
