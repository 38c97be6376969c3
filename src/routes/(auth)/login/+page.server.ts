import { fail, redirect } from '@sveltejs/kit';
import { loginSchema, fieldErrors } from '#lib/domain/schemas.ts';
import { RateLimitedError, ValidationError } from '#lib/domain/errors.ts';
import { login } from '#lib/server/accounts/accounts.ts';
import { formValues } from '#lib/server/http/guards.ts';
import { setSessionCookie } from '#lib/server/accounts/session-cookie.ts';
import { safeReturnPath } from '#lib/domain/return-path.ts';
import { loggedInTowards, rememberReturnPath } from '#lib/server/accounts/return-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, cookies }) => {
	const next = url.searchParams.get('next');
	if (locals.user) redirect(303, safeReturnPath(next));
	// Kept for someone without an account, who registers from an invitation instead of logging in;
	// the page then says so.
	return { isReturning: rememberReturnPath(cookies, url, next) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		// Decided before the session exists: nothing after the cookie is set may fail.
		const destination = safeReturnPath(url.searchParams.get('next'));
		const values = await formValues(request);
		const parsed = loginSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				fields: fieldErrors(parsed.error),
				values: { email: values.email ?? '' }
			});
		}
		try {
			const { token } = await login({ ...parsed.data, address: getClientAddress() });
			setSessionCookie(cookies, url, token);
			loggedInTowards(cookies, url, destination);
		} catch (e) {
			if (e instanceof RateLimitedError) {
				return fail(429, {
					message: 'login.throttled',
					minutes: Math.ceil(e.retryAfterSeconds / 60),
					values: { email: parsed.data.email }
				});
			}
			if (e instanceof ValidationError) {
				return fail(400, { message: 'login.invalid', values: { email: parsed.data.email } });
			}
			throw e;
		}
		redirect(303, destination);
	}
} satisfies Actions;
