import { error } from '@sveltejs/kit';
import { can } from '#lib/domain/permissions.ts';
import { TARGET_GROUPS, type TargetGroup } from '#lib/domain/privacy/statistics.ts';
import { listPublications } from '#lib/server/publications/publications.ts';
import { versionStatistics } from '#lib/server/privacy/statistics.ts';
import { requireUser } from '#lib/server/http/guards.ts';
import type { PageServerLoad } from './$types';

/**
 * The team lead's statistics: the versions in operation of the organisations the person may read
 * statistics of, and the figures of the chosen one (`?publication=`, else the first), narrowed
 * to `?targetGroup=` when it names one.
 */
export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	const led = user.orgs.filter((org) =>
		can(user, 'read-statistics', { type: 'org', id: org.orgId })
	);
	if (led.length === 0) error(403, 'forbidden');
	const versions = led
		.flatMap((org) => listPublications(user, org.orgId))
		.filter((v) => v.isInOperation)
		.map((v) => ({ id: v.id, label: `${v.workshopTitle}, version ${v.number}` }));
	const asked = url.searchParams.get('publication');
	const chosen = versions.find((v) => v.id === asked) ?? versions[0];
	const group = url.searchParams.get('targetGroup');
	const targetGroup = TARGET_GROUPS.includes(group as TargetGroup) ? (group as TargetGroup) : null;
	const statistics = chosen
		? versionStatistics(user, { publication: chosen.id, targetGroup })
		: null;
	const csvQuery = chosen
		? new URLSearchParams({ publication: chosen.id, targetGroup: targetGroup ?? '' }).toString()
		: '';
	return { versions, chosenId: chosen?.id ?? '', targetGroup, statistics, csvQuery };
}) satisfies PageServerLoad;
