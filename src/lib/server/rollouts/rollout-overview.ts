/**
 * Dag 3 on a workshop: its published versions with, for each, whether it is in operation (or was
 * and is retired) and its open session, so the facilitator can start or continue a session and
 * staff can take the walkthrough of the version in operation.
 */
import { getDb } from '../platform/db.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';

export type RolloutVersionSummary = {
	id: string;
	number: number;
	note: string;
	publishedAt: number;
	/** `inOperation`, `retired`, or null when it never went into operation. */
	operation: 'inOperation' | 'retired' | null;
	openRolloutId: string | null;
	/** The session that put it into operation (self-paced walkthroughs join it). */
	operationRolloutId: string | null;
};

/** The workshop's versions, newest first, and whether `actor` may start sessions. */
export function listRolloutVersions(
	actor: Actor,
	workshopId: string
): { versions: RolloutVersionSummary[]; canPresent: boolean } {
	const workshop = authorizeWorkshop(actor, workshopId, 'read');
	const rows = getDb()
		.prepare(
			`SELECT p.id, p.number, p.note, p.published_at, o.retired_at, o.rollout_id AS operation_rollout,
				o.since, (SELECT r.id FROM rollouts r WHERE r.publication_id = p.id AND r.closed_at IS NULL) AS open_rollout
			 FROM publications p LEFT JOIN publication_operation o ON o.publication_id = p.id
			 WHERE p.workshop_id = ? ORDER BY p.number DESC`
		)
		.all(workshopId) as {
		id: string;
		number: number;
		note: string;
		published_at: number;
		retired_at: number | null;
		operation_rollout: string | null;
		since: number | null;
		open_rollout: string | null;
	}[];
	return {
		canPresent: can(actor, 'run', workshop),
		versions: rows.map((r) => ({
			id: r.id,
			number: r.number,
			note: r.note,
			publishedAt: r.published_at,
			operation: r.since === null ? null : r.retired_at === null ? 'inOperation' : 'retired',
			openRolloutId: r.open_rollout,
			operationRolloutId: r.operation_rollout
		}))
	};
}
