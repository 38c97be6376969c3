import { json } from '@sveltejs/kit';
import { getRunView } from '#lib/server/run/run-mode.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The workshop's agenda, current item and time left (everyone in the workshop). */
export const GET = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(getRunView(user, params.id));
});

export const fallback = methodNotAllowed;
