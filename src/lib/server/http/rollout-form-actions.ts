/**
 * The form actions that start a rollout session and the self-paced walkthrough, shared by the
 * version page and the workshop's Dag 3 page (both export them): starting goes to the presenter
 * view, the walkthrough to the follower view.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { idSchema } from '#lib/domain/schemas.ts';
import { createRollout, startSelfPaced } from '../rollouts/rollouts.ts';
import { publicOrigin } from '../accounts/session-cookie.ts';
import { actOrFail, formValues, requireUser } from './guards.ts';
import { unknownReference } from './form-actions.ts';

/** `?/startRollout`: a new session for the version in the form (the facilitator). */
async function startRollout({ request, locals, url }: RequestEvent) {
	const user = requireUser(locals, url);
	const id = idSchema.safeParse((await formValues(request)).publicationId);
	if (!id.success) return unknownReference('startRollout');
	const result = await actOrFail(() => createRollout(user, id.data, publicOrigin(url)));
	if ('id' in result) redirect(303, `/rollouts/${result.id}/present`);
	return result;
}

/** `?/walkthroughAlone`: the walkthrough of the version in operation, alone. */
async function walkthroughAlone({ request, locals, url }: RequestEvent) {
	const user = requireUser(locals, url);
	const id = idSchema.safeParse((await formValues(request)).publicationId);
	if (!id.success) return unknownReference('walkthroughAlone');
	const result = await actOrFail(() => startSelfPaced(user, id.data));
	if ('rolloutId' in result) redirect(303, `/rollouts/${result.rolloutId}`);
	return result;
}

export const rolloutFormActions = { startRollout, walkthroughAlone };
