import { json } from '@sveltejs/kit';
import { createCaseSchema } from '#lib/domain/cases/schemas.ts';
import { createCase, listMyCases } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import { apiCaseContext } from '#lib/server/http/case-context.ts';
import type { RequestEvent } from './$types';

/** "Mine forløb": the cases assigned to the signed-in user. */
export const GET = apiRoute<RequestEvent>((event) => json(listMyCases(apiCaseContext(event))));

/** Starts a case from the version in operation (jobkonsulent or administrator). */
export const POST = apiRoute<RequestEvent>(async (event) => {
	requireApiUser(event.locals);
	const input = await readJson(event.request, createCaseSchema);
	return json(createCase(apiCaseContext(event), input), { status: 201 });
});

export const fallback = methodNotAllowed;
