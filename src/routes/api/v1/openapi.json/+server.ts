import { json } from '@sveltejs/kit';
import { openApiDocument } from '#lib/server/http/openapi.ts';
import { apiRoute, methodNotAllowed } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The OpenAPI 3.1 description of this API, generated from the schemas the routes validate with. */
export const GET = apiRoute<RequestEvent>(() => json(openApiDocument()));

export const fallback = methodNotAllowed;
