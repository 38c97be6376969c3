import { json } from '@sveltejs/kit';
import { setFollowSchema } from '#lib/domain/follow.ts';
import { clearFollowTarget, setFollowTarget } from '#lib/server/run/run-follow.ts';
import {
	apiRoute,
	methodNotAllowed,
	noContent,
	readJson,
	requireApiUser
} from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Points everyone's template view at an element or section (facilitators only). */
export const PUT = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, setFollowSchema);
	return json(setFollowTarget(user, params.id, input));
});

/** Stops leading (facilitators only). */
export const DELETE = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	clearFollowTarget(user, params.id);
	return noContent();
});

export const fallback = methodNotAllowed;
