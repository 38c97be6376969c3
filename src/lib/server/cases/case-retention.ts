/**
 * Deleting a case for real (issue 14): every row of it goes (the tables hang off `cases` with ON
 * DELETE CASCADE), the young person too when no other case names them, and the purposes stated
 * for it. Only the audit entry that it was deleted, and when, stays. Used by the retention job
 * (`privacy/retention-job.ts`), one case per transaction, so a job killed halfway leaves every
 * case either whole or gone and a rerun finishes the rest.
 */
import { getDb, type Db } from '../platform/db.ts';
import type { CaseContext } from '#lib/domain/cases/types.ts';
import { caseTransaction } from './case-transaction.ts';

/** Removes a case's rows, and its young person when they have no other case. */
export function removeCaseRows(db: Db, caseId: string, youngPersonId: string): void {
	db.prepare('DELETE FROM cases WHERE id = ?').run(caseId);
	db.prepare('DELETE FROM case_purposes WHERE case_id = ?').run(caseId);
	db.prepare(
		'DELETE FROM young_people WHERE id = ? AND NOT EXISTS (SELECT 1 FROM cases WHERE young_person_id = ?)'
	).run(youngPersonId, youngPersonId);
}

/**
 * Deletes one expired case in its own transaction, recorded as `delete` by `ctx` (the retention
 * job: no actor). Returns false when the case is already gone (a rerun after a crash).
 */
export function expireCase(ctx: CaseContext, caseId: string, reason: string): boolean {
	return caseTransaction(ctx, 'delete', (db) => {
		const row = db.prepare('SELECT org_id, young_person_id FROM cases WHERE id = ?').get(caseId) as
			{ org_id: string; young_person_id: string } | undefined;
		if (!row) return { result: false, caseId: null };
		removeCaseRows(db, caseId, row.young_person_id);
		return {
			result: true,
			caseId,
			detail: { orgId: row.org_id, youngPersonId: row.young_person_id, reason }
		};
	});
}

/**
 * The closed cases of `orgId` closed at or before `bound` (ms), oldest first: ids and closing
 * times only, for the retention job to judge. No access check and no audit entry: the job reads
 * no case content, and each deletion it then makes is recorded by `expireCase`.
 */
export function closedCasesUpTo(orgId: string, bound: number): { id: string; closedAt: number }[] {
	const rows = getDb()
		.prepare(
			`SELECT id, closed_at FROM cases
			 WHERE org_id = ? AND closed_at IS NOT NULL AND closed_at <= ? ORDER BY closed_at, id`
		)
		.all(orgId, bound) as { id: string; closed_at: number }[];
	return rows.map((row) => ({ id: row.id, closedAt: row.closed_at }));
}
