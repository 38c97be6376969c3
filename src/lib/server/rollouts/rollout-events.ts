/**
 * Push for a rollout session, on the same pattern as run mode's events (run-events.ts): an
 * in-process bus on `globalThis` and a Server-Sent Events stream per person
 * (`GET /api/v1/rollouts/{id}/events`). The presenter's position is the one thing carried in the
 * event itself (`event: presenter`, `{"stepId"}`): everyone in the session may know it, and two
 * hundred phones fetching it again would cost more than the event. Everything else only says what
 * changed (`event: change`, `{"kind"}`), and clients fetch it through the authorized routes.
 * `dashboard` changes go to the facilitator's streams only.
 */
import { EventEmitter } from 'node:events';
import { loadSessionUser, type SessionUser } from '../accounts/accounts.ts';
import { openEventStream } from '../platform/event-stream.ts';
import { can } from '#lib/domain/permissions.ts';
import { ForbiddenError } from '#lib/domain/errors.ts';
import {
	isFacilitatorOf,
	loadRollout,
	participantRow,
	rolloutRow,
	type LoadedRollout
} from './rollout-access.ts';

/** What changed: `dashboard` (who is where, acks, answers), `closed`, `settings` (the steps). */
export type RolloutChangeKind = 'dashboard' | 'closed' | 'settings' | 'feedback';

type RolloutEvent =
	| { type: 'presenter'; stepId: string }
	| { type: 'change'; kind: RolloutChangeKind; facilitatorOnly: boolean };

const REGISTRY = Symbol.for('formvaerk.rollout-events');
type GlobalWithBus = typeof globalThis & { [REGISTRY]?: EventEmitter };

function bus(): EventEmitter {
	const g = globalThis as GlobalWithBus;
	if (!g[REGISTRY]) {
		g[REGISTRY] = new EventEmitter();
		// One listener per open stream, keyed by session: hundreds are normal, not a leak.
		g[REGISTRY].setMaxListeners(0);
	}
	return g[REGISTRY];
}

/** Announces the presenter's new step to everyone in the session. */
export function publishPresenter(rolloutId: string, stepId: string): void {
	bus().emit(rolloutId, { type: 'presenter', stepId } satisfies RolloutEvent);
}

/** Announces a change; `dashboard` and `feedback` reach only the facilitator's streams. */
export function publishRolloutChange(rolloutId: string, kind: RolloutChangeKind): void {
	const facilitatorOnly = kind === 'dashboard' || kind === 'feedback';
	bus().emit(rolloutId, { type: 'change', kind, facilitatorOnly } satisfies RolloutEvent);
}

function mayStillFollow(userId: string, rolloutId: string): boolean {
	const current = loadSessionUser(userId);
	const row = rolloutRow(rolloutId);
	return !!current && !!row && can(current, 'read', { type: 'org', id: row.org_id });
}

/**
 * Opens the session's event stream for a participant or the facilitator: the presenter's step at
 * once and on every move, and changes as above.
 * @throws NotFoundError outside the municipality; ForbiddenError before joining.
 */
export function openRolloutEventStream(
	user: SessionUser,
	sessionToken: string | undefined,
	rolloutId: string
): Response {
	const rollout: LoadedRollout = loadRollout(user, rolloutId);
	const isFacilitator = isFacilitatorOf(user, rollout);
	if (!isFacilitator && !participantRow(rolloutId, user.id)) {
		throw new ForbiddenError('rollout.error.notParticipant');
	}
	return openEventStream({
		context: { userId: user.id, rolloutId },
		sessionToken,
		mayStillRead: () => mayStillFollow(user.id, rolloutId),
		subscribe: ({ send }) => {
			const listener = (event: RolloutEvent): void => {
				if (event.type === 'presenter') send('presenter', { stepId: event.stepId });
				else if (isFacilitator || !event.facilitatorOnly) send('change', { kind: event.kind });
			};
			bus().on(rolloutId, listener);
			const current = rolloutRow(rolloutId)?.presenter_step_id;
			if (current) send('presenter', { stepId: current });
			return () => bus().off(rolloutId, listener);
		}
	});
}
