import { changePasswordSchema } from '#lib/domain/schemas.ts';
import { changePassword } from '#lib/server/accounts/accounts.ts';
import { formValues, requireUser } from '#lib/server/http/guards.ts';
import { actFor, invalidInput, isFailure } from '#lib/server/http/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		account: {
			name: user.name,
			email: user.email,
			orgs: user.orgs.map((o) => ({ id: o.orgId, name: o.orgName, role: o.role }))
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	password: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const parsed = changePasswordSchema.safeParse(await formValues(request));
		if (!parsed.success) return invalidInput('password', parsed.error);
		const result = await actFor('password', () =>
			changePassword({
				userId: user.id,
				currentPassword: parsed.data.currentPassword,
				newPassword: parsed.data.newPassword,
				// This session stays; every other session of the person ends.
				keepSessionToken: locals.sessionToken
			})
		);
		return isFailure(result) ? result : { form: 'password', notice: 'account.passwordChanged' };
	}
} satisfies Actions;
