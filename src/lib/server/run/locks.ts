/**
 * Locks on parts of a template document (issue 5) and of a drejebog (issue 11: a stage with its
 * steps, "CV og Min Plan", "Hurtig reaktion"). Locking is part of running the day, so the
 * facilitator's `run` permission is what it takes to lock or unlock; everyone who may read the
 * workshop may see the locks. The collaboration server enforces them on every update a person
 * without `run` sends (`lockedTargets`, read from here at check time, so a change of lock needs
 * no cache invalidation: node:sqlite is synchronous and in this process). Every change is
 * announced on the run-event stream (`lock`, with the document), which is how open editors learn
 * of it.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { getDb } from '../platform/db.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { loadDrejebog, loadTemplate } from '../documents/documents-state.ts';
import { publishRunChange } from './run-events.ts';
import { workshopDocumentKind } from './run-documents.ts';
import { can, type Actor, type WorkshopResource } from '#lib/domain/permissions.ts';
import { NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import {
	DOCUMENT_LOCK_KINDS,
	lockedContent,
	lockKindsOf,
	lockTargetSchema,
	type LockKind,
	type LockTarget
} from '#lib/domain/template/locks.ts';
import { lockedDrejebogContent } from '#lib/domain/drejebog/locks.ts';
import type { DocumentKind } from '#lib/domain/workshop.ts';

/** The lock target named by a route's `kind` and `targetId`. @throws ValidationError. */
export function parseLockTarget(params: { kind: string; targetId: string }): LockTarget {
	const parsed = lockTargetSchema.safeParse(params);
	if (parsed.success) return parsed.data;
	const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
	throw new ValidationError(parsed.error.issues[0].message, fields);
}

/** One lock as the API shows it. */
export type LockView = LockTarget & { lockedByName: string | null; lockedAt: string };

/** The locks of a document, and whether the requester may change them. */
export type LocksView = { locks: LockView[]; canChange: boolean };

type LockRow = {
	kind: LockKind;
	target_id: string;
	locked_by_name: string | null;
	locked_at: number;
};

/** The kind of document `documentId` of workshop `workshopId`. @throws NotFoundError. */
function requireDocument(workshopId: string, documentId: string): DocumentKind {
	const kind = workshopDocumentKind(workshopId, documentId);
	if (!kind) throw new NotFoundError('document');
	return kind;
}

/** True when `target` names a part of the stored document (of `kind`) that can be locked. */
function targetExists(documentId: string, kind: DocumentKind, target: LockTarget): boolean {
	if (!lockKindsOf(kind).includes(target.kind)) return false;
	if (DOCUMENT_LOCK_KINDS.includes(target.kind)) return target.targetId === documentId;
	return kind === 'template'
		? lockedContent(loadTemplate(documentId), target) !== null
		: lockedDrejebogContent(loadDrejebog(documentId), target) !== null;
}

/** One prepared statement per database handle: the sync server asks on every member's update. */
const lockedTargetsQueries = new WeakMap<DatabaseSync, StatementSync>();

function lockedTargetsQuery(): StatementSync {
	const db = getDb();
	let query = lockedTargetsQueries.get(db);
	if (!query) {
		query = db.prepare('SELECT kind, target_id FROM document_locks WHERE document_id = ?');
		lockedTargetsQueries.set(db, query);
	}
	return query;
}

/**
 * Every lock of a document, for the collaboration server's check. Returns an empty list for
 * documents without locks (most of them), which is what skips the check.
 */
export function lockedTargets(documentId: string): LockTarget[] {
	const rows = lockedTargetsQuery().all(documentId) as { kind: LockKind; target_id: string }[];
	return rows.map((row) => ({ kind: row.kind, targetId: row.target_id }));
}

function locksView(actor: Actor, workshop: WorkshopResource, documentId: string): LocksView {
	const rows = getDb()
		.prepare(
			`SELECT l.kind, l.target_id, u.name AS locked_by_name, l.locked_at
			 FROM document_locks l LEFT JOIN users u ON u.id = l.locked_by
			 WHERE l.document_id = ? ORDER BY l.locked_at, l.rowid`
		)
		.all(documentId) as LockRow[];
	return {
		locks: rows.map((row) => ({
			kind: row.kind,
			targetId: row.target_id,
			lockedByName: row.locked_by_name,
			lockedAt: new Date(row.locked_at).toISOString()
		})),
		canChange: can(actor, 'run', workshop)
	};
}

/** The locks of a template or drejebog document. @throws NotFoundError (workshop, document). */
export function listLocks(actor: Actor, workshopId: string, documentId: string): LocksView {
	const workshop = authorizeWorkshop(actor, workshopId, 'read');
	requireDocument(workshopId, documentId);
	return locksView(actor, workshop, documentId);
}

/**
 * Locks a part of the template or drejebog (the facilitator); locking a locked part changes
 * nothing.
 * @throws NotFoundError (workshop, document), ForbiddenError (not the facilitator),
 * ValidationError `locks.error.unknownTarget` when the part is not in the stored document (a
 * drejebog's kind on a template, and the other way round, included).
 */
export function lockTarget(
	actor: Actor,
	workshopId: string,
	documentId: string,
	target: LockTarget
): LocksView {
	const workshop = authorizeWorkshop(actor, workshopId, 'run');
	const kind = requireDocument(workshopId, documentId);
	if (!targetExists(documentId, kind, target)) {
		const key = kind === 'drejebog' ? 'runDays.locks.unknownTarget' : 'locks.error.unknownTarget';
		throw new ValidationError(key, { targetId: key });
	}
	getDb()
		.prepare(
			`INSERT INTO document_locks (document_id, kind, target_id, locked_by, locked_at)
			 VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
		)
		.run(documentId, target.kind, target.targetId, actor.id, Date.now());
	publishRunChange(workshopId, 'lock', documentId);
	return locksView(actor, workshop, documentId);
}

/**
 * Unlocks a part (the facilitator); unlocking a part that is not locked changes nothing, so a
 * lock on a part that has since been deleted can always be removed.
 * @throws NotFoundError (workshop, document), ForbiddenError (not the facilitator).
 */
export function unlockTarget(
	actor: Actor,
	workshopId: string,
	documentId: string,
	target: LockTarget
): LocksView {
	const workshop = authorizeWorkshop(actor, workshopId, 'run');
	requireDocument(workshopId, documentId);
	const result = getDb()
		.prepare('DELETE FROM document_locks WHERE document_id = ? AND kind = ? AND target_id = ?')
		.run(documentId, target.kind, target.targetId);
	if (Number(result.changes) > 0) publishRunChange(workshopId, 'lock', documentId);
	return locksView(actor, workshop, documentId);
}
