import { json } from '@sveltejs/kit';
import { changePhaseSchema } from '#lib/domain/schemas.ts';
import { changePhase } from '#lib/server/workshops/workshops.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Moves the workshop to another phase (facilitators only). */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const { phase } = await readJson(request, changePhaseSchema);
	changePhase(user, params.id, phase);
	return json({ id: params.id, phase });
});

export const fallback = methodNotAllowed;
