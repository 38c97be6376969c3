import { listPublications } from '#lib/server/publications/publications.ts';
import { requireUser } from '#lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

/** The library: the versions of every organisation the person belongs to. */
export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		organisations: user.orgs.map((org) => ({
			id: org.orgId,
			name: org.orgName,
			versions: listPublications(user, org.orgId)
		}))
	};
}) satisfies PageServerLoad;
