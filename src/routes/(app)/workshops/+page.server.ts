import { fail, redirect } from '@sveltejs/kit';
import { createWorkshopSchema, fieldErrors } from '#lib/domain/schemas.ts';
import { can } from '#lib/domain/permissions.ts';
import { createWorkshop, listWorkshops } from '#lib/server/workshops/workshops.ts';
import { actOrFail, formValues, requireUser } from '#lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		workshops: listWorkshops(user),
		creatableOrgs: user.orgs
			.filter((o) => can(user, 'create-workshop', { type: 'org', id: o.orgId }))
			.map((o) => ({ id: o.orgId, name: o.orgName }))
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const values = await formValues(request);
		const parsed = createWorkshopSchema.safeParse({
			...values,
			orgId: values.orgId || user.orgs[0]?.orgId
		});
		if (!parsed.success) return fail(400, { fields: fieldErrors(parsed.error), values });
		const result = await actOrFail(
			() => createWorkshop(user, { orgId: parsed.data.orgId ?? '', title: parsed.data.title }),
			values
		);
		if ('id' in result) redirect(303, `/workshops/${result.id}`);
		return result;
	}
} satisfies Actions;
