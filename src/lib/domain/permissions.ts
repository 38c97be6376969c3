/**
 * The one place where access is decided. Every page load, form action, API route and the sync
 * socket call `can()`; nothing else compares roles.
 */
import {
	PHASES,
	type DocumentKind,
	type OrgRole,
	type Phase,
	type WorkshopRole
} from './workshop.ts';

/** What the server knows about the person making a request. */
export type Actor = {
	id: string;
	/** Organisation id → the person's role there. */
	orgRoles: Readonly<Record<string, OrgRole>>;
	/** Workshop id → the person's role there. */
	workshopRoles: Readonly<Record<string, WorkshopRole>>;
};

export type OrgResource = { type: 'org'; id: string };
export type WorkshopResource = { type: 'workshop'; id: string; orgId: string; phase: Phase };
export type DocumentResource = {
	type: 'document';
	id: string;
	kind: DocumentKind;
	workshop: WorkshopResource;
};
/** Who a case is assigned to, and as what. */
export type CaseStaffRole = 'jobkonsulent' | 'sagsbehandler';
/** A young person's case (forløb) in Drift, with the staff it is assigned to. */
export type CaseResource = {
	type: 'case';
	id: string;
	orgId: string;
	staff: readonly { userId: string; role: CaseStaffRole }[];
};
export type Resource = OrgResource | WorkshopResource | DocumentResource | CaseResource;

/**
 * - `read`: see the resource.
 * - `write`: change it (a document's content, a workshop's title).
 * - `manage`: org: users and roles; workshop: invitations and members.
 * - `create-workshop`: start a workshop in an organisation.
 * - `change-phase`: move a workshop between phases.
 * - `run`: run the day: agenda, timer and votes (run mode).
 * - `vote`: cast one's own dots in a workshop's vote (the work group and the facilitator).
 * - `comment`: write, answer and resolve comments on a workshop's documents (the same people).
 * - `publish`: publish the workshop's template and drejebog as a version, and open a new draft
 *   from the latest version (the facilitator). Reading versions is `read` on the organisation:
 *   everyone in the municipality may, staff included.
 * - `create-case`: start a case (forløb) in an organisation (a jobkonsulent or an administrator).
 * - `manage-links`: create and revoke a case's rating and signing links (its jobkonsulent).
 * - `close`: close a case (its jobkonsulent).
 * - `delete`: delete a case before its time (an administrator).
 * - `read-statistics`: the organisation's progression statistics, where no figure of fewer than
 *   five young people is shown (a teamleder or an administrator; no case is read).
 * - `access-export`: export everything the organisation holds about one young person, for their
 *   access request (indsigt, GDPR art. 15): the administrator only, never the case's own staff.
 */
export const ACTIONS = [
	'read',
	'write',
	'manage',
	'create-workshop',
	'change-phase',
	'run',
	'vote',
	'comment',
	'publish',
	'create-case',
	'manage-links',
	'close',
	'delete',
	'read-statistics',
	'access-export'
] as const;
export type Action = (typeof ACTIONS)[number];

/** True when `actor` may perform `action` on `resource`. Unknown combinations are refused. */
export function can(actor: Actor | null | undefined, action: Action, resource: Resource): boolean {
	if (!actor) return false;
	switch (resource.type) {
		case 'org':
			return canOnOrg(actor, action, resource);
		case 'workshop':
			return canOnWorkshop(actor, action, resource);
		case 'document':
			return canOnDocument(actor, action, resource);
		case 'case':
			return canOnCase(actor, action, resource);
	}
}

function canOnOrg(actor: Actor, action: Action, org: OrgResource): boolean {
	const role = actor.orgRoles[org.id];
	if (!role) return false;
	switch (action) {
		case 'read':
			return true;
		case 'manage':
			return role === 'admin';
		case 'create-workshop':
			return role === 'admin' || role === 'facilitator';
		case 'create-case':
			return role === 'admin' || role === 'jobkonsulent';
		case 'read-statistics':
			return role === 'admin' || role === 'teamleder';
		case 'access-export':
			return role === 'admin';
		default:
			return false;
	}
}

function isOrgAdmin(actor: Actor, orgId: string): boolean {
	return actor.orgRoles[orgId] === 'admin';
}

function canOnWorkshop(actor: Actor, action: Action, workshop: WorkshopResource): boolean {
	const role = actor.workshopRoles[workshop.id];
	const isAdmin = isOrgAdmin(actor, workshop.orgId);
	switch (action) {
		case 'read':
			return role !== undefined || isAdmin;
		case 'manage':
			return role === 'facilitator' || isAdmin;
		case 'write':
		case 'change-phase':
		case 'run':
		case 'publish':
			return role === 'facilitator';
		case 'vote':
		case 'comment':
			return role === 'facilitator' || role === 'member';
		default:
			return false;
	}
}

/**
 * Documents follow the journey: the work group writes the template on Dag 1 and the drejebog on
 * Dag 1-2; moving to Dag 2 locks the template for them. The facilitator can always edit, staff
 * and administrators only read.
 */
function canOnDocument(actor: Actor, action: Action, doc: DocumentResource): boolean {
	const role = actor.workshopRoles[doc.workshop.id];
	switch (action) {
		case 'read':
			return canOnWorkshop(actor, 'read', doc.workshop);
		case 'write':
			if (role === 'facilitator') return true;
			if (role !== 'member') return false;
			return memberMayEdit(doc.kind, doc.workshop.phase);
		default:
			return false;
	}
}

/**
 * A case holds personal data: only its assigned staff (while still in the organisation) and the
 * organisation's administrators see it. Assigned staff rate, record and sign (`write`); the
 * assigned jobkonsulent also sends links and closes; administrators read and delete, they do not
 * rate. Nobody else learns that the case exists.
 */
function canOnCase(actor: Actor, action: Action, c: CaseResource): boolean {
	const orgRole = actor.orgRoles[c.orgId];
	if (!orgRole) return false;
	const assigned = c.staff.find((s) => s.userId === actor.id);
	const isAdmin = orgRole === 'admin';
	switch (action) {
		case 'read':
			return assigned !== undefined || isAdmin;
		case 'write':
			return assigned !== undefined;
		case 'manage-links':
		case 'close':
			return assigned?.role === 'jobkonsulent';
		case 'delete':
			return isAdmin;
		default:
			return false;
	}
}

function memberMayEdit(kind: DocumentKind, phase: Phase): boolean {
	if (kind === 'template') return phase === 'format';
	return phase === 'format' || phase === 'drejebog';
}

/** Why someone may read a document but not change it: the workshop's phase, or their role. */
export type ReadOnlyReason = 'phase' | 'role';

/**
 * Why `actor` may not write `doc`, so a page can say it in words: `phase` when they could write
 * it in another phase of the workshop (a member once Dag 1 is over), `role` when never (staff,
 * administrators); null when they may write.
 */
export function readOnlyReason(
	actor: Actor | null | undefined,
	doc: DocumentResource
): ReadOnlyReason | null {
	if (can(actor, 'write', doc)) return null;
	const inSomePhase = PHASES.some((phase) =>
		can(actor, 'write', { ...doc, workshop: { ...doc.workshop, phase } })
	);
	return inSomePhase ? 'phase' : 'role';
}
