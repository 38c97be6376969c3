/**
 * The one way the cases module touches the database: `caseTransaction` runs the work and records
 * its access (`recordCaseAccess`) in one transaction, so an audit entry exists exactly when the
 * change it describes does. Internal to `src/lib/server/cases/`.
 *
 * One entry per HTTP request (issue 14, docs/architecture.md "Audit log"): a page request's
 * context carries its `RequestAudit`. Its reads (which change nothing) are held there and written
 * by `writeHeldReads` when the response is ready, unless the request recorded a change, whose
 * entry then stands for the whole request (a form post that read the case to check the form, or
 * rendered the page again after storing it). A form that stores several things runs them in
 * `formTransaction`: one transaction, one entry naming all of them.
 */
import { getDb, transaction, type Db } from '../platform/db.ts';
import type {
	CaseAccessAction,
	CaseContext,
	GatheredAccess,
	RequestAudit
} from '#lib/domain/cases/types.ts';
import { recordCaseAccess, requirePurposeFor, type CaseAccess } from './access-record.ts';

/** What the work returns: its result and the case it touched (null for a list). */
export type CaseWork<T> = { result: T; caseId: string | null; detail?: Record<string, unknown> };

/** Accesses that only read: held by a page request until its end. */
const READS = new Set<CaseAccessAction>(['list', 'read', 'link-open']);

/**
 * Notes one access inside the current transaction: gathered for a whole-form entry, held as a
 * page request's read, or written now. Returns true when it wrote a change's entry.
 */
function noteAccess(db: Db, ctx: CaseContext, access: CaseAccess): boolean {
	if (ctx.gather) {
		requirePurposeFor(ctx, access.action);
		ctx.gather.push(access);
		return false;
	}
	if (ctx.audit && READS.has(access.action)) {
		requirePurposeFor(ctx, access.action);
		ctx.audit.reads.push({ ctx: { ...ctx, audit: undefined }, access });
		return false;
	}
	recordCaseAccess(db, ctx, access);
	return true;
}

/** Marks the request as changed once the transaction that recorded the change has committed. */
function committed<T>(ctx: CaseContext, wrote: boolean, result: T): T {
	if (wrote && ctx.audit) ctx.audit.changed = true;
	return result;
}

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
	let wrote = false;
	const result = transaction(db, () => {
		const done = work(db);
		wrote = noteAccess(db, ctx, { caseId: done.caseId, action, detail: done.detail });
		return done.result;
	});
	return committed(ctx, wrote, result);
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
	let wrote = false;
	const result = transaction(db, () => {
		const done = work(db);
		const caseIds = done.caseIds.length > 0 ? done.caseIds : [null];
		for (const caseId of caseIds) {
			wrote = noteAccess(db, ctx, { caseId, action, detail: done.detail }) || wrote;
		}
		return done.result;
	});
	return committed(ctx, wrote, result);
}

/**
 * Runs several of the module's writes (`run`, given a context that gathers their accesses) as
 * one form: one transaction, and one entry `action` on the case they touched (`caseId`, or the
 * first one gathered) whose detail `describe` makes from what was gathered. A refusal of any write
 * stores nothing; a form that stored nothing records nothing.
 */
export function formTransaction<T>(
	ctx: CaseContext,
	caseId: string | null,
	action: CaseAccessAction,
	run: (inner: CaseContext) => T,
	describe: (gathered: GatheredAccess[]) => Record<string, unknown>
): T {
	const db = getDb();
	const gathered: GatheredAccess[] = [];
	let wrote = false;
	const result = transaction(db, () => {
		const done = run({ ...ctx, audit: undefined, gather: gathered });
		const touched = caseId ?? gathered.find((g) => g.caseId !== null)?.caseId ?? null;
		if (gathered.length > 0) {
			wrote = noteAccess(db, ctx, { caseId: touched, action, detail: describe(gathered) });
		}
		return done;
	});
	return committed(ctx, wrote, result);
}

/** A new, empty audit for one page request (`locals.audit`). */
export function newRequestAudit(): RequestAudit {
	return { reads: [], changed: false };
}

/**
 * Writes a page request's held reads, once per case (or list), in one transaction: called when
 * the response is ready and before it leaves. A request that recorded a change writes none: its
 * change's entry stands for it.
 */
export function writeHeldReads(audit: RequestAudit): void {
	const reads = audit.reads.splice(0);
	if (audit.changed || reads.length === 0) return;
	const db = getDb();
	const seen = new Set<string>();
	transaction(db, () => {
		for (const { ctx, access } of reads) {
			const key = `${access.action} ${access.caseId}`;
			if (seen.has(key)) continue;
			seen.add(key);
			recordCaseAccess(db, ctx, access);
		}
	});
}
