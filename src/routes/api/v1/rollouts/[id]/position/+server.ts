import { positionSchema } from '#lib/domain/rollout/schemas.ts';
import { setPosition } from '#lib/server/rollouts/rollout-progress.ts';
import {
	apiRoute,
	methodNotAllowed,
	noContent,
	readJson,
	requireApiUser
} from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Where the participant is now. */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, positionSchema);
	setPosition(user, params.id, input.stepId);
	return noContent();
});

export const fallback = methodNotAllowed;
