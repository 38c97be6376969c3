/**
 * Who may use an invitation link: only the person it was sent to. The link is a bearer token that
 * can be forwarded, copied from a shared screen or guessed from a chat, so holding it proves
 * nothing; the signed-in account's email must be the invited one. An account that already belongs
 * to another municipality never joins through a link, whatever its email.
 */

/** Whether a signed-in account may accept an invitation, and if not, why. */
export type InvitationFit = 'ok' | 'wrongAccount' | 'otherOrganisation';

/** Emails compared as the schemas store them: trimmed, case-insensitive. */
export function isSameEmail(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Decides whether `account` may accept an invitation sent to `invitedEmail` for a workshop of the
 * organisation `workshopOrgId`. An account in no organisation yet (its first invitation, or
 * removed from its municipality and invited back) may join.
 */
export function invitationFit(
	invitation: { email: string; workshopOrgId: string },
	account: { email: string; orgIds: readonly string[] }
): InvitationFit {
	if (!isSameEmail(invitation.email, account.email)) return 'wrongAccount';
	const isOtherOrg =
		account.orgIds.length > 0 && !account.orgIds.includes(invitation.workshopOrgId);
	return isOtherOrg ? 'otherOrganisation' : 'ok';
}
