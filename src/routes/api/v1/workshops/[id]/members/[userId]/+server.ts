import { removeWorkshopMember } from '#lib/server/workshops/workshops.ts';
import { apiRoute, methodNotAllowed, noContent, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Removes a person from the workshop (never its last facilitator). */
export const DELETE = apiRoute<RequestEvent>(({ locals, params }) => {
	removeWorkshopMember(requireApiUser(locals), params.id, params.userId);
	return noContent();
});

export const fallback = methodNotAllowed;
