/**
 * The audit log (issue 14): every request that accesses a case is one row in `audit_log`, written
 * in the same transaction as the change it records (`writeAuditEntry`, called by
 * cases/access-record.ts; a page request's reads as its response is ready, see
 * cases/case-transaction.ts), and searched by the organisation's administrator. The table refuses UPDATE and DELETE itself (migration 015).
 */
import type { DatabaseSync } from 'node:sqlite';
import { getDb } from '../platform/db.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { ForbiddenError, ValidationError } from '#lib/domain/errors.ts';
import {
	auditCsv,
	danishDayStart,
	nextDate,
	type AuditAction,
	type AuditEntry,
	type AuditQuery
} from '#lib/domain/privacy/audit.ts';
import type { CasePurpose, PurposeKind } from '#lib/domain/privacy/purposes.ts';

/** What one entry records; `role` is the person's organisation role then, or `link`/`system`. */
export type AuditEntryInput = {
	orgId: string;
	action: AuditAction;
	caseId: string | null;
	youngPersonId: string | null;
	userId: string | null;
	role: string;
	linkId: string | null;
	purpose: CasePurpose | null;
	requestId: string;
	detail?: string;
	at?: number;
};

/** Appends one entry. Runs on the caller's connection, inside the caller's transaction. */
export function writeAuditEntry(db: DatabaseSync, entry: AuditEntryInput): void {
	db.prepare(
		`INSERT INTO audit_log (org_id, at, actor_user_id, actor_role, link_id, case_id, young_person_id,
			action, purpose, purpose_text, request_id, detail)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	).run(
		entry.orgId,
		entry.at ?? Date.now(),
		entry.userId,
		entry.role,
		entry.linkId,
		entry.caseId,
		entry.youngPersonId,
		entry.action,
		entry.purpose?.kind ?? null,
		entry.purpose?.text ?? '',
		entry.requestId,
		entry.detail ?? ''
	);
}

/**
 * The organisation whose log `actor` may search: the one asked for, or the only one they
 * administer. @throws ForbiddenError for another municipality's log or a non-administrator.
 */
export function auditOrgFor(actor: Actor, requested: string | undefined): string {
	if (requested) {
		if (!can(actor, 'manage', { type: 'org', id: requested })) {
			throw new ForbiddenError('privacy.audit.otherOrg');
		}
		return requested;
	}
	const administered = Object.entries(actor.orgRoles)
		.filter(([, role]) => role === 'admin')
		.map(([id]) => id);
	if (administered.length === 0) throw new ForbiddenError('privacy.adminOnly');
	if (administered.length > 1) {
		throw new ValidationError('privacy.audit.whichOrg', { organisation: 'privacy.audit.whichOrg' });
	}
	return administered[0];
}

type Row = {
	id: number;
	at: number;
	case_id: string | null;
	young_person_id: string | null;
	action: AuditAction;
	actor_user_id: string | null;
	name: string | null;
	actor_role: string;
	link_id: string | null;
	purpose: PurposeKind | null;
	purpose_text: string;
	request_id: string;
	detail: string;
};

function toEntry(row: Row): AuditEntry {
	return {
		id: row.id,
		at: row.at,
		caseId: row.case_id,
		youngPersonId: row.young_person_id,
		action: row.action,
		actor: {
			userId: row.actor_user_id,
			name: row.name,
			role: row.actor_role,
			linkId: row.link_id
		},
		purpose: row.purpose,
		purposeText: row.purpose_text,
		requestId: row.request_id,
		detail: row.detail
	};
}

/** Most entries one search returns (the CSV has room for more). */
export const AUDIT_PAGE = 500;
const AUDIT_CSV_MAX = 100_000;

/** Entries of one organisation matching `query`, newest first. Not authorized: callers are. */
export function queryAudit(orgId: string, query: AuditQuery, limit: number): AuditEntry[] {
	const where = ['a.org_id = ?'];
	const args: (string | number)[] = [orgId];
	if (query.case) {
		where.push('a.case_id = ?');
		args.push(query.case);
	}
	if (query.person) {
		where.push('a.actor_user_id = ?');
		args.push(query.person);
	}
	if (query.youngPerson) {
		where.push('a.young_person_id = ?');
		args.push(query.youngPerson);
	}
	if (query.from) {
		where.push('a.at >= ?');
		args.push(danishDayStart(query.from));
	}
	if (query.to) {
		where.push('a.at < ?');
		args.push(danishDayStart(nextDate(query.to)));
	}
	const rows = getDb()
		.prepare(
			`SELECT a.id, a.at, a.case_id, a.young_person_id, a.action, a.actor_user_id, u.name,
				a.actor_role, a.link_id, a.purpose, a.purpose_text, a.request_id, a.detail
			 FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
			 WHERE ${where.join(' AND ')} ORDER BY a.at DESC, a.id DESC LIMIT ?`
		)
		.all(...args, limit) as Row[];
	return rows.map(toEntry);
}

/** The administrator's search of their organisation's log (newest first, at most AUDIT_PAGE). */
export function searchAudit(
	actor: Actor,
	query: AuditQuery
): { orgId: string; entries: AuditEntry[] } {
	const orgId = auditOrgFor(actor, query.organisation);
	return { orgId, entries: queryAudit(orgId, query, AUDIT_PAGE) };
}

/** The same search as CSV, every matching entry (up to 100,000). */
export function searchAuditCsv(actor: Actor, query: AuditQuery): string {
	const orgId = auditOrgFor(actor, query.organisation);
	return auditCsv(queryAudit(orgId, query, AUDIT_CSV_MAX));
}
