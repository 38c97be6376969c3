import { json } from '@sveltejs/kit';
import { chooseStarterInputSchema } from '#lib/domain/template/inputs.ts';
import { chooseStarter } from '#lib/server/documents/template-starter.ts';
import { apiRoute, methodNotAllowed, readJson, requireApiUser } from '#lib/server/http/api.ts';
import { templateStartedView } from '#lib/server/http/api-views.ts';
import type { RequestEvent } from './$types';

/** Fills the empty template from a starter, in one step (409 when it is not empty). */
export const POST = apiRoute<RequestEvent>(async ({ request, locals, params }) => {
	const user = requireApiUser(locals);
	const input = await readJson(request, chooseStarterInputSchema);
	return json(templateStartedView(await chooseStarter(user, params.id, params.docId, input)));
});

export const fallback = methodNotAllowed;
