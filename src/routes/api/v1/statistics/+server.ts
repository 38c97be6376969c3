import { json } from '@sveltejs/kit';
import { versionStatistics } from '#lib/server/privacy/statistics.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import { statisticsQueryFrom } from '#lib/server/http/privacy-api.ts';
import { translator } from '#lib/i18n/translate.ts';
import type { RequestEvent } from './$types';

/** A version's progression statistics, "< 5" as null (team leads and administrators). */
export const GET = apiRoute<RequestEvent>(({ locals, url }) => {
	const user = requireApiUser(locals);
	const view = versionStatistics(user, statisticsQueryFrom(url));
	const t = translator(locals.locale);
	return json({ ...view, notice: view.notice && t(view.notice) });
});

export const fallback = methodNotAllowed;
