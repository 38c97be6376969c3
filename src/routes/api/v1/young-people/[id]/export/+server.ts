import { youngPersonExport } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed } from '#lib/server/http/api.ts';
import { fileResponse } from '#lib/server/http/content-disposition.ts';
import { apiPersonContext } from '#lib/server/http/case-context.ts';
import type { RequestEvent } from './$types';

/** Everything held about one young person as a ZIP, for their access request (administrators). */
export const GET = apiRoute<RequestEvent>(async (event) =>
	fileResponse(await youngPersonExport(apiPersonContext(event), event.params.id))
);

export const fallback = methodNotAllowed;
