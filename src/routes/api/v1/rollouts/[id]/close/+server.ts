import { json } from '@sveltejs/kit';
import { closeRollout } from '#lib/server/rollouts/rollouts.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Closes the session: the version goes into operation and the workshop to Drift. */
export const POST = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(closeRollout(user, params.id));
});

export const fallback = methodNotAllowed;
