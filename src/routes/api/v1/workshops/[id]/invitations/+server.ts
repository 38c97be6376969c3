import { json } from '@sveltejs/kit';
import { createInvitationSchema } from '#lib/domain/schemas.ts';
import { createInvitation, listInvitations } from '#lib/server/workshops/invitations.ts';
import { publicOrigin } from '#lib/server/accounts/session-cookie.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import { createdInvitationView, invitationView } from '#lib/server/http/api-views.ts';
import type { RequestEvent } from './$types';

/** The workshop's invitations, newest first (without tokens). */
export const GET = apiRoute<RequestEvent>(({ locals, params }) =>
	json(listInvitations(requireApiUser(locals), params.id).map(invitationView))
);

/** Invites someone by link; the answer carries the token and link, shown only this once. */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params, url }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, createInvitationSchema);
	const invitation = createInvitation(user, {
		workshopId: params.id,
		email: input.email,
		role: input.role,
		origin: publicOrigin(url)
	});
	return json(createdInvitationView(invitation), { status: 201 });
});

export const fallback = methodNotAllowed;
