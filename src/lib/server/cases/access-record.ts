/**
 * The one hook every read and write of a case passes: `caseTransaction` calls it inside the
 * transaction that does the work, so what it writes commits or rolls back with that work.
 * A no-op for now; the audit log (issue 14) fills it in.
 */
import type { Db } from '../platform/db.ts';
import type { CaseAccessAction, CaseContext } from '#lib/domain/cases/types.ts';

/** What one access did: the case (null for a list), the action and details worth keeping. */
export type CaseAccess = {
	caseId: string | null;
	action: CaseAccessAction;
	detail?: Record<string, unknown>;
};

/** Records one access to a case in the current transaction of `db`. */
export function recordCaseAccess(db: Db, ctx: CaseContext, access: CaseAccess): void {
	void db;
	void ctx;
	void access;
}
