import { json } from '@sveltejs/kit';
import { acceptInvitation } from '#lib/server/workshops/invitations.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The signed-in user accepts an invitation and joins its workshop. */
export const POST = apiRoute<RequestEvent>(({ locals, params }) =>
	json(acceptInvitation(requireApiUser(locals).id, params.token))
);

export const fallback = methodNotAllowed;
