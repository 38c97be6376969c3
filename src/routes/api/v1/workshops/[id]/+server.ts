import { json } from '@sveltejs/kit';
import { getWorkshop } from '#lib/server/workshops/workshops.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import { workshopDetailView } from '#lib/server/http/api-views.ts';
import type { RequestEvent } from './$types';

/** One workshop with phase, format, members and documents. */
export const GET = apiRoute<RequestEvent>(({ locals, params }) =>
	json(workshopDetailView(getWorkshop(requireApiUser(locals), params.id)))
);

export const fallback = methodNotAllowed;
