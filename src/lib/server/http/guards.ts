/** Small helpers routes use to require a session and to turn domain errors into responses. */
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { isDomainError, type FieldErrors } from '#lib/domain/errors.ts';
import { can } from '#lib/domain/permissions.ts';
import type { SessionUser } from '../accounts/accounts.ts';

/** The signed-in user of a page request; redirects to the login page otherwise. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

/**
 * The organisation whose personal data an administrator manages on a page (`?org=`, else the
 * first they administer). @throws a 403 for someone who administers none.
 */
export function adminOrg(user: SessionUser, url: URL): { id: string; name: string } {
	const orgs = user.orgs.filter((o) => can(user, 'manage', { type: 'org', id: o.orgId }));
	if (orgs.length === 0) error(403, 'forbidden');
	const org = orgs.find((o) => o.orgId === url.searchParams.get('org')) ?? orgs[0];
	return { id: org.orgId, name: org.orgName };
}

/**
 * Runs a page load's domain call and maps expected errors to SvelteKit errors (404/403/…);
 * unexpected ones propagate to handleError.
 */
export function loadOrError<T>(fn: () => T): T {
	try {
		return fn();
	} catch (e) {
		if (isDomainError(e)) error(e.status, e.status === 404 ? 'not_found' : e.code);
		throw e;
	}
}

export type FormFailure = {
	message?: string;
	fields?: FieldErrors;
	values?: Record<string, string>;
};

/**
 * Runs a form action's domain call; expected errors re-render the form with a message and field
 * messages (all i18n keys) and the status the API would use.
 */
export async function actOrFail<T>(
	fn: () => T | Promise<T>,
	values: Record<string, string> = {}
): Promise<T | ActionFailure<FormFailure>> {
	try {
		return await fn();
	} catch (e) {
		if (!isDomainError(e)) throw e;
		if (e.status === 404) error(404, 'not_found');
		const fields = 'fields' in e ? e.fields : undefined;
		return fail(e.status, { message: e.message, fields, values });
	}
}

/** Form data as a plain string record (files are ignored), for schema parsing. */
export async function formValues(request: Request): Promise<Record<string, string>> {
	const data = await request.formData();
	const values: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
	return values;
}
