import { completionsCsv } from '#lib/server/rollouts/rollout-feedback.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Who completed the walkthrough, as CSV (the facilitator). */
export const GET = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return new Response(completionsCsv(user, params.id), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="gennemfoert-${params.id}.csv"`,
			'cache-control': 'no-store'
		}
	});
});

export const fallback = methodNotAllowed;
