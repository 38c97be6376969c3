import { json } from '@sveltejs/kit';
import { lockTarget, parseLockTarget, unlockTarget } from '#lib/server/run/locks.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Locks an area, a scale or (kind `template`, targetId = docId) the whole template. */
export const PUT = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(lockTarget(user, params.id, params.docId, parseLockTarget(params)));
});

/** Unlocks a part again. */
export const DELETE = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(unlockTarget(user, params.id, params.docId, parseLockTarget(params)));
});

export const fallback = methodNotAllowed;
