/**
 * The one hook every read and write of a case passes: `caseTransaction` calls it inside the
 * transaction that does the work, so what it writes commits or rolls back with that work.
 * It writes the audit log (issue 14, `privacy/audit-log.ts`) and refuses, by throwing and so
 * rolling the work back, a person's access to a case without a stated purpose.
 */
import type { Db } from '../platform/db.ts';
import type { CaseAccessAction, CaseContext, GatheredAccess } from '#lib/domain/cases/types.ts';
import type { AuditAction } from '#lib/domain/privacy/audit.ts';
import { PurposeRequiredError } from '#lib/domain/errors.ts';
import { writeAuditEntry } from '../privacy/audit-log.ts';

/**
 * What one access did: the case (null for a list), the action and details worth keeping. The
 * detail is kept in the entry as JSON; `orgId` and `youngPersonId` are taken out and used when
 * the case row is gone by the time the access is recorded (a deletion passes them).
 */
export type CaseAccess = GatheredAccess;

/** The seven actions; the cases module's finer action is kept in the detail. */
const AUDIT_ACTION: Record<CaseAccessAction, AuditAction> = {
	list: 'read',
	read: 'read',
	create: 'change',
	update: 'change',
	rate: 'change',
	export: 'export',
	'link-create': 'link-create',
	'link-revoke': 'change',
	'link-open': 'read',
	'link-use': 'link-use',
	sign: 'sign',
	close: 'change',
	delete: 'delete'
};

/**
 * A person's reads of a case's data need a stated purpose (the API answers 428 without one);
 * changes record the purpose when one is given.
 */
const NEEDS_PURPOSE = new Set<CaseAccessAction>(['read', 'export']);

/**
 * Refuses a person's read or export without a stated purpose; checked when the access happens,
 * also when its entry is written later (a page request's held read).
 * @throws PurposeRequiredError
 */
export function requirePurposeFor(ctx: CaseContext, action: CaseAccessAction): void {
	const isPerson = ctx.actor !== undefined && ctx.link === undefined;
	if (isPerson && !ctx.purpose && NEEDS_PURPOSE.has(action)) {
		throw new PurposeRequiredError();
	}
}

/** Records one access to a case in the current transaction of `db`. @throws PurposeRequiredError */
export function recordCaseAccess(db: Db, ctx: CaseContext, access: CaseAccess): void {
	const { orgId: givenOrg, youngPersonId: givenPerson, ...rest } = access.detail ?? {};
	const row = access.caseId
		? (db.prepare('SELECT org_id, young_person_id FROM cases WHERE id = ?').get(access.caseId) as
				{ org_id: string; young_person_id: string } | undefined)
		: undefined;
	const orgId = row?.org_id ?? (typeof givenOrg === 'string' ? givenOrg : actorOrg(ctx));
	if (!orgId) return; // a person in no municipality listed nothing
	requirePurposeFor(ctx, access.action);
	const detail = Object.keys(rest).length
		? `${access.action} ${JSON.stringify(rest)}`
		: access.action;
	writeAuditEntry(db, {
		orgId,
		action: AUDIT_ACTION[access.action],
		caseId: access.caseId,
		youngPersonId: row?.young_person_id ?? (typeof givenPerson === 'string' ? givenPerson : null),
		userId: ctx.actor?.id ?? null,
		role: ctx.link ? 'link' : ctx.actor ? (ctx.actor.orgRoles[orgId] ?? 'none') : 'system',
		linkId: ctx.link?.id ?? null,
		purpose: ctx.purpose ? { kind: ctx.purpose.kind, text: ctx.purpose.text ?? '' } : null,
		requestId: ctx.requestId,
		detail
	});
}

/** The municipality a list of cases belongs to: the actor's one with a case role or admin. */
function actorOrg(ctx: CaseContext): string | undefined {
	const roles = Object.entries(ctx.actor?.orgRoles ?? {});
	const caseRoles = new Set(['admin', 'jobkonsulent', 'sagsbehandler']);
	return (roles.find(([, role]) => caseRoles.has(role)) ?? roles[0])?.[0];
}
