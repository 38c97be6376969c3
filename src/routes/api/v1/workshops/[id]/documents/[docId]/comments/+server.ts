import { json } from '@sveltejs/kit';
import { createCommentSchema } from '#lib/domain/comments.ts';
import { createComment, listComments } from '#lib/server/run/comments.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** The template document's comment threads and the elements one can comment on. */
export const GET = apiRoute<RequestEvent>(({ locals, params }) => {
	const user = requireApiUser(locals);
	return json(listComments(user, params.id, params.docId));
});

/** Starts a thread on an element, or replies to one (the work group and the facilitator). */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, createCommentSchema);
	return json(createComment(user, params.id, params.docId, input), { status: 201 });
});

export const fallback = methodNotAllowed;
