import { linkSignatureSchema } from '#lib/domain/cases/schemas.ts';
import { signThroughLink } from '#lib/server/cases/index.ts';
import { apiRoute, methodNotAllowed, noContent, readJson } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/** Signs the læringsbevis by name through a signing link and uses the link up. */
export const POST = apiRoute<RequestEvent>(
	async ({ request, params, locals, getClientAddress }) => {
		const input = await readJson(request, linkSignatureSchema);
		signThroughLink(
			{ requestId: locals.requestId, address: getClientAddress() },
			params.token,
			input.name
		);
		return noContent();
	}
);

export const fallback = methodNotAllowed;
