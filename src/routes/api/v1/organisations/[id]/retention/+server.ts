import { json } from '@sveltejs/kit';
import { retentionSchema } from '#lib/domain/privacy/retention.ts';
import { setRetentionMonths } from '#lib/server/privacy/retention-settings.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Set how many months closed cases are kept (administrators). */
export const PUT = apiRoute<RequestEvent>(async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const { months } = await readJson(request, retentionSchema);
	setRetentionMonths(user, params.id, months);
	return json({ organisation: params.id, months });
});

export const fallback = methodNotAllowed;
