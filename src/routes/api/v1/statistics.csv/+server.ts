import { versionStatistics } from '#lib/server/privacy/statistics.ts';
import { apiRoute, methodNotAllowed, requireApiUser } from '#lib/server/http/api.ts';
import { statisticsQueryFrom } from '#lib/server/http/privacy-api.ts';
import { statisticsCsv } from '#lib/domain/privacy/statistics-view.ts';
import type { RequestEvent } from './$types';

/** The statistics as CSV, "< 5" where hidden (team leads and administrators). */
export const GET = apiRoute<RequestEvent>(({ locals, url }) => {
	const user = requireApiUser(locals);
	return new Response(statisticsCsv(versionStatistics(user, statisticsQueryFrom(url))), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="statistik.csv"'
		}
	});
});

export const fallback = methodNotAllowed;
