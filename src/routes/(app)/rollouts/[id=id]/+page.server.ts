import { redirect } from '@sveltejs/kit';
import { getRolloutView } from '#lib/server/rollouts/rollout-view.ts';
import { mySelfChecks } from '#lib/server/rollouts/rollout-feedback.ts';
import { danishDate } from '#lib/domain/rollout/completion.ts';
import { publicOrigin } from '#lib/server/accounts/session-cookie.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const view = loadOrError(() => {
		try {
			return getRolloutView(user, params.id, publicOrigin(url));
		} catch (e) {
			// Not joined yet: the join page explains what to do. Anything else (another
			// municipality: not found) is a domain error for loadOrError, not a 500.
			if ((e as { status?: number }).status === 403) redirect(303, '/join');
			throw e;
		}
	});
	if (!view.me && view.isFacilitator) redirect(303, `/rollouts/${params.id}/present`);
	return {
		view,
		selfChecks: loadOrError(() => mySelfChecks(user, params.id)),
		today: danishDate(Date.now())
	};
}) satisfies PageServerLoad;
