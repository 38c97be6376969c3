import { searchAuditCsv } from '#lib/server/privacy/audit-log.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import { auditQueryFrom } from '#lib/server/http/privacy-api.ts';
import type { RequestEvent } from './$types';

/** The audit search as CSV (administrators). */
export const GET = apiRoute<RequestEvent>(({ locals, url }) => {
	const user = requireApiUser(locals);
	return new Response(searchAuditCsv(user, auditQueryFrom(url)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="logbog.csv"'
		}
	});
});

export const fallback = methodNotAllowed;
