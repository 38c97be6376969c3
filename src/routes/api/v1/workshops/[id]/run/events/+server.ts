import { openRunEventStream } from '#lib/server/run/run-events.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** A Server-Sent Events stream that says when the workshop's run state changes (everyone in it). */
export const GET = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return openRunEventStream(user, locals.sessionToken, params.id);
});

export const fallback = methodNotAllowed;
