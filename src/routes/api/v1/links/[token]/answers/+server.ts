import { linkAnswersSchema } from '#lib/domain/cases/schemas.ts';
import { submitCaseLink } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed, noContent, readJson } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Stores every answer of a rating link and uses the link up. */
export const POST = apiRoute<RequestEvent>(
	async ({ request, params, locals, getClientAddress }) => {
		const input = await readJson(request, linkAnswersSchema);
		submitCaseLink(
			{ requestId: locals.requestId, address: getClientAddress() },
			params.token,
			input
		);
		return noContent();
	}
);

export const fallback = methodNotAllowed;
