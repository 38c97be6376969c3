import { json } from '@sveltejs/kit';
import { createWorkshopSchema } from '#lib/domain/schemas.ts';
import { createWorkshop, listWorkshops } from '#lib/server/workshops/workshops.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import { workshopSummaryView } from '#lib/server/http/api-views.ts';
import type { RequestEvent } from './$types';

/** The workshops the user may see. */
export const GET = apiRoute<RequestEvent>(({ locals }) =>
	json(listWorkshops(requireApiUser(locals)).map(workshopSummaryView))
);

/** Creates a workshop (in `orgId`, or the user's default organisation); the user facilitates it. */
export const POST = apiRoute<RequestEvent>(async ({ request, locals }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, createWorkshopSchema);
	return json(workshopSummaryView(createWorkshop(user, input)), { status: 201 });
});

export const fallback = methodNotAllowed;
