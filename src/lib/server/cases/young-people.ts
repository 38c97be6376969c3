/**
 * Finding a young person of the municipality by name, for the administrator who answers their
 * access request (indsigt, issue 14). Names are personal data, so the search is recorded in the
 * audit log as a list (no case is opened, so no purpose is needed).
 */
import { ForbiddenError } from '#lib/domain/errors.ts';
import type { CaseContext } from '#lib/domain/cases/types.ts';
import { can } from '#lib/domain/permissions.ts';
import { caseTransaction } from './case-transaction.ts';

/** One young person found: their name and the span of their cases. */
export type YoungPersonFound = {
	id: string;
	firstName: string;
	lastName: string;
	caseCount: number;
	firstStart: string | null;
	lastEnd: string | null;
};

/** Most people one search shows. */
export const YOUNG_PEOPLE_PAGE = 50;

/** `%` and `_` are LIKE's wildcards: a name with them is searched as written. */
function likePattern(words: string): string {
	return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The young people of `orgId` whose first, last or full name contains `query` (case-insensitive
 * for ASCII letters), by last and first name. @throws ForbiddenError unless the actor may export
 * the municipality's young people (its administrator).
 */
export function findYoungPeople(
	ctx: CaseContext,
	orgId: string,
	query: string
): YoungPersonFound[] {
	if (!can(ctx.actor, 'access-export', { type: 'org', id: orgId })) {
		throw new ForbiddenError('privacy.adminOnly');
	}
	const words = query.trim().replace(/\s+/g, ' ');
	if (words === '') return [];
	return caseTransaction(ctx, 'list', (db) => {
		const result = db
			.prepare(
				`SELECT y.id, y.first_name AS firstName, y.last_name AS lastName,
					COUNT(c.id) AS caseCount, MIN(c.start_date) AS firstStart, MAX(c.end_date) AS lastEnd
				 FROM young_people y LEFT JOIN cases c ON c.young_person_id = y.id
				 WHERE y.org_id = ? AND (y.first_name || ' ' || y.last_name) LIKE ? ESCAPE '\\'
				 GROUP BY y.id ORDER BY y.last_name, y.first_name, y.id LIMIT ?`
			)
			.all(orgId, likePattern(words), YOUNG_PEOPLE_PAGE) as YoungPersonFound[];
		return { result, caseId: null, detail: { orgId, search: 'youngPeople', count: result.length } };
	});
}
