/**
 * Push for a rollout session, on the same pattern as run mode's events (run-events.ts): an
 * in-process bus on `globalThis` and a Server-Sent Events stream per person
 * (`GET /api/v1/rollouts/{id}/events`). The presenter's position is the one thing carried in the
 * event itself (`event: presenter`, `{"stepId"}`): everyone in the session may know it, and two
 * hundred phones fetching it again would cost more than the event. Everything else only says what
 * changed (`event: change`, `{"kind"}`), and clients fetch it through the authorized routes.
 * `dashboard` changes go to the facilitator's streams only.
 */
import { loadSessionUser, type SessionUser } from '../accounts/accounts.ts';
import { encodeEvent, openEventStream } from '../platform/event-stream.ts';
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

/**
 * An event as every stream gets it: already encoded, once per publish rather than once per
 * follower (a step change to two hundred followers is one `JSON.stringify`), and whether only the
 * facilitator's streams take it.
 */
type RolloutEvent = { chunk: Uint8Array; facilitatorOnly: boolean };
type Listener = (event: RolloutEvent) => void;

const REGISTRY = Symbol.for('formvaerk.rollout-events');
type GlobalWithBus = typeof globalThis & { [REGISTRY]?: Map<string, Set<Listener>> };

/** The open streams per session, shared by the bundle's and the entry's copies of this module. */
function listeners(): Map<string, Set<Listener>> {
	const g = globalThis as GlobalWithBus;
	g[REGISTRY] ??= new Map();
	return g[REGISTRY];
}

/** Hands `event` to every open stream of the session, in one pass over a plain set. */
function publish(rolloutId: string, event: RolloutEvent): void {
	for (const listener of listeners().get(rolloutId) ?? []) listener(event);
}

/** Announces the presenter's new step to everyone in the session. */
export function publishPresenter(rolloutId: string, stepId: string): void {
	publish(rolloutId, { chunk: encodeEvent('presenter', { stepId }), facilitatorOnly: false });
}

/** Announces a change; `dashboard` and `feedback` reach only the facilitator's streams. */
export function publishRolloutChange(rolloutId: string, kind: RolloutChangeKind): void {
	const facilitatorOnly = kind === 'dashboard' || kind === 'feedback';
	publish(rolloutId, { chunk: encodeEvent('change', { kind }), facilitatorOnly });
}

/** Still signed in with a role in the municipality (its id never changes, so it is read once). */
function mayStillFollow(userId: string, orgId: string): boolean {
	const current = loadSessionUser(userId);
	return !!current && can(current, 'read', { type: 'org', id: orgId });
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
	const orgId = rollout.row.org_id;
	return openEventStream({
		context: { userId: user.id, rolloutId },
		sessionToken,
		mayStillRead: () => !!rolloutRow(rolloutId) && mayStillFollow(user.id, orgId),
		subscribe: ({ send, sendEncoded }) => {
			const listener: Listener = (event) => {
				if (isFacilitator || !event.facilitatorOnly) sendEncoded(event.chunk);
			};
			const open = listeners();
			let set = open.get(rolloutId);
			if (!set) open.set(rolloutId, (set = new Set()));
			set.add(listener);
			const current = rollout.row.presenter_step_id;
			if (current) send('presenter', { stepId: current });
			return () => {
				set.delete(listener);
				if (set.size === 0 && open.get(rolloutId) === set) open.delete(rolloutId);
			};
		}
	});
}
