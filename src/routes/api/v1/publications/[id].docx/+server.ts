import { exportPublicationFile } from '#lib/server/exports/publication-files.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import { fileResponse } from '#lib/server/http/content-disposition.ts';
import type { RequestEvent } from './$types';

/** A published version as a Word file, downloaded under its Danish name (everyone in its organisation). */
export const GET = apiRoute<RequestEvent>(async ({ locals, params }) =>
	fileResponse(await exportPublicationFile(requireApiUser(locals), params.id, 'docx'))
);

export const fallback = methodNotAllowed;
