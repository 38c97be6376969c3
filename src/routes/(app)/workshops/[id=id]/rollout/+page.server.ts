import { redirect } from '@sveltejs/kit';
import { idSchema } from '#lib/domain/schemas.ts';
import { getWorkshop } from '#lib/server/workshops/workshops.ts';
import { listRolloutVersions } from '#lib/server/rollouts/rollout-overview.ts';
import { createRollout, startSelfPaced } from '#lib/server/rollouts/rollouts.ts';
import { publicOrigin } from '#lib/server/accounts/session-cookie.ts';
import { actOrFail, formValues, loadOrError, requireUser } from '#lib/server/http/guards.ts';
import { unknownReference } from '#lib/server/http/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const workshop = loadOrError(() => getWorkshop(user, params.id));
	return { workshop, ...loadOrError(() => listRolloutVersions(user, params.id)) };
}) satisfies PageServerLoad;

export const actions = {
	start: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const id = idSchema.safeParse((await formValues(request)).publicationId);
		if (!id.success) return unknownReference('start');
		const result = await actOrFail(() => createRollout(user, id.data, publicOrigin(url)));
		if ('id' in result) redirect(303, `/rollouts/${result.id}/present`);
		return result;
	},
	alone: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const id = idSchema.safeParse((await formValues(request)).publicationId);
		if (!id.success) return unknownReference('alone');
		const result = await actOrFail(() => startSelfPaced(user, id.data));
		if ('rolloutId' in result) redirect(303, `/rollouts/${result.rolloutId}`);
		return result;
	}
} satisfies Actions;
