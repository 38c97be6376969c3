import { json } from '@sveltejs/kit';
import { joinRolloutSchema } from '#lib/domain/rollout/schemas.ts';
import { joinRollout } from '#lib/server/rollouts/rollouts.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Joins an open session by its code (throttled against guessing). */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, getClientAddress }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, joinRolloutSchema);
	return json(joinRollout(user, input.code, getClientAddress()));
});

export const fallback = methodNotAllowed;
