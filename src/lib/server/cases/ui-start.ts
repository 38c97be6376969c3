/**
 * For the "start a case" page (cases-ui): who may start cases, and what the form offers. Only
 * calls exported functions of the publications module and `can()`; no SQL, no rules of its own.
 */
import { can } from '#lib/domain/permissions.ts';
import type { SessionUser } from '../accounts/accounts.ts';
import { getPublication, listPublications } from '../publications/publications.ts';
import type { StartCaseChoices } from '#lib/components/cases/start-case.ts';
import type { CaseSummary } from '#lib/domain/cases/types.ts';

/** True when the person may start a case in one of their municipalities. */
export function mayStartCases(user: SessionUser): boolean {
	return user.orgs.some((org) => can(user, 'create-case', { type: 'org', id: org.orgId }));
}

/** True when the person should find "Mine forløb" in the menu (a role that works with cases). */
export function worksWithCases(user: SessionUser): boolean {
	return user.orgs.some((org) => ['admin', 'jobkonsulent', 'sagsbehandler'].includes(org.role));
}

/**
 * What the form offers: the versions in operation of the person's municipalities where they may
 * start cases, the statements and sub-goals of `publicationId` (or of the first of them), and the
 * person's earlier cases to start from.
 */
export function startCaseChoices(
	user: SessionUser,
	myCases: CaseSummary[],
	publicationId?: string
): StartCaseChoices {
	const versions = user.orgs
		.filter((org) => can(user, 'create-case', { type: 'org', id: org.orgId }))
		.flatMap((org) => listPublications(user, org.orgId))
		.filter((v) => v.isInOperation);
	const chosen = versions.find((v) => v.id === publicationId) ?? versions[0];
	const template = chosen ? getPublication(user, chosen.id).content.template : null;
	return {
		versions: versions.map((v) => ({ id: v.id, label: `${v.workshopTitle}, version ${v.number}` })),
		areas:
			template?.areas.map((area) => ({
				areaId: area.id,
				areaLabel: area.label,
				statements: area.statements.map((s) => ({ statementId: s.id, text: s.text }))
			})) ?? [],
		subGoals: template?.goals.isIncluded
			? template.goals.subGoals.map((s) => ({
					id: s.id,
					text: s.text,
					statementIds: [...s.statementIds]
				}))
			: [],
		previousCases: myCases.map((c) => ({
			id: c.id,
			firstName: c.youngPerson.firstName,
			lastName: c.youngPerson.lastName,
			label: `${c.youngPerson.firstName} ${c.youngPerson.lastName}, ${c.company} (${c.start} – ${c.end})`
		}))
	};
}

/**
 * The start form's first values when it starts from earlier case `fromId` (the "start a new case
 * from this one" link of a case): that case chosen, and the young person's name, which the new
 * case keeps. Empty when `fromId` is not one of `myCases`.
 */
export function valuesFromPrevious(myCases: CaseSummary[], fromId: string): Record<string, string> {
	const previous = myCases.find((c) => c.id === fromId);
	if (!previous) return {};
	return {
		previousCaseId: previous.id,
		'youngPerson.firstName': previous.youngPerson.firstName,
		'youngPerson.lastName': previous.youngPerson.lastName
	};
}
