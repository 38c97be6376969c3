/**
 * The team lead's view of the staff's readiness: for every version of the municipality that was
 * rolled out, the self-check's aggregates per occasion (after the walkthrough, at the follow-up
 * meeting). Only aggregates of five or more leave the server (`aggregateSelfChecks`); never one
 * person's answers, nor who answered.
 *
 * Who may: whoever may read the organisation's statistics (`read-statistics`: its team leads,
 * org role `teamleder`, and its administrators), as both are aggregates that expose nobody.
 */
import { getDb } from '../platform/db.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { ForbiddenError } from '#lib/domain/errors.ts';
import type { SelfCheckAggregate } from '#lib/domain/rollout/index.ts';
import { versionSelfCheckAggregates } from './rollout-feedback.ts';

/** One rolled-out version and its readiness aggregates. */
export type ReadinessVersion = {
	publicationId: string;
	workshopTitle: string;
	versionNumber: number;
	operation: 'inOperation' | 'retired' | null;
	aggregates: SelfCheckAggregate[];
};

/** True when `actor` may see the readiness aggregates of the organisation (its team lead). */
export function mayReadReadiness(actor: Actor, orgId: string): boolean {
	return can(actor, 'read-statistics', { type: 'org', id: orgId });
}

/**
 * The organisation's rolled-out versions (newest first per workshop line) with their aggregates.
 * @throws ForbiddenError unless `actor` may read the organisation's readiness.
 */
export function readinessOverview(actor: Actor, orgId: string): ReadinessVersion[] {
	if (!mayReadReadiness(actor, orgId)) throw new ForbiddenError('org');
	const rows = getDb()
		.prepare(
			`SELECT p.id, p.number, w.title, o.since, o.retired_at
			 FROM publications p
			 JOIN workshops w ON w.id = p.workshop_id
			 LEFT JOIN publication_operation o ON o.publication_id = p.id
			 WHERE p.org_id = ? AND EXISTS (SELECT 1 FROM rollouts r WHERE r.publication_id = p.id)
			 ORDER BY w.title, w.id, p.number DESC`
		)
		.all(orgId) as {
		id: string;
		number: number;
		title: string;
		since: number | null;
		retired_at: number | null;
	}[];
	return rows.map((r) => ({
		publicationId: r.id,
		workshopTitle: r.title,
		versionNumber: r.number,
		operation: r.since === null ? null : r.retired_at === null ? 'inOperation' : 'retired',
		aggregates: versionSelfCheckAggregates(r.id)
	}));
}
