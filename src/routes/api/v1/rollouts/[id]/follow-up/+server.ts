import { followUpSchema } from '#lib/domain/rollout/schemas.ts';
import { setFollowUpDate } from '#lib/server/rollouts/rollouts.ts';
import {
	apiRoute,
	methodNotAllowed,
	noContent,
	readJson,
	requireApiUser
} from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The follow-up learning meeting's date. */
export const PUT = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, followUpSchema);
	setFollowUpDate(user, params.id, input.date);
	return noContent();
});

export const fallback = methodNotAllowed;
