import { worksWithCases } from '#lib/server/cases/ui-start.ts';
import { can } from '#lib/domain/permissions.ts';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => {
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user
			? {
					id: user.id,
					name: user.name,
					email: user.email,
					isAdmin: user.orgs.some((o) => o.role === 'admin'),
					worksWithCases: worksWithCases(user),
					readsStatistics: user.orgs.some((o) =>
						can(user, 'read-statistics', { type: 'org', id: o.orgId })
					)
				}
			: null
	};
}) satisfies LayoutServerLoad;
