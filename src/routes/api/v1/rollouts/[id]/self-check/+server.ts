import { json } from '@sveltejs/kit';
import { selfCheckSchema } from '#lib/domain/rollout/self-check.ts';
import { selfCheckAggregates, submitSelfCheck } from '#lib/server/rollouts/rollout-feedback.ts';
import {
	apiRoute,
	methodNotAllowed,
	noContent,
	readJson,
	requireApiUser
} from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The aggregates (groups of five or more only). */
export const GET = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(selfCheckAggregates(user, params.id));
});

/** The participant's own self-check. */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, selfCheckSchema);
	submitSelfCheck(user, params.id, input);
	return noContent();
});

export const fallback = methodNotAllowed;
