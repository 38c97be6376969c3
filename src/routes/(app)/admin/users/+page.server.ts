import { error } from '@sveltejs/kit';
import { can } from '#lib/domain/permissions.ts';
import { createUserSchema, idSchema, setOrgRoleSchema } from '#lib/domain/schemas.ts';
import {
	adminCreateUser,
	adminRemoveUser,
	adminSetRole,
	listOrgUsers
} from '#lib/server/accounts/accounts.ts';
import type { SessionUser } from '#lib/server/accounts/accounts.ts';
import { formValues, loadOrError, requireUser } from '#lib/server/http/guards.ts';
import {
	actFor,
	invalidInput,
	isFailure,
	unknownReference
} from '#lib/server/http/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

/** The organisations this person administers; everyone else gets a 403 page. */
function administeredOrgs(user: SessionUser): { id: string; name: string }[] {
	const orgs = user.orgs
		.filter((o) => can(user, 'manage', { type: 'org', id: o.orgId }))
		.map((o) => ({ id: o.orgId, name: o.orgName }));
	if (orgs.length === 0) error(403, 'forbidden');
	return orgs;
}

export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	const orgs = administeredOrgs(user);
	const org = orgs.find((o) => o.id === url.searchParams.get('org')) ?? orgs[0];
	return {
		orgs,
		org,
		users: loadOrError(() => listOrgUsers(user, org.id)),
		userId: user.id
	};
}) satisfies PageServerLoad;

/** The organisation a form acts on; `can()` inside each accounts function checks it. */
function orgIdOf(values: Record<string, string>): string {
	return idSchema.safeParse(values.orgId).data ?? '';
}

export const actions = {
	create: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const kept = { email: values.email ?? '', name: values.name ?? '', role: values.role ?? '' };
		const parsed = createUserSchema.safeParse(values);
		if (!parsed.success) return invalidInput('create', parsed.error, kept);
		const result = await actFor(
			'create',
			() => adminCreateUser(user, orgIdOf(values), parsed.data),
			kept
		);
		if (isFailure(result)) return result;
		return { form: 'create', notice: 'admin.created', name: result.name };
	},
	setRole: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const parsed = setOrgRoleSchema.safeParse(values);
		if (!parsed.success) return unknownReference('setRole');
		const { userId, role } = parsed.data;
		const result = await actFor('setRole', () => adminSetRole(user, orgIdOf(values), userId, role));
		return isFailure(result) ? result : { form: 'setRole', notice: 'admin.roleSaved' };
	},
	remove: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const userId = idSchema.safeParse(values.userId);
		if (!userId.success) return unknownReference('remove');
		const result = await actFor('remove', () =>
			adminRemoveUser(user, orgIdOf(values), userId.data)
		);
		return isFailure(result) ? result : { form: 'remove', notice: 'admin.removed' };
	}
} satisfies Actions;
