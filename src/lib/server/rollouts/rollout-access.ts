/**
 * Who may do what with a rollout session, decided with `can()`: the facilitator presents, sets
 * and closes (`run` on the version's workshop); anyone in the municipality may join (`read` on
 * the organisation); only participants follow, confirm and answer. A person outside the
 * municipality learns nothing: the session is "not found" for them.
 */
import { getDb } from '../platform/db.ts';
import { can, type Actor, type WorkshopResource } from '#lib/domain/permissions.ts';
import { ForbiddenError, NotFoundError } from '#lib/domain/errors.ts';
import { settingsSchema, type WalkthroughSettings } from '#lib/domain/rollout/index.ts';
import type { Phase } from '#lib/domain/workshop.ts';
import { loadVersion, walkthroughWith, type RolloutVersion } from './rollout-version.ts';

export type RolloutRow = {
	id: string;
	publication_id: string;
	workshop_id: string;
	org_id: string;
	code: string | null;
	presenter_step_id: string | null;
	follow_up_date: string | null;
	settings: string;
	created_by: string;
	created_at: number;
	closed_at: number | null;
};

/** A session with its version, settings and walkthrough. */
export type LoadedRollout = {
	row: RolloutRow;
	version: RolloutVersion;
	settings: WalkthroughSettings;
	workshop: WorkshopResource;
	walkthrough: ReturnType<typeof walkthroughWith>;
};

/** The session's row, or undefined. */
export function rolloutRow(id: string): RolloutRow | undefined {
	return getDb().prepare('SELECT * FROM rollouts WHERE id = ?').get(id) as RolloutRow | undefined;
}

function workshopResource(id: string, orgId: string): WorkshopResource {
	const row = getDb().prepare('SELECT phase FROM workshops WHERE id = ?').get(id) as
		{ phase: Phase } | undefined;
	if (!row) throw new NotFoundError('workshop');
	return { type: 'workshop', id, orgId, phase: row.phase };
}

/** The session loaded for reading by someone in its municipality. @throws NotFoundError */
export function loadRollout(actor: Actor, id: string): LoadedRollout {
	const row = rolloutRow(id);
	if (!row || !can(actor, 'read', { type: 'org', id: row.org_id })) {
		throw new NotFoundError('rollout');
	}
	const version = loadVersion(actor, row.publication_id);
	const settings = settingsSchema.parse(JSON.parse(row.settings));
	return {
		row,
		version,
		settings,
		workshop: workshopResource(row.workshop_id, row.org_id),
		walkthrough: walkthroughWith(version, settings)
	};
}

/** True when `actor` runs the session (the workshop's facilitator). */
export function isFacilitatorOf(actor: Actor, rollout: LoadedRollout): boolean {
	return can(actor, 'run', rollout.workshop);
}

/** @throws ForbiddenError unless `actor` is the session's facilitator. */
export function requireFacilitator(actor: Actor, rollout: LoadedRollout): void {
	if (!isFacilitatorOf(actor, rollout)) throw new ForbiddenError('rollout');
}

export type ParticipantRow = {
	rollout_id: string;
	user_id: string;
	mode: 'live' | 'self';
	joined_at: number;
	current_step_id: string | null;
};

/** The person's participation, or undefined. */
export function participantRow(rolloutId: string, userId: string): ParticipantRow | undefined {
	return getDb()
		.prepare('SELECT * FROM rollout_participants WHERE rollout_id = ? AND user_id = ?')
		.get(rolloutId, userId) as ParticipantRow | undefined;
}

/** @throws ForbiddenError `rollout.error.notParticipant` unless `actor` has joined. */
export function requireParticipant(actor: Actor, rollout: LoadedRollout): ParticipantRow {
	const participant = participantRow(rollout.row.id, actor.id);
	if (!participant) throw new ForbiddenError('rollout.error.notParticipant');
	return participant;
}
