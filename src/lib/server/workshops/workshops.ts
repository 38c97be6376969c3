/**
 * Workshops (udviklingsforløb): creation with their documents, listing, members and phases.
 * Every function takes the actor and checks `can()` itself, so callers cannot forget to.
 */
import { getDb, transaction } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { ensureOrgMember } from '../accounts/accounts.ts';
import { notifyAccessChanged } from '../platform/access-events.ts';
import { templateProblems } from '../documents/documents-state.ts';
import { pauseDayLeft } from '../run/run-state-store.ts';
import {
	can,
	type Actor,
	type DocumentResource,
	type WorkshopResource
} from '#lib/domain/permissions.ts';
import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	ValidationError
} from '#lib/domain/errors.ts';
import {
	DOCUMENT_KINDS,
	isEnteringRollout,
	isLeavingTemplatePhase,
	THREE_DAY_FORMAT,
	type DocumentKind,
	type Phase,
	type WorkshopRole
} from '#lib/domain/workshop.ts';

export type WorkshopSummary = {
	id: string;
	orgId: string;
	orgName: string;
	title: string;
	phase: Phase;
	role: WorkshopRole | null;
	createdAt: number;
};
export type WorkshopMember = { userId: string; name: string; email: string; role: WorkshopRole };
export type WorkshopDocument = { id: string; kind: DocumentKind };
export type WorkshopDetail = WorkshopSummary & {
	format: typeof THREE_DAY_FORMAT;
	members: WorkshopMember[];
	documents: WorkshopDocument[];
};

type WorkshopRow = {
	id: string;
	org_id: string;
	org_name: string;
	title: string;
	phase: Phase;
	format_json: string;
	created_at: number;
};

const SELECT_WORKSHOP = `SELECT w.id, w.org_id, o.name AS org_name, w.title, w.phase, w.format_json, w.created_at
	FROM workshops w JOIN organisations o ON o.id = w.org_id`;

function resourceOf(row: Pick<WorkshopRow, 'id' | 'org_id' | 'phase'>): WorkshopResource {
	return { type: 'workshop', id: row.id, orgId: row.org_id, phase: row.phase };
}

function summary(actor: Actor, row: WorkshopRow): WorkshopSummary {
	return {
		id: row.id,
		orgId: row.org_id,
		orgName: row.org_name,
		title: row.title,
		phase: row.phase,
		role: actor.workshopRoles[row.id] ?? null,
		createdAt: row.created_at
	};
}

/** The workshops the actor may see: their own, plus every workshop of orgs they administer. */
export function listWorkshops(actor: Actor): WorkshopSummary[] {
	const rows = getDb()
		.prepare(`${SELECT_WORKSHOP} ORDER BY w.created_at DESC`)
		.all() as WorkshopRow[];
	return rows
		.filter((row) => can(actor, 'read', resourceOf(row)))
		.map((row) => summary(actor, row));
}

/**
 * The organisation a new workshop goes to when the request names none: the first (by name) where
 * the actor may create workshops, else the first they belong to (which then fails the check).
 */
export function defaultWorkshopOrgId(actor: Actor): string {
	const orgIds = Object.keys(actor.orgRoles);
	return orgIds.find((id) => can(actor, 'create-workshop', { type: 'org', id })) ?? orgIds[0] ?? '';
}

/**
 * Creates a workshop with its documents; the creator becomes its facilitator. Without an `orgId`
 * it goes to `defaultWorkshopOrgId(actor)`.
 * @throws ForbiddenError when the actor may not create workshops in the organisation.
 */
export function createWorkshop(
	actor: Actor,
	input: { orgId?: string; title: string }
): WorkshopSummary {
	const orgId = input.orgId ?? defaultWorkshopOrgId(actor);
	if (!can(actor, 'create-workshop', { type: 'org', id: orgId })) {
		throw new ForbiddenError('org');
	}
	const db = getDb();
	const id = newId();
	const now = Date.now();
	transaction(db, () => {
		db.prepare(
			`INSERT INTO workshops (id, org_id, title, format_json, phase, created_by, created_at)
			 VALUES (?, ?, ?, ?, 'format', ?, ?)`
		).run(id, orgId, input.title, JSON.stringify(THREE_DAY_FORMAT), actor.id, now);
		db.prepare(
			`INSERT INTO workshop_members (workshop_id, user_id, role, joined_at) VALUES (?, ?, 'facilitator', ?)`
		).run(id, actor.id, now);
		for (const kind of DOCUMENT_KINDS) {
			db.prepare(
				'INSERT INTO documents (id, workshop_id, kind, created_at) VALUES (?, ?, ?, ?)'
			).run(newId(), id, kind, now);
		}
	});
	const row = db.prepare(`${SELECT_WORKSHOP} WHERE w.id = ?`).get(id) as WorkshopRow;
	return summary({ ...actor, workshopRoles: { ...actor.workshopRoles, [id]: 'facilitator' } }, row);
}

function loadRow(workshopId: string): WorkshopRow | undefined {
	return getDb().prepare(`${SELECT_WORKSHOP} WHERE w.id = ?`).get(workshopId) as
		WorkshopRow | undefined;
}

/**
 * Loads the access-relevant facts of a workshop and checks `action` on it. A workshop the actor
 * may not even read is reported as not found, so ids of other municipalities leak nothing.
 * @throws NotFoundError, ForbiddenError.
 */
export function authorizeWorkshop(
	actor: Actor,
	workshopId: string,
	action: 'read' | 'write' | 'manage' | 'change-phase' | 'run' | 'vote' | 'comment' | 'publish'
): WorkshopResource {
	const row = loadRow(workshopId);
	if (!row) throw new NotFoundError('workshop');
	const resource = resourceOf(row);
	if (!can(actor, 'read', resource)) throw new NotFoundError('workshop');
	if (!can(actor, action, resource)) throw new ForbiddenError('workshop');
	return resource;
}

/**
 * The workshop with members and documents.
 * @throws NotFoundError when missing or invisible to the actor.
 */
export function getWorkshop(actor: Actor, workshopId: string): WorkshopDetail {
	authorizeWorkshop(actor, workshopId, 'read');
	const row = loadRow(workshopId) as WorkshopRow;
	const db = getDb();
	const members = db
		.prepare(
			`SELECT m.user_id AS userId, u.name, u.email, m.role FROM workshop_members m
			 JOIN users u ON u.id = m.user_id WHERE m.workshop_id = ?
			 ORDER BY CASE m.role WHEN 'facilitator' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, u.name`
		)
		.all(workshopId) as WorkshopMember[];
	const documents = db
		.prepare('SELECT id, kind FROM documents WHERE workshop_id = ? ORDER BY kind DESC')
		.all(workshopId) as WorkshopDocument[];
	return {
		...summary(actor, row),
		format: JSON.parse(row.format_json) as typeof THREE_DAY_FORMAT,
		members,
		documents
	};
}

/**
 * Adds or changes a person's role in a workshop (used by invitation acceptance).
 * Also makes them a member of the workshop's organisation.
 */
export function addWorkshopMember(workshopId: string, userId: string, role: WorkshopRole): void {
	const db = getDb();
	const row = loadRow(workshopId);
	if (!row) throw new NotFoundError('workshop');
	transaction(db, () => {
		ensureOrgMember(row.org_id, userId);
		db.prepare(
			`INSERT INTO workshop_members (workshop_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT(workshop_id, user_id) DO UPDATE SET role = excluded.role`
		).run(workshopId, userId, role, Date.now());
	});
	notifyAccessChanged({ workshopId, userId });
}

/**
 * Removes a person from a workshop. The last facilitator cannot be removed: a workshop always
 * has someone who can run it.
 * @throws NotFoundError, ForbiddenError, ValidationError.
 */
export function removeWorkshopMember(actor: Actor, workshopId: string, userId: string): void {
	authorizeWorkshop(actor, workshopId, 'manage');
	const db = getDb();
	transaction(db, () => {
		const member = db
			.prepare('SELECT role FROM workshop_members WHERE workshop_id = ? AND user_id = ?')
			.get(workshopId, userId) as { role: WorkshopRole } | undefined;
		if (!member) throw new NotFoundError('member');
		if (member.role === 'facilitator') {
			const { n } = db
				.prepare(
					`SELECT COUNT(*) AS n FROM workshop_members WHERE workshop_id = ? AND role = 'facilitator'`
				)
				.get(workshopId) as { n: number };
			if (n <= 1) throw new ValidationError('workshop.lastFacilitator');
		}
		db.prepare('DELETE FROM workshop_members WHERE workshop_id = ? AND user_id = ?').run(
			workshopId,
			userId
		);
	});
	notifyAccessChanged({ workshopId, userId });
}

/**
 * Moves a workshop to another phase. Closing Dag 1 locks the template for the work group, so it
 * is refused while the template (its current state in the collaboration store) has problems.
 * Going on to Dag 3 (or operation) needs a published version. Check and update run
 * synchronously, so no accepted edit can slip in between them. Run mode then runs the new phase's
 * day; the timer of the day left is paused with the move.
 * @throws NotFoundError, ForbiddenError, ConflictError `template_invalid` with every problem,
 * `no_publication` before the first version.
 */
export function changePhase(actor: Actor, workshopId: string, phase: Phase): void {
	const workshop = authorizeWorkshop(actor, workshopId, 'change-phase');
	if (workshop.phase === phase) return;
	if (isLeavingTemplatePhase(workshop.phase, phase)) {
		const problems = templateProblems(workshopId);
		if (problems.length > 0) {
			throw new ConflictError('template_invalid', 'phaseChange.templateInvalid', problems);
		}
	}
	if (isEnteringRollout(workshop.phase, phase) && !hasPublication(workshopId)) {
		throw new ConflictError('no_publication', 'phaseChange.noPublication');
	}
	const db = getDb();
	transaction(db, () => {
		db.prepare('UPDATE workshops SET phase = ? WHERE id = ?').run(phase, workshopId);
		pauseDayLeft(workshopId, workshop.phase, phase, Date.now());
	});
	notifyAccessChanged({ workshopId });
}

/** True when the workshop has published at least one version. */
function hasPublication(workshopId: string): boolean {
	return (
		getDb().prepare('SELECT 1 FROM publications WHERE workshop_id = ? LIMIT 1').get(workshopId) !==
		undefined
	);
}

/** Loads a document with its workshop for `can()`; null when the id is unknown. */
export function loadDocumentResource(documentId: string): DocumentResource | null {
	const row = getDb()
		.prepare(
			`SELECT d.id, d.kind, w.id AS workshop_id, w.org_id, w.phase FROM documents d
			 JOIN workshops w ON w.id = d.workshop_id WHERE d.id = ?`
		)
		.get(documentId) as
		| { id: string; kind: DocumentKind; workshop_id: string; org_id: string; phase: Phase }
		| undefined;
	if (!row) return null;
	return {
		type: 'document',
		id: row.id,
		kind: row.kind,
		workshop: { type: 'workshop', id: row.workshop_id, orgId: row.org_id, phase: row.phase }
	};
}
