import { json } from '@sveltejs/kit';
import { answerSchema } from '#lib/domain/rollout/schemas.ts';
import { answerStep } from '#lib/server/rollouts/rollout-progress.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The participant's one answer to the step's question. */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, answerSchema);
	return json(answerStep(user, params.id, params.stepId, input.choices));
});

export const fallback = methodNotAllowed;
