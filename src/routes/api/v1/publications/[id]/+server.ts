import { getPublication } from '#lib/server/publications/publications.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import type { RequestEvent } from './$types';

/**
 * A version's content as the exact canonical JSON its SHA-256 covers, so a client can check it:
 * `sha256sum` of the body is the version's `sha256` (also sent as ETag and Repr-Digest).
 */
export const GET = apiRoute<RequestEvent>(({ locals, params }) => {
	const { summary, canonical } = getPublication(requireApiUser(locals), params.id);
	const digest = Buffer.from(summary.sha256, 'hex').toString('base64');
	return new Response(canonical, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			etag: `"${summary.sha256}"`,
			'repr-digest': `sha-256=:${digest}:`
		}
	});
});

export const fallback = methodNotAllowed;
