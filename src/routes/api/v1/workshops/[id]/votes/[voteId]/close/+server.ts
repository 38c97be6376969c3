import { json } from '@sveltejs/kit';
import { closeVote } from '#lib/server/run/votes.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Closes a vote; everyone then sees the counts (facilitators only). */
export const POST = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(closeVote(user, params.id, params.voteId));
});

export const fallback = methodNotAllowed;
