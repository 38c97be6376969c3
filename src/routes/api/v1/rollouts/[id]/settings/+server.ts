import { settingsSchema } from '#lib/domain/rollout/schemas.ts';
import { updateSettings } from '#lib/server/rollouts/rollouts.ts';
import {
	apiRoute,
	methodNotAllowed,
	noContent,
	readJson,
	requireApiUser
} from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The facilitator's slides and learning-goal kinds. */
export const PUT = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, settingsSchema);
	updateSettings(user, params.id, input);
	return noContent();
});

export const fallback = methodNotAllowed;
