/**
 * Reading a test server's audit log (issue 14) read-only: the newest entry's id before a request,
 * and the entries added after it, for the "one entry per request" tests.
 */
import { openDataDir } from './collab-server.ts';
import type { AuditAction } from '#lib/domain/privacy/audit.ts';

/** One `audit_log` row as stored. */
export type AuditRow = {
	id: number;
	action: AuditAction;
	case_id: string | null;
	young_person_id: string | null;
	actor_user_id: string | null;
	actor_role: string;
	link_id: string | null;
	purpose: string | null;
	purpose_text: string;
	request_id: string;
	detail: string;
};

/** The entries after `id`, oldest first. */
export function auditRowsAfter(dataDir: string, id: number): AuditRow[] {
	const db = openDataDir(dataDir);
	try {
		return db
			.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id')
			.all(id) as unknown as AuditRow[];
	} finally {
		db.close();
	}
}

/** The newest entry's id (0 for none). */
export function lastAuditId(dataDir: string): number {
	const db = openDataDir(dataDir);
	try {
		return (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM audit_log').get() as { n: number }).n;
	} finally {
		db.close();
	}
}
