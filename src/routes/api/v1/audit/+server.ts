import { json } from '@sveltejs/kit';
import { AUDIT_PAGE, searchAudit } from '#lib/server/privacy/audit-log.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import { auditEntryView, auditQueryFrom } from '#lib/server/http/privacy-api.ts';
import type { RequestEvent } from './$types';

/** Search the organisation's audit log (administrators). */
export const GET = apiRoute<RequestEvent>(({ locals, url }) => {
	const user = requireApiUser(locals);
	const { orgId, entries } = searchAudit(user, auditQueryFrom(url));
	return json({
		organisation: orgId,
		entries: entries.map(auditEntryView),
		isTruncated: entries.length >= AUDIT_PAGE
	});
});

export const fallback = methodNotAllowed;
