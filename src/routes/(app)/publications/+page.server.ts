import { listPublications } from '#lib/server/publications/publications.ts';
import { nextVersionLists } from '#lib/server/rollouts/rollout-next-version.ts';
import { mayReadReadiness } from '#lib/server/rollouts/rollout-readiness.ts';
import { requireUser } from '#lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

/**
 * The library: the versions of every organisation the person belongs to, and for the workshop
 * lines the person runs, the list of questions and suggestions for the next version.
 */
export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		// The team lead's readiness page is linked from here: it is about the versions.
		canReadReadiness: user.orgs.some((org) => mayReadReadiness(user, org.orgId)),
		organisations: user.orgs.map((org) => ({
			id: org.orgId,
			name: org.orgName,
			versions: listPublications(user, org.orgId),
			nextVersion: nextVersionLists(user, org.orgId)
		}))
	};
}) satisfies PageServerLoad;
