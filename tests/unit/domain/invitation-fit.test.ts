import { describe, expect, it } from 'vitest';
import { invitationFit, isSameEmail } from '#lib/domain/invitation-fit.ts';

describe('invitationFit', () => {
	const invitation = { email: 'jonas@kommune.dk', workshopOrgId: 'org-a' };

	it('lets the invited person in, with the email in any case and with spaces around it', () => {
		expect(invitationFit(invitation, { email: ' Jonas@Kommune.DK ', orgIds: ['org-a'] })).toBe(
			'ok'
		);
		expect(isSameEmail('JONAS@kommune.dk', 'jonas@KOMMUNE.dk  ')).toBe(true);
	});

	it('lets in an account that belongs to no municipality yet', () => {
		expect(invitationFit(invitation, { email: 'jonas@kommune.dk', orgIds: [] })).toBe('ok');
	});

	it('refuses anyone else, whatever their rights', () => {
		expect(invitationFit(invitation, { email: 'sara@kommune.dk', orgIds: ['org-a'] })).toBe(
			'wrongAccount'
		);
		expect(invitationFit(invitation, { email: 'jonas@kommune.dk.evil', orgIds: [] })).toBe(
			'wrongAccount'
		);
	});

	it('refuses an account of another municipality, even with the invited email', () => {
		expect(invitationFit(invitation, { email: 'jonas@kommune.dk', orgIds: ['org-b'] })).toBe(
			'otherOrganisation'
		);
		expect(
			invitationFit(invitation, { email: 'jonas@kommune.dk', orgIds: ['org-b', 'org-a'] })
		).toBe('ok');
	});
});
