import { json } from '@sveltejs/kit';
import { keepVote } from '#lib/server/run/vote-keep.ts';
import { keepVoteSchema } from '#lib/domain/vote-keep.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Keeps the chosen candidates of a closed vote in the template, in one step (facilitators only). */
export const POST = apiRoute<RequestEvent>(async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, keepVoteSchema);
	return json(await keepVote(user, params.id, params.voteId, input));
});

export const fallback = methodNotAllowed;
