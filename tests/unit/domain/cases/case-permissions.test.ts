/**
 * Who may do what on a case (Drift): its assigned staff and the municipality's administrators
 * only; nobody else, whatever their role in workshops.
 */
import { describe, expect, it } from 'vitest';
import { can, type Action, type Actor, type CaseResource } from '#lib/domain/permissions.ts';

const konsulent: Actor = { id: 'k1', orgRoles: { X: 'jobkonsulent' }, workshopRoles: {} };
const otherKonsulent: Actor = { id: 'k2', orgRoles: { X: 'jobkonsulent' }, workshopRoles: {} };
const sagsbehandler: Actor = { id: 's1', orgRoles: { X: 'sagsbehandler' }, workshopRoles: {} };
const admin: Actor = { id: 'a1', orgRoles: { X: 'admin' }, workshopRoles: {} };
const adminY: Actor = { id: 'a2', orgRoles: { Y: 'admin' }, workshopRoles: {} };
const facilitator: Actor = {
	id: 'f1',
	orgRoles: { X: 'facilitator' },
	workshopRoles: { W: 'facilitator' }
};
const staff: Actor = { id: 'st', orgRoles: { X: 'member' }, workshopRoles: { W: 'staff' } };
/** Assigned once, but no longer in the municipality. */
const leftOrg: Actor = { id: 'k3', orgRoles: {}, workshopRoles: {} };

const theCase: CaseResource = {
	type: 'case',
	id: 'c1',
	orgId: 'X',
	staff: [
		{ userId: 'k1', role: 'jobkonsulent' },
		{ userId: 's1', role: 'sagsbehandler' },
		{ userId: 'k3', role: 'jobkonsulent' }
	]
};

const ACTIONS: Action[] = ['read', 'write', 'manage-links', 'close', 'delete', 'manage', 'publish'];

function allowed(actor: Actor): Action[] {
	return ACTIONS.filter((action) => can(actor, action, theCase));
}

describe('case permissions', () => {
	it('its jobkonsulent reads, writes, sends links and closes, but does not delete', () => {
		expect(allowed(konsulent)).toEqual(['read', 'write', 'manage-links', 'close']);
	});
	it('its sagsbehandler reads and writes (ratings, signature) only', () => {
		expect(allowed(sagsbehandler)).toEqual(['read', 'write']);
	});
	it('the administrator reads and deletes, and does not rate', () => {
		expect(allowed(admin)).toEqual(['read', 'delete']);
	});
	it('another consultant, a facilitator, staff, another municipality and former staff get nothing', () => {
		for (const actor of [otherKonsulent, facilitator, staff, adminY, leftOrg]) {
			expect(allowed(actor)).toEqual([]);
		}
		expect(can(null, 'read', theCase)).toBe(false);
	});
	it('jobkonsulenter and administrators start cases in their own municipality only', () => {
		const org = { type: 'org', id: 'X' } as const;
		expect(can(konsulent, 'create-case', org)).toBe(true);
		expect(can(admin, 'create-case', org)).toBe(true);
		expect(can(sagsbehandler, 'create-case', org)).toBe(false);
		expect(can(facilitator, 'create-case', org)).toBe(false);
		expect(can(adminY, 'create-case', org)).toBe(false);
	});
});
