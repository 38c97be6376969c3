/**
 * What a session gives back: questions and suggestions for the next version, the self-check of
 * readiness (only aggregates of at least five people ever leave the server), and the completion
 * list as CSV for the facilitator.
 */
import { getDb } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { can, type Actor } from '#lib/domain/permissions.ts';
import { ForbiddenError } from '#lib/domain/errors.ts';
import type { Phase } from '#lib/domain/workshop.ts';
import {
	SELF_CHECK_OCCASIONS,
	aggregateSelfChecks,
	completionCsv,
	type CompletionRow,
	type FeedbackInput,
	type SelfCheckAggregate,
	type SelfCheckAnswers,
	type SelfCheckInput
} from '#lib/domain/rollout/index.ts';
import {
	isFacilitatorOf,
	loadRollout,
	participantRow,
	requireFacilitator,
	requireParticipant
} from './rollout-access.ts';
import { personState, progressFor } from './rollout-progress.ts';
import { publishRolloutChange } from './rollout-events.ts';

export type FeedbackItem = {
	id: string;
	kind: 'question' | 'suggestion';
	text: string;
	createdAt: number;
	/** When the facilitator took it into the list for the next version; null until then. */
	collectedAt: number | null;
};

/** Every question and suggestion about a version, oldest first (for its next revision). */
export function listFeedback(publicationId: string): FeedbackItem[] {
	return (
		getDb()
			.prepare(
				'SELECT id, kind, text, created_at, collected_at FROM rollout_feedback WHERE publication_id = ? ORDER BY created_at, id'
			)
			.all(publicationId) as {
			id: string;
			kind: 'question' | 'suggestion';
			text: string;
			created_at: number;
			collected_at: number | null;
		}[]
	).map((r) => ({
		id: r.id,
		kind: r.kind,
		text: r.text,
		createdAt: r.created_at,
		collectedAt: r.collected_at
	}));
}

/**
 * The questions and suggestions about a version, for its workshop's facilitator on the version
 * page (the list for the next revision); empty for everyone else.
 */
export function versionFeedback(
	actor: Actor,
	version: { id: string; workshopId: string; orgId: string }
): FeedbackItem[] {
	const workshop = getDb()
		.prepare('SELECT phase FROM workshops WHERE id = ?')
		.get(version.workshopId) as { phase: Phase } | undefined;
	const resource = workshop && {
		type: 'workshop' as const,
		id: version.workshopId,
		orgId: version.orgId,
		phase: workshop.phase
	};
	return resource && can(actor, 'run', resource) ? listFeedback(version.id) : [];
}

/** A question or suggestion from a participant or the facilitator. */
export function postFeedback(actor: Actor, rolloutId: string, input: FeedbackInput): FeedbackItem {
	const rollout = loadRollout(actor, rolloutId);
	if (!isFacilitatorOf(actor, rollout)) requireParticipant(actor, rollout);
	const item: FeedbackItem = {
		id: newId(),
		kind: input.kind,
		text: input.text,
		createdAt: Date.now(),
		collectedAt: null
	};
	getDb()
		.prepare(
			`INSERT INTO rollout_feedback (id, rollout_id, publication_id, user_id, kind, text, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?)`
		)
		.run(item.id, rolloutId, rollout.version.id, actor.id, item.kind, item.text, item.createdAt);
	publishRolloutChange(rolloutId, 'feedback');
	return item;
}

/** The participant's self-check for the version; a second one of the same occasion replaces it. */
export function submitSelfCheck(actor: Actor, rolloutId: string, input: SelfCheckInput): void {
	const rollout = loadRollout(actor, rolloutId);
	requireParticipant(actor, rollout);
	getDb()
		.prepare(
			`INSERT INTO rollout_self_checks (publication_id, user_id, occasion, answers, answered_at)
			 VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (publication_id, user_id, occasion)
			 DO UPDATE SET answers = excluded.answers, answered_at = excluded.answered_at`
		)
		.run(rollout.version.id, actor.id, input.occasion, JSON.stringify(input.answers), Date.now());
}

/** Which occasions the person has answered (never the answers themselves to anyone else). */
export function mySelfChecks(actor: Actor, rolloutId: string): string[] {
	const rollout = loadRollout(actor, rolloutId);
	return (
		getDb()
			.prepare('SELECT occasion FROM rollout_self_checks WHERE publication_id = ? AND user_id = ?')
			.all(rollout.version.id, actor.id) as { occasion: string }[]
	).map((r) => r.occasion);
}

/**
 * The self-check's aggregates for the version, per occasion, for the facilitator and the
 * municipality's administrators (the team lead); groups under five are hidden.
 */
export function selfCheckAggregates(actor: Actor, rolloutId: string): SelfCheckAggregate[] {
	const rollout = loadRollout(actor, rolloutId);
	const isLead = can(actor, 'manage', { type: 'org', id: rollout.version.orgId });
	if (!isFacilitatorOf(actor, rollout) && !isLead) throw new ForbiddenError('rollout');
	return versionSelfCheckAggregates(rollout.version.id);
}

/**
 * The self-check's aggregates of one version, per occasion, groups under five hidden. The caller
 * decides who may see them (`selfCheckAggregates`, rollout-readiness.ts).
 */
export function versionSelfCheckAggregates(publicationId: string): SelfCheckAggregate[] {
	return SELF_CHECK_OCCASIONS.map((occasion) => {
		const rows = getDb()
			.prepare('SELECT answers FROM rollout_self_checks WHERE publication_id = ? AND occasion = ?')
			.all(publicationId, occasion) as { answers: string }[];
		return aggregateSelfChecks(
			occasion,
			rows.map((r) => JSON.parse(r.answers) as SelfCheckAnswers)
		);
	});
}

/** The completion list of the session as CSV (the facilitator). */
export function completionsCsv(actor: Actor, rolloutId: string): string {
	const rollout = loadRollout(actor, rolloutId);
	requireFacilitator(actor, rollout);
	const rows = getDb()
		.prepare(
			`SELECT p.user_id, u.name, u.email, p.mode, p.joined_at, c.completed_at
			 FROM rollout_participants p JOIN users u ON u.id = p.user_id
			 LEFT JOIN rollout_completions c ON c.publication_id = ? AND c.user_id = p.user_id
			 WHERE p.rollout_id = ? ORDER BY u.name, u.email`
		)
		.all(rollout.version.id, rolloutId) as {
		user_id: string;
		name: string;
		email: string;
		mode: 'live' | 'self';
		joined_at: number;
		completed_at: number | null;
	}[];
	const list: CompletionRow[] = rows.map((r) => ({
		name: r.name,
		email: r.email,
		versionNumber: rollout.version.number,
		mode: r.mode,
		joinedAt: r.joined_at,
		completedAt: r.completed_at,
		progress: progressFor(rollout, personState(rolloutId, r.user_id))
	}));
	return completionCsv(list);
}

/** True when `actor` has joined (for pages that offer joining). */
export function hasJoined(actor: Actor, rolloutId: string): boolean {
	return participantRow(rolloutId, actor.id) !== undefined;
}
