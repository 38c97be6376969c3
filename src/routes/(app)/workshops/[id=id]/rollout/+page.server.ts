import { getWorkshop } from '#lib/server/workshops/workshops.ts';
import { listRolloutVersions } from '#lib/server/rollouts/rollout-overview.ts';
import { rolloutFormActions } from '#lib/server/http/rollout-form-actions.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const workshop = loadOrError(() => getWorkshop(user, params.id));
	return { workshop, ...loadOrError(() => listRolloutVersions(user, params.id)) };
}) satisfies PageServerLoad;

export const actions = rolloutFormActions satisfies Actions;
