import { caseOutputFile } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed } from '#lib/server/http/api.ts';
import { fileResponse } from '#lib/server/http/content-disposition.ts';
import { apiCaseContext } from '#lib/server/http/case-context.ts';
import type { RequestEvent } from './$types';

/** The case's progressionsskema as a PDF, named after the young person. */
export const GET = apiRoute<RequestEvent>(async (event) =>
	fileResponse(await caseOutputFile(apiCaseContext(event), event.params.id, 'progressionsskema'))
);

export const fallback = methodNotAllowed;
