import { error, redirect } from '@sveltejs/kit';
import { setupSchema } from '#lib/domain/schemas.ts';
import { completeSetup, setupLinkStatus } from '#lib/server/platform/first-start.ts';
import { createSession } from '#lib/server/accounts/sessions.ts';
import { formValues } from '#lib/server/http/guards.ts';
import { actFor, invalidInput, isFailure } from '#lib/server/http/form-actions.ts';
import { setSessionCookie } from '#lib/server/accounts/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

/** A used link is gone for good (410); one that never existed is a 404. */
function requireUsableLink(token: string): void {
	const status = setupLinkStatus(token);
	if (status === 'used') error(410, 'setup.used');
	if (status === 'unknown') error(404, 'setup.unknown');
}

export const load = (({ params }) => {
	requireUsableLink(params.token);
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params, cookies, url }) => {
		requireUsableLink(params.token);
		const values = await formValues(request);
		const kept = {
			orgName: values.orgName ?? '',
			name: values.name ?? '',
			email: values.email ?? ''
		};
		const parsed = setupSchema.safeParse(values);
		if (!parsed.success) return invalidInput('setup', parsed.error, kept);
		const result = await actFor('setup', () => completeSetup(params.token, parsed.data), kept);
		if (isFailure(result)) return result;
		// The new administrator is logged in straight away, like after a login.
		setSessionCookie(cookies, url, createSession(result.userId));
		redirect(303, '/admin/users');
	}
} satisfies Actions;
