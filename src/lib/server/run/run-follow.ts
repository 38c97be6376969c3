/**
 * "Follow me" on the server: the place of the workshop's template or drejebog the facilitator
 * points at, stored in `run_follow` (migration 004) beside the run state. Everyone who may read the
 * workshop sees it (it is part of the run view); only those who may `run` the workshop (the
 * facilitator) set or clear it. Every change is announced on the run-event bus.
 */
import { getDb } from '../platform/db.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { publishRunChange } from './run-events.ts';
import { followableOf, workshopDocumentKind } from './run-documents.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '#lib/domain/errors.ts';
import type { FollowKind, SetFollowInput } from '#lib/domain/follow.ts';
import type { Actor } from '#lib/domain/permissions.ts';

/** The current follow target as everyone in the workshop sees it. */
export type FollowTargetView = {
	documentId: string;
	elementId: string;
	kind: FollowKind;
	/** The element's text when it was pointed at; for a section, the section's name. */
	label: string;
	/** Who pointed (null once that account is deleted). */
	setByName: string | null;
	setAt: string;
};

type FollowRow = {
	document_id: string;
	element_id: string;
	element_kind: FollowKind;
	element_label: string;
	set_by_name: string | null;
	set_at: number;
};

/**
 * The stored follow target of a workshop, or null. No access check: for callers that have
 * already authorized the actor to read the workshop (the run view).
 */
export function loadFollowTarget(workshopId: string): FollowTargetView | null {
	const row = getDb()
		.prepare(
			`SELECT f.document_id, f.element_id, f.element_kind, f.element_label, u.name AS set_by_name,
			   f.set_at
			 FROM run_follow f LEFT JOIN users u ON u.id = f.set_by WHERE f.workshop_id = ?`
		)
		.get(workshopId) as FollowRow | undefined;
	if (!row) return null;
	return {
		documentId: row.document_id,
		elementId: row.element_id,
		kind: row.element_kind,
		label: row.element_label,
		setByName: row.set_by_name,
		setAt: new Date(row.set_at).toISOString()
	};
}

/** Refuses anyone who may not run the workshop, saying what only the facilitator may do. */
function authorizeLead(actor: Actor, workshopId: string): void {
	try {
		authorizeWorkshop(actor, workshopId, 'run');
	} catch (error) {
		if (error instanceof ForbiddenError) throw new ForbiddenError('follow.error.forbidden');
		throw error;
	}
}

/**
 * Points everyone at an element of the workshop's template or drejebog (facilitators only). The
 * element must exist in the document as the collaboration server has stored it.
 * @throws NotFoundError (workshop, or a document that is not this workshop's), ForbiddenError,
 * ValidationError `follow.error.unknownElement`.
 */
export function setFollowTarget(
	actor: Actor,
	workshopId: string,
	input: SetFollowInput
): FollowTargetView {
	authorizeLead(actor, workshopId);
	const db = getDb();
	const kind = workshopDocumentKind(workshopId, input.documentId);
	if (!kind) throw new NotFoundError('follow.error.unknownDocument');
	const element = followableOf(input.documentId, kind).find((e) => e.id === input.elementId);
	if (!element) {
		throw new ValidationError('follow.error.unknownElement', {
			elementId: 'follow.error.unknownElement'
		});
	}
	db.prepare(
		`INSERT INTO run_follow (workshop_id, document_id, element_id, element_kind, element_label, set_by, set_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT(workshop_id) DO UPDATE SET document_id = excluded.document_id,
		   element_id = excluded.element_id, element_kind = excluded.element_kind,
		   element_label = excluded.element_label, set_by = excluded.set_by, set_at = excluded.set_at`
	).run(
		workshopId,
		input.documentId,
		element.id,
		element.kind,
		element.label,
		actor.id,
		Date.now()
	);
	publishRunChange(workshopId, 'follow');
	return loadFollowTarget(workshopId) as FollowTargetView;
}

/**
 * Stops leading: participants stay where they are (facilitators only). Clearing when nothing is
 * set is allowed and changes nothing.
 * @throws NotFoundError, ForbiddenError.
 */
export function clearFollowTarget(actor: Actor, workshopId: string): void {
	authorizeLead(actor, workshopId);
	const result = getDb().prepare('DELETE FROM run_follow WHERE workshop_id = ?').run(workshopId);
	if (Number(result.changes) > 0) publishRunChange(workshopId, 'follow');
}
