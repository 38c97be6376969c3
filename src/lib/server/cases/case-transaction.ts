/**
 * The one way the cases module touches the database: `caseTransaction` runs the work and records
 * its access (`recordCaseAccess`) in one transaction, so an audit entry exists exactly when the
 * change it describes does. Internal to `src/lib/server/cases/`.
 */
import { getDb, transaction, type Db } from '../platform/db.ts';
import type { CaseAccessAction, CaseContext } from '#lib/domain/cases/types.ts';
import { recordCaseAccess } from './access-record.ts';

/** What the work returns: its result and the case it touched (null for a list). */
export type CaseWork<T> = { result: T; caseId: string | null; detail?: Record<string, unknown> };

/**
 * Runs `work` in one transaction and records the access `action` on the case it names. When the
 * work throws (a refusal, a validation error), nothing is stored and nothing is recorded.
 */
export function caseTransaction<T>(
	ctx: CaseContext,
	action: CaseAccessAction,
	work: (db: Db) => CaseWork<T>
): T {
	const db = getDb();
	return transaction(db, () => {
		const done = work(db);
		recordCaseAccess(db, ctx, { caseId: done.caseId, action, detail: done.detail });
		return done.result;
	});
}

/**
 * `caseTransaction` for work on several cases at once (a young person's access export): one
 * access entry per case in `caseIds`, or a single one without a case when there is none (its
 * `detail` then names `orgId` and `youngPersonId`).
 */
export function casesTransaction<T>(
	ctx: CaseContext,
	action: CaseAccessAction,
	work: (db: Db) => { result: T; caseIds: string[]; detail?: Record<string, unknown> }
): T {
	const db = getDb();
	return transaction(db, () => {
		const done = work(db);
		const caseIds = done.caseIds.length > 0 ? done.caseIds : [null];
		for (const caseId of caseIds) {
			recordCaseAccess(db, ctx, { caseId, action, detail: done.detail });
		}
		return done.result;
	});
}
