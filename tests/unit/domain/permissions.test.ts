import { describe, expect, it } from 'vitest';
import { can, type Actor, type WorkshopResource } from '#lib/domain/permissions.ts';

const workshopA: WorkshopResource = { type: 'workshop', id: 'wA', orgId: 'X', phase: 'format' };
const workshopB: WorkshopResource = { type: 'workshop', id: 'wB', orgId: 'X', phase: 'format' };
const memberOfA: Actor = { id: 'u1', orgRoles: { X: 'member' }, workshopRoles: { wA: 'member' } };

describe('can', () => {
	it('refuses a missing actor everything', () => {
		expect(can(null, 'read', workshopA)).toBe(false);
	});

	it('lets a member of workshop A see A but not B', () => {
		expect(can(memberOfA, 'read', workshopA)).toBe(true);
		expect(can(memberOfA, 'read', workshopB)).toBe(false);
	});
});
