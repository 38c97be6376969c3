import { getPublication, listSiblingVersions } from '#lib/server/publications/publications.ts';
import { versionRolloutState } from '#lib/server/rollouts/rollout-overview.ts';
import { versionFeedback } from '#lib/server/rollouts/rollout-feedback.ts';
import { rolloutFormActions } from '#lib/server/http/rollout-form-actions.ts';
import { loadOrError, requireUser } from '#lib/server/http/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** One version, read-only, with the workshop's other versions to compare it with, and Dag 3. */
export const load = (({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const { summary, content } = loadOrError(() => getPublication(user, params.id));
	return {
		version: summary,
		content,
		siblings: listSiblingVersions(user, summary),
		rollout: versionRolloutState(user, summary),
		feedback: versionFeedback(user, summary)
	};
}) satisfies PageServerLoad;

export const actions = rolloutFormActions satisfies Actions;
