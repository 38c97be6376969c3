import { json } from '@sveltejs/kit';
import { resolveThread } from '#lib/server/run/comments.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Marks a comment thread resolved (the work group and the facilitator). */
export const POST = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(resolveThread(user, params.id, params.docId, params.commentId));
});

export const fallback = methodNotAllowed;
