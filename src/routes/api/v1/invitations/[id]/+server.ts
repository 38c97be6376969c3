import { revokeInvitation } from '#lib/server/workshops/invitations.ts';
import { apiRoute, methodNotAllowed, noContent, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Revokes a pending invitation; its link stops working. */
export const DELETE = apiRoute<RequestEvent>(({ locals, params }) => {
	revokeInvitation(requireApiUser(locals), params.id);
	return noContent();
});

export const fallback = methodNotAllowed;
