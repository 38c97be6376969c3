import { json } from '@sveltejs/kit';
import { openDraft } from '#lib/server/publications/drafts.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import { openedDraftView } from '#lib/server/http/api-views.ts';
import type { RequestEvent } from './$types';

/** Opens a new draft from the workshop's latest version (facilitators). */
export const POST = apiRoute<RequestEvent>(({ locals, params }) =>
	json(openedDraftView(openDraft(requireApiUser(locals), params.id)), { status: 201 })
);

export const fallback = methodNotAllowed;
