/**
 * The team lead (teamleder) reads the progression statistics of their municipality and no case;
 * the administrator reads the statistics too; nobody else does.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, can, type Actor, type CaseResource } from '#lib/domain/permissions.ts';
import type { OrgRole } from '#lib/domain/workshop.ts';

const actor = (role: OrgRole, org = 'X'): Actor => ({
	id: `${role}-${org}`,
	orgRoles: { [org]: role },
	workshopRoles: {}
});

const theCase: CaseResource = {
	type: 'case',
	id: 'c1',
	orgId: 'X',
	staff: [{ userId: 'k1', role: 'jobkonsulent' }]
};

describe('teamleder', () => {
	it('reads the statistics of their own municipality only', () => {
		expect(can(actor('teamleder'), 'read-statistics', { type: 'org', id: 'X' })).toBe(true);
		expect(can(actor('teamleder', 'Y'), 'read-statistics', { type: 'org', id: 'X' })).toBe(false);
		expect(can(actor('admin'), 'read-statistics', { type: 'org', id: 'X' })).toBe(true);
		for (const role of ['facilitator', 'member', 'jobkonsulent', 'sagsbehandler'] as const) {
			expect(can(actor(role), 'read-statistics', { type: 'org', id: 'X' }), role).toBe(false);
		}
	});

	it('may do nothing with a case', () => {
		for (const action of ACTIONS) {
			expect(can(actor('teamleder'), action, theCase), action).toBe(false);
		}
	});
});
