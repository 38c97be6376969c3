import { json } from '@sveltejs/kit';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import { meView } from '#lib/server/http/api-views.ts';
import type { RequestEvent } from './$types';

/** The signed-in user with organisations and workshop roles. */
export const GET = apiRoute<RequestEvent>(({ locals }) => json(meView(requireApiUser(locals))));

export const fallback = methodNotAllowed;
