import { json } from '@sveltejs/kit';
import { collectFeedback } from '#lib/server/rollouts/rollout-next-version.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Takes the session's questions and suggestions into the list for the next version. */
export const POST = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json({ collected: collectFeedback(user, params.id) });
});

export const fallback = methodNotAllowed;
