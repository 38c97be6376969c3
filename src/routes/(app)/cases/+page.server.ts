import { requireUser } from '#lib/server/http/guards.ts';
import { listMyCases } from '#lib/server/cases/index.ts';
import { mayStartCases } from '#lib/server/cases/ui-start.ts';
import type { PageServerLoad } from './$types';

/** "Mine forløb": the cases assigned to the person, by stage, with what is due and needs attention. */
export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		cases: listMyCases({ actor: user, requestId: locals.requestId, audit: locals.audit }),
		mayStart: mayStartCases(user)
	};
}) satisfies PageServerLoad;
