import { positionSchema } from '#lib/domain/rollout/schemas.ts';
import { movePresenter } from '#lib/server/rollouts/rollouts.ts';
import {
	apiRoute,
	methodNotAllowed,
	noContent,
	readJson,
	requireApiUser
} from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Moves the presenter (the facilitator); followers are told at once. */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, positionSchema);
	movePresenter(user, params.id, input.stepId);
	return noContent();
});

export const fallback = methodNotAllowed;
