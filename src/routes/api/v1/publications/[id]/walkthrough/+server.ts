import { json } from '@sveltejs/kit';
import { startSelfPaced } from '#lib/server/rollouts/rollouts.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Takes the walkthrough of a version in operation alone. */
export const POST = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(startSelfPaced(user, params.id));
});

export const fallback = methodNotAllowed;
