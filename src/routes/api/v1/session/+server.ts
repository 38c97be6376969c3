import { json } from '@sveltejs/kit';
import { loginSchema } from '#lib/domain/schemas.ts';
import { ValidationError } from '#lib/domain/errors.ts';
import { login } from '#lib/server/accounts/accounts.ts';
import { endBrowserSession } from '#lib/server/accounts/logout.ts';
import { setSessionCookie } from '#lib/server/accounts/session-cookie.ts';
import {
	ApiFailure,
	apiRoute,
	methodNotAllowed,
	noContent,
	readJson
} from '#lib/server/http/api.ts';
import { userView } from '#lib/server/http/api-views.ts';
import type { RequestEvent } from './$types';

/** Logs in: sets the session cookie and answers the user. */
export const POST = apiRoute<RequestEvent>(async ({ request, cookies, url, getClientAddress }) => {
	const input = await readJson(request, loginSchema);
	try {
		const { user, token } = await login({ ...input, address: getClientAddress() });
		setSessionCookie(cookies, url, token);
		return json(userView(user));
	} catch (e) {
		// Same answer for an unknown email and a wrong password: nothing reveals which accounts exist.
		if (e instanceof ValidationError) throw new ApiFailure(401, 'invalid_credentials', e.message);
		throw e;
	}
});

/** Logs out: ends this session. Answers 204 even without one, so it is safe to repeat. */
export const DELETE = apiRoute<RequestEvent>((event) => {
	endBrowserSession(event);
	return noContent();
});

export const fallback = methodNotAllowed;
