/**
 * Rollout sessions (Dag 3): starting one for a published version, joining it by code (throttled),
 * taking the walkthrough alone later, moving the presenter, the facilitator's settings and
 * follow-up date, and closing, which puts the version in operation ("I drift") for its workshop
 * line and moves the workshop to Drift. Every function decides access with `can()` through
 * rollout-access.ts.
 */
import { getDb, transaction } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { changePhase } from '../workshops/workshops.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	ValidationError
} from '#lib/domain/errors.ts';
import {
	danishDate,
	defaultFollowUpDate,
	findStep,
	newJoinCode,
	normalizeJoinCode,
	type WalkthroughSettings
} from '#lib/domain/rollout/index.ts';
import { loadVersion } from './rollout-version.ts';
import {
	loadRollout,
	requireFacilitator,
	type LoadedRollout,
	type RolloutRow
} from './rollout-access.ts';
import { publishPresenter, publishRolloutChange } from './rollout-events.ts';
import { checkJoinThrottle, recordJoinFailure } from './join-throttle.ts';

/** The answer to starting a session. */
export type CreatedRollout = { id: string; code: string; url: string };

/** The link staff open to join: the join page with the code filled in. */
export function joinUrl(origin: string, code: string): string {
	return `${origin}/join?code=${code}`;
}

/** The version's row in `publication_operation`, if it ever went into operation. */
function operationOf(publicationId: string) {
	return getDb()
		.prepare('SELECT rollout_id, retired_at FROM publication_operation WHERE publication_id = ?')
		.get(publicationId) as { rollout_id: string | null; retired_at: number | null } | undefined;
}

/**
 * Starts a session for the version `publicationId` (its workshop's facilitator): a fresh join
 * code, the presenter on the first step, the follow-up meeting five weeks on.
 * @throws NotFoundError (unknown version, another municipality), ForbiddenError (not the
 * facilitator), ConflictError `in_operation` (the version already went into operation) or
 * `session_open` (a session for it is open).
 */
export function createRollout(actor: Actor, publicationId: string, origin: string): CreatedRollout {
	const version = loadVersion(actor, publicationId);
	const workshop = getDb()
		.prepare('SELECT phase FROM workshops WHERE id = ?')
		.get(version.workshopId) as { phase: 'format' | 'drejebog' | 'rollout' | 'drift' } | undefined;
	if (!workshop) throw new NotFoundError('workshop');
	const resource = {
		type: 'workshop' as const,
		id: version.workshopId,
		orgId: version.orgId,
		phase: workshop.phase
	};
	if (!can(actor, 'run', resource)) throw new ForbiddenError('rollout');
	return transaction(getDb(), () => {
		if (operationOf(publicationId)) {
			throw new ConflictError('in_operation', 'rollout.error.inOperation');
		}
		const open = getDb()
			.prepare('SELECT 1 FROM rollouts WHERE publication_id = ? AND closed_at IS NULL')
			.get(publicationId);
		if (open) throw new ConflictError('session_open', 'rollout.error.sessionOpen');
		const id = newId();
		const now = Date.now();
		const insert = getDb().prepare(
			`INSERT INTO rollouts (id, publication_id, workshop_id, org_id, code, presenter_step_id,
				follow_up_date, created_by, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		for (;;) {
			const code = newJoinCode();
			const taken = getDb().prepare('SELECT 1 FROM rollouts WHERE code = ?').get(code);
			if (taken) continue;
			insert.run(
				id,
				publicationId,
				version.workshopId,
				version.orgId,
				code,
				version.walkthrough.steps[0]?.id ?? null,
				defaultFollowUpDate(now),
				actor.id,
				now
			);
			return { id, code, url: joinUrl(origin, code) };
		}
	});
}

/**
 * Joins the open session with `code` as a live participant. Wrong codes count against the person
 * and the address (join-throttle.ts); the check and the count run in one synchronous step, so
 * requests sent together are counted one after the other.
 * @throws RateLimitedError after too many wrong codes; NotFoundError `rollout.join.badCode` for a
 * code that is unknown or closed; ForbiddenError `rollout.join.otherOrg` for another municipality.
 */
export function joinRollout(actor: Actor, input: string, address: string): { rolloutId: string } {
	checkJoinThrottle(actor.id, address);
	const code = normalizeJoinCode(input);
	const row = code
		? (getDb().prepare('SELECT id, org_id FROM rollouts WHERE code = ?').get(code) as
				Pick<RolloutRow, 'id' | 'org_id'> | undefined)
		: undefined;
	if (!row) {
		recordJoinFailure(actor.id, address);
		throw new NotFoundError('rollout.join.badCode');
	}
	if (!can(actor, 'read', { type: 'org', id: row.org_id })) {
		recordJoinFailure(actor.id, address);
		throw new ForbiddenError('rollout.join.otherOrg');
	}
	addParticipant(row.id, actor.id, 'live');
	return { rolloutId: row.id };
}

function addParticipant(rolloutId: string, userId: string, mode: 'live' | 'self'): void {
	const now = Date.now();
	const added = getDb()
		.prepare(
			`INSERT INTO rollout_participants (rollout_id, user_id, mode, joined_at, seen_at)
			 VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
		)
		.run(rolloutId, userId, mode, now, now);
	if (added.changes > 0) publishRolloutChange(rolloutId, 'dashboard');
}

/**
 * Takes the walkthrough of a version in operation alone (staff who missed the session): joins
 * the session that put it in operation as a self-paced participant.
 * @throws NotFoundError (unknown, another municipality, never in operation).
 */
export function startSelfPaced(actor: Actor, publicationId: string): { rolloutId: string } {
	loadVersion(actor, publicationId);
	const rolloutId = operationOf(publicationId)?.rollout_id;
	if (!rolloutId) throw new NotFoundError('rollout');
	addParticipant(rolloutId, actor.id, 'self');
	return { rolloutId };
}

function requireOpen(rollout: LoadedRollout): void {
	if (rollout.row.closed_at !== null) throw new ConflictError('closed', 'rollout.error.closed');
}

/** Moves the presenter (the facilitator) and tells every follower at once. */
export function movePresenter(actor: Actor, rolloutId: string, stepId: string): void {
	const rollout = loadRollout(actor, rolloutId);
	requireFacilitator(actor, rollout);
	requireOpen(rollout);
	if (!findStep(rollout.walkthrough, stepId)) throw new NotFoundError('rollout.error.unknownStep');
	getDb().prepare('UPDATE rollouts SET presenter_step_id = ? WHERE id = ?').run(stepId, rolloutId);
	publishPresenter(rolloutId, stepId);
}

/** Replaces the facilitator's slides and learning-goal kinds while the session is open. */
export function updateSettings(
	actor: Actor,
	rolloutId: string,
	settings: WalkthroughSettings
): void {
	const rollout = loadRollout(actor, rolloutId);
	requireFacilitator(actor, rollout);
	requireOpen(rollout);
	const ids = settings.slides.map((s) => s.id);
	if (new Set(ids).size !== ids.length) throw new ValidationError('rollout.input.invalidId');
	getDb()
		.prepare('UPDATE rollouts SET settings = ? WHERE id = ?')
		.run(JSON.stringify(settings), rolloutId);
	publishRolloutChange(rolloutId, 'settings');
}

/** Sets the follow-up learning meeting's date (today or later, in Denmark). */
export function setFollowUpDate(actor: Actor, rolloutId: string, date: string): void {
	const rollout = loadRollout(actor, rolloutId);
	requireFacilitator(actor, rollout);
	if (date < danishDate(Date.now())) {
		throw new ValidationError('rollout.input.datePast', { date: 'rollout.input.datePast' });
	}
	getDb().prepare('UPDATE rollouts SET follow_up_date = ? WHERE id = ?').run(date, rolloutId);
	publishRolloutChange(rolloutId, 'settings');
}

/**
 * Closes the session: the code stops working, the version goes into operation for its workshop
 * line (the one in operation before is retired), and the workshop moves to Drift, all in one
 * transaction. Participants keep going alone; the walkthrough stays open for those who join later.
 * @throws ForbiddenError (not the facilitator), ConflictError `closed` (already closed).
 */
export function closeRollout(actor: Actor, rolloutId: string): { publicationId: string } {
	const rollout = loadRollout(actor, rolloutId);
	requireFacilitator(actor, rollout);
	const db = getDb();
	transaction(db, () => {
		const now = Date.now();
		const closed = db
			.prepare(
				'UPDATE rollouts SET code = NULL, closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL'
			)
			.run(now, actor.id, rolloutId);
		if (closed.changes === 0) throw new ConflictError('closed', 'rollout.error.closed');
		const { workshopId, orgId, id: publicationId } = rollout.version;
		db.prepare(
			'UPDATE publication_operation SET retired_at = ? WHERE workshop_id = ? AND retired_at IS NULL'
		).run(now, workshopId);
		db.prepare(
			`INSERT INTO publication_operation (publication_id, workshop_id, org_id, rollout_id, since)
			 VALUES (?, ?, ?, ?, ?)`
		).run(publicationId, workshopId, orgId, rolloutId, now);
		changePhase(actor, workshopId, 'drift');
	});
	publishRolloutChange(rolloutId, 'closed');
	return { publicationId: rollout.version.id };
}
