import { json } from '@sveltejs/kit';
import { openVoteSchema } from '#lib/domain/votes.ts';
import { listVotes, openVote } from '#lib/server/run/votes.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The workshop's dot votes, newest first; counts of open votes only for the facilitator. */
export const GET = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(listVotes(user, params.id));
});

/** Opens a dot vote (facilitators only). */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, openVoteSchema);
	return json(openVote(user, params.id, input), { status: 201 });
});

export const fallback = methodNotAllowed;
