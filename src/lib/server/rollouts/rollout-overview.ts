/**
 * Dag 3 on a workshop: its published versions with, for each, whether it is in operation (or was
 * and is retired) and its open session, so the facilitator can start or continue a session and
 * staff can take the walkthrough of the version in operation.
 */
import { getDb } from '../platform/db.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import type { Phase } from '#lib/domain/workshop.ts';

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

/**
 * Dag 3 for one version on its page (everyone who may read the version): in operation or not,
 * its open session, and whether `actor` may start one (the workshop's facilitator).
 */
export function versionRolloutState(
	actor: Actor,
	version: { id: string; workshopId: string; orgId: string }
): {
	version: Pick<RolloutVersionSummary, 'id' | 'operation' | 'openRolloutId' | 'operationRolloutId'>;
	canPresent: boolean;
} {
	const db = getDb();
	const workshop = db
		.prepare('SELECT phase FROM workshops WHERE id = ?')
		.get(version.workshopId) as { phase: Phase } | undefined;
	const operation = db
		.prepare('SELECT rollout_id, retired_at FROM publication_operation WHERE publication_id = ?')
		.get(version.id) as { rollout_id: string | null; retired_at: number | null } | undefined;
	const open = db
		.prepare('SELECT id FROM rollouts WHERE publication_id = ? AND closed_at IS NULL')
		.get(version.id) as { id: string } | undefined;
	return {
		version: {
			id: version.id,
			operation: !operation ? null : operation.retired_at === null ? 'inOperation' : 'retired',
			openRolloutId: open?.id ?? null,
			operationRolloutId: operation?.rollout_id ?? null
		},
		canPresent:
			!!workshop &&
			can(actor, 'run', {
				type: 'workshop',
				id: version.workshopId,
				orgId: version.orgId,
				phase: workshop.phase
			})
	};
}
