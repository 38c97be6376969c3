import { json } from '@sveltejs/kit';
import { timerActionSchema } from '#lib/domain/run-mode.ts';
import { changeTimer } from '#lib/server/run/run-mode.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Starts, pauses, adds time to or advances the timer (facilitators only). */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, timerActionSchema);
	return json(changeTimer(user, params.id, input));
});

export const fallback = methodNotAllowed;
