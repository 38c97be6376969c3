import { json } from '@sveltejs/kit';
import { startDrejebog } from '#lib/server/drejebog/drejebog-start.ts';
import { startDrejebogSchema } from '#lib/domain/drejebog/schemas.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Starts an empty drejebog from STAR's steps or with the stages only (whoever may write it). */
export const POST = apiRoute<RequestEvent>(async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, startDrejebogSchema);
	return json(await startDrejebog(user, params.id, params.docId, input));
});

export const fallback = methodNotAllowed;
