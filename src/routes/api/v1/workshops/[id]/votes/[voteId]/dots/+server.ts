import { json } from '@sveltejs/kit';
import { castDotsSchema } from '#lib/domain/votes.ts';
import { castDots } from '#lib/server/run/votes.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Sets how many of the requester's own dots one candidate gets. */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, castDotsSchema);
	return json(castDots(user, params.id, params.voteId, input));
});

export const fallback = methodNotAllowed;
