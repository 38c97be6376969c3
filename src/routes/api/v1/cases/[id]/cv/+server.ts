import { json } from '@sveltejs/kit';
import { caseCv } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed } from '#lib/server/http/api.ts';
import { apiCaseContext } from '#lib/server/http/case-context.ts';
import type { RequestEvent } from './$types';

/** The CV phrases for Jobnet and the Min Plan text of the case. */
export const GET = apiRoute<RequestEvent>((event) =>
	json(caseCv(apiCaseContext(event), event.params.id))
);

export const fallback = methodNotAllowed;
