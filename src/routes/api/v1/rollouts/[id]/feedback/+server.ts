import { json } from '@sveltejs/kit';
import { feedbackSchema } from '#lib/domain/rollout/schemas.ts';
import { postFeedback } from '#lib/server/rollouts/rollout-feedback.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** A question or a suggestion for the next version. */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, feedbackSchema);
	return json(postFeedback(user, params.id, input), { status: 201 });
});

export const fallback = methodNotAllowed;
