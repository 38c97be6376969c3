import { json } from '@sveltejs/kit';
import { getRolloutView } from '#lib/server/rollouts/rollout-view.ts';
import { publicOrigin } from '#lib/server/accounts/session-cookie.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The walkthrough for a participant; with code, link and dashboard for the facilitator. */
export const GET = apiRoute<RequestEvent>(({ locals, params, url }) => {
	const user = requireApiUser(locals);
	return json(getRolloutView(user, params.id, publicOrigin(url)), {
		headers: { 'cache-control': 'no-store' }
	});
});

export const fallback = methodNotAllowed;
