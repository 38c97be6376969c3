import { json } from '@sveltejs/kit';
import { ackStep } from '#lib/server/rollouts/rollout-progress.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** "Forstået" on a step. */
export const POST = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(ackStep(user, params.id, params.stepId));
});

export const fallback = methodNotAllowed;
