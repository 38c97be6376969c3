import { openRolloutEventStream } from '#lib/server/rollouts/rollout-events.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The session's Server-Sent Events: the presenter's step, and what changed. */
export const GET = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return openRolloutEventStream(user, locals.sessionToken, params.id);
});

export const fallback = methodNotAllowed;
