import { changePasswordSchema } from '#lib/domain/schemas.ts';
import { changePassword } from '#lib/server/accounts/accounts.ts';
import {
	apiRoute,
	methodNotAllowed,
	noContent,
	readJson,
	requireApiUser
} from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Changes the signed-in user's password; their other sessions end, this one stays. */
export const POST = apiRoute<RequestEvent>(async ({ request, locals }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, changePasswordSchema);
	await changePassword({
		userId: user.id,
		currentPassword: input.currentPassword,
		newPassword: input.newPassword,
		keepSessionToken: locals.sessionToken
	});
	return noContent();
});

export const fallback = methodNotAllowed;
