import { json } from '@sveltejs/kit';
import { createRollout } from '#lib/server/rollouts/rollouts.ts';
import { publicOrigin } from '#lib/server/accounts/session-cookie.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Starts a Dag 3 session for the version (its workshop's facilitator). */
export const POST = apiRoute<RequestEvent>(({ locals, params, url }) => {
	const user = requireApiUser(locals);
	return json(createRollout(user, params.id, publicOrigin(url)), { status: 201 });
});

export const fallback = methodNotAllowed;
