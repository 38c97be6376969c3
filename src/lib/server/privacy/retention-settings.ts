/**
 * The organisation's retention period for closed cases (issue 14): read by the retention job and
 * the settings page, changed by the administrator.
 */
import { getDb } from '../platform/db.ts';
import { log } from '../platform/log.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { ForbiddenError } from '#lib/domain/errors.ts';
import { DEFAULT_RETENTION_MONTHS } from '#lib/domain/privacy/retention.ts';

/** Months closed cases are kept in `orgId` (the default when the organisation is unknown). */
export function retentionMonths(orgId: string): number {
	const row = getDb()
		.prepare('SELECT retention_months AS months FROM organisations WHERE id = ?')
		.get(orgId) as { months: number } | undefined;
	return row?.months ?? DEFAULT_RETENTION_MONTHS;
}

/** Sets the period (already validated 1..120). @throws ForbiddenError unless administrator. */
export function setRetentionMonths(actor: Actor, orgId: string, months: number): void {
	// Another municipality's administrator is refused like anyone else who is not this one's.
	if (!can(actor, 'manage', { type: 'org', id: orgId })) {
		throw new ForbiddenError('privacy.adminOnly');
	}
	getDb().prepare('UPDATE organisations SET retention_months = ? WHERE id = ?').run(months, orgId);
	log.info({ orgId, months, by: actor.id }, 'retention period changed');
}
