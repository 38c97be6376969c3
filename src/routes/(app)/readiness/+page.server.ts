import { error } from '@sveltejs/kit';
import { mayReadReadiness, readinessOverview } from '#lib/server/rollouts/rollout-readiness.ts';
import { requireUser } from '#lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

/** The team lead's readiness aggregates, for every organisation the person leads. */
export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	const led = user.orgs.filter((org) => mayReadReadiness(user, org.orgId));
	if (led.length === 0) error(403, 'forbidden');
	return {
		organisations: led.map((org) => ({
			id: org.orgId,
			name: org.orgName,
			versions: readinessOverview(user, org.orgId)
		}))
	};
}) satisfies PageServerLoad;
