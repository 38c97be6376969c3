import { error, redirect } from '@sveltejs/kit';
import { NotFoundError } from '#lib/domain/errors.ts';
import { registerSchema } from '#lib/domain/schemas.ts';
import {
	acceptInvitation,
	findInvitationByToken,
	invitationFitFor,
	registerWithInvitation,
	type InvitationPreview
} from '#lib/server/workshops/invitations.ts';
import { formValues } from '#lib/server/http/guards.ts';
import { actFor, invalidInput, isFailure } from '#lib/server/http/form-actions.ts';
import { setSessionCookie } from '#lib/server/accounts/session-cookie.ts';
import { takeReturnPath } from '#lib/server/accounts/return-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * A link that cannot be used any more gets a page saying why: unknown 404, used 409 (the
 * invitation exists but its one use is spent), revoked or expired 410 (gone for good).
 */
export const load = (({ params, locals }) => {
	const invitation = findInvitationOrNull(params.token);
	if (!invitation) error(404, 'invitation.unknown');
	if (invitation.status === 'accepted') {
		// Opening one's own, already used link again simply leads back into the workshop.
		if (locals.user?.workshopRoles[invitation.workshopId]) {
			redirect(303, `/workshops/${invitation.workshopId}`);
		}
		error(409, 'invitation.accepted');
	}
	if (invitation.status !== 'pending') error(410, `invitation.${invitation.status}`);
	return {
		invitation: {
			email: invitation.email,
			role: invitation.role,
			workshopTitle: invitation.workshopTitle,
			orgName: invitation.orgName
		},
		currentEmail: locals.user?.email ?? null,
		// Only the invited person may accept: others are told why instead of getting the button.
		fit: locals.user ? invitationFitFor(locals.user.id, invitation) : null
	};
}) satisfies PageServerLoad;

function findInvitationOrNull(token: string): InvitationPreview | null {
	try {
		return findInvitationByToken(token);
	} catch (e) {
		if (e instanceof NotFoundError) return null;
		throw e;
	}
}

export const actions = {
	accept: async ({ locals, params, url, cookies }) => {
		if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
		const userId = locals.user.id;
		const result = await actFor('accept', () => acceptInvitation(userId, params.token));
		if (isFailure(result)) return result;
		// Back to where the person started (a Dag 3 join link, say), else into the workshop.
		redirect(303, takeReturnPath(cookies, url) ?? `/workshops/${result.workshopId}`);
	},
	register: async ({ request, locals, params, cookies, url }) => {
		if (locals.user) redirect(303, url.pathname);
		const values = await formValues(request);
		const kept = { name: values.name ?? '' };
		const parsed = registerSchema.safeParse(values);
		if (!parsed.success) return invalidInput('register', parsed.error, kept);
		const result = await actFor(
			'register',
			() => registerWithInvitation({ token: params.token, ...parsed.data }),
			kept
		);
		if (isFailure(result)) return result;
		setSessionCookie(cookies, url, result.sessionToken);
		redirect(303, takeReturnPath(cookies, url) ?? `/workshops/${result.workshopId}`);
	}
} satisfies Actions;
