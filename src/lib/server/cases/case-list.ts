/**
 * "Mine forløb": the cases assigned to the actor, read in a handful of queries whatever their
 * number (cases, staff, chosen statements and ratings of open cases), then summarised in memory.
 * Only open cases can have something due or need attention, so only they are planned and have
 * their statements and ratings read: a consultant's list is mostly closed cases (issue 13's
 * bench: 94 %), and planning them all was a quarter of the list's cost.
 */
import { can } from '#lib/domain/permissions.ts';
import { ForbiddenError } from '#lib/domain/errors.ts';
import type { CaseContext, CaseSummary } from '#lib/domain/cases/types.ts';
import type { RatingFact } from '#lib/domain/cases/analysis.ts';
import { caseTransaction } from './case-transaction.ts';
import { SELECT_CASE, versionContent, type CaseRow, type StaffRow } from './case-rows.ts';
import { caseSummary } from './case-view.ts';
import { casePlan } from '#lib/domain/cases/plan.ts';
import { danishDate } from '#lib/domain/rollout/completion.ts';

/** "Mine forløb": the cases assigned to the actor, newest first, with stage, due and attention. */
export function listMyCases(ctx: CaseContext, now = Date.now()): CaseSummary[] {
	const actor = ctx.actor;
	if (!actor) throw new ForbiddenError('cases.forbidden');
	return caseTransaction(ctx, 'list', (db) => {
		const rows = db
			.prepare(
				`${SELECT_CASE} JOIN case_staff me ON me.case_id = c.id AND me.user_id = ?
				ORDER BY c.closed_at IS NOT NULL, c.start_date DESC`
			)
			.all(actor.id) as CaseRow[];
		const staffByCase = groupBy(
			db
				.prepare(
					`SELECT s.case_id, s.user_id AS userId, u.name, s.role FROM case_staff s
					JOIN users u ON u.id = s.user_id
					WHERE s.case_id IN (SELECT case_id FROM case_staff WHERE user_id = ?)`
				)
				.all(actor.id) as (StaffRow & { case_id: string })[]
		);
		const statementsByCase = groupBy(
			db
				.prepare(
					`SELECT cs.case_id, cs.statement_id FROM case_statements cs
					JOIN case_staff me ON me.case_id = cs.case_id AND me.user_id = ?
					JOIN cases c ON c.id = cs.case_id AND c.closed_at IS NULL
					ORDER BY cs.case_id, cs.position`
				)
				.all(actor.id) as { case_id: string; statement_id: string }[]
		);
		const ratingsByCase = groupBy(
			db
				.prepare(
					`SELECT r.case_id, r.point_id AS pointId, r.rater_id AS raterId,
						r.statement_id AS statementId, r.level_id AS level
					FROM case_ratings r JOIN case_staff me ON me.case_id = r.case_id AND me.user_id = ?
					JOIN cases c ON c.id = r.case_id AND c.closed_at IS NULL`
				)
				.all(actor.id) as (RatingFact & { case_id: string })[]
		);
		const visible = rows.filter((row) =>
			can(actor, 'read', {
				type: 'case',
				id: row.id,
				orgId: row.org_id,
				staff: staffByCase.get(row.id) ?? []
			})
		);
		const today = danishDate(now);
		const result = visible.map((row) => {
			const content = versionContent(db, row.publication_id);
			const open =
				row.closed_at === null
					? {
							plan: casePlan(
								content.template,
								(statementsByCase.get(row.id) ?? []).map((s) => s.statement_id)
							),
							ratings: ratingsByCase.get(row.id) ?? []
						}
					: null;
			return caseSummary(actor, row, staffByCase.get(row.id) ?? [], content, today, open);
		});
		return { result, caseId: null, detail: { count: result.length } };
	});
}

function groupBy<T extends { case_id: string }>(rows: T[]): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const row of rows) {
		const list = map.get(row.case_id);
		if (list) list.push(row);
		else map.set(row.case_id, [row]);
	}
	return map;
}
