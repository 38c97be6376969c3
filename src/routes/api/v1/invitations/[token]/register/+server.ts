import { json } from '@sveltejs/kit';
import { registerSchema } from '#lib/domain/schemas.ts';
import { registerWithInvitation } from '#lib/server/workshops/invitations.ts';
import { setSessionCookie } from '#lib/server/accounts/session-cookie.ts';
import { apiRoute, methodNotAllowed, readJson } from '#lib/server/http/api.ts';
import { userView } from '#lib/server/http/api-views.ts';
import type { RequestEvent } from './$types';

/** A new person creates their account from an invitation, is logged in and joins the workshop. */
export const POST = apiRoute<RequestEvent>(async ({ request, params, cookies, url }) => {
	const input = await readJson(request, registerSchema);
	const result = await registerWithInvitation({ token: params.token, ...input });
	setSessionCookie(cookies, url, result.sessionToken);
	return json(
		{ user: userView(result.user), workshopId: result.workshopId, role: result.role },
		{ status: 201 }
	);
});

export const fallback = methodNotAllowed;
