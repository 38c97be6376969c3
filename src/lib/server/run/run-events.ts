/**
 * Push for run mode: a small in-process bus that says "workshop X's run state changed" (timer,
 * agenda, follow target, votes, comments, locks), and the Server-Sent Events stream
 * (`GET /api/v1/workshops/{id}/run/events`) that carries it to browsers. Events name only what
 * changed; clients fetch the state itself through the ordinary, authorized routes, so the stream
 * never has to decide who may see what.
 *
 * The SvelteKit handler bundle and the server entry each load their own copy of this module, so
 * the emitter and the set of open streams live in a `globalThis` registry keyed by a global
 * symbol (as in access-events.ts): a route in the bundle publishes, and `closeRunStreams` called
 * by server/index.ts at shutdown reaches the streams the bundle opened.
 */
import { EventEmitter } from 'node:events';
import { onAccessChanged } from '../platform/access-events.ts';
import { RunStamps } from './run-stamps.ts';
import { loadSessionUser, type SessionUser } from '../accounts/accounts.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import {
	closeEventStreams,
	openEventStream,
	openEventStreamCount
} from '../platform/event-stream.ts';

/**
 * What changed; the list grows as more of run mode publishes. `access` is not published on the
 * bus: each stream sends it when the workshop's access changed (its phase, or this person's
 * role), so open document pages reload what they may do and say why.
 */
export type RunChangeKind = 'timer' | 'agenda' | 'follow' | 'vote' | 'comment' | 'lock' | 'access';
/**
 * One change. `documentId` names the document whose comments or locks changed (`comment`,
 * `lock`), so a page showing another document need not fetch anything.
 */
export type RunChange = { workshopId: string; kind: RunChangeKind; documentId?: string };

const REGISTRY = Symbol.for('formvaerk.run-events');
type Bus = { emitter: EventEmitter; stamps: RunStamps };
type GlobalWithBus = typeof globalThis & { [REGISTRY]?: Bus };

function bus(): Bus {
	const g = globalThis as GlobalWithBus;
	if (!g[REGISTRY]) {
		const emitter = new EventEmitter();
		// One listener per open stream: hundreds are normal, not a leak.
		emitter.setMaxListeners(0);
		const stamps = new RunStamps();
		// Counted for as long as the process runs (the registry is made once per process).
		onAccessChanged((change) => stamps.noteAccessChange(change));
		g[REGISTRY] = { emitter, stamps };
	}
	return g[REGISTRY];
}

/**
 * Announces that a workshop's run state changed (for comments and locks: of which document);
 * listeners run synchronously.
 */
export function publishRunChange(
	workshopId: string,
	kind: RunChangeKind,
	documentId?: string
): void {
	const { stamps, emitter } = bus();
	stamps.noteRunChange(workshopId);
	emitter.emit('change', { workshopId, kind, documentId } satisfies RunChange);
}

/** Subscribes to run changes of every workshop; returns the unsubscribe function. */
export function onRunChange(listener: (change: RunChange) => void): () => void {
	bus().emitter.on('change', listener);
	return () => bus().emitter.off('change', listener);
}

/**
 * The stamp of `userId`'s view of the workshop's run state now (run-stamps.ts). A page reads it
 * before its run data; the stream sends it when it opens and with every change.
 */
export function runStateStamp(userId: string, workshopId: string, totalAtStart?: number): string {
	return bus().stamps.stampFor(userId, workshopId, totalAtStart);
}

/** The number of run and access events so far; a request notes it before reading its session. */
export function runEventTotal(): number {
	return bus().stamps.total;
}

/**
 * Ends every open event stream, run mode's and the rollout's (graceful shutdown: an open stream
 * would otherwise hold the HTTP server's close until the grace period cuts it off). Returns how
 * many were ended.
 */
export function closeRunStreams(): number {
	return closeEventStreams();
}

/** The number of open event streams (for logs and tests). */
export function openRunStreamCount(): number {
	return openEventStreamCount();
}

/**
 * True while the user may still read the workshop. The session itself is watched separately:
 * reading it here would count the check as use and keep an idle session alive.
 */
function mayStillRead(user: SessionUser, workshopId: string) {
	const current = loadSessionUser(user.id);
	if (!current) return false;
	try {
		authorizeWorkshop(current, workshopId, 'read');
		return true;
	} catch {
		return false;
	}
}

/**
 * Opens the event stream of a workshop's run state for `user`: first an `event: hello` with the
 * current `{"stamp": …}`, then an `event: change` with `{"kind": …, "stamp": …}` whenever it
 * changes (with `"documentId"` for `comment` and `lock`), a comment line as heartbeat. The stream
 * ends the moment the session ends (logout, expiry, a password change or reset:
 * session-watch.ts), when the user loses access (checked on every access change of the user or
 * workshop and at every heartbeat), and at server shutdown (`platform/event-stream.ts`).
 * @throws NotFoundError when the workshop is missing or invisible to the user.
 */
export function openRunEventStream(
	user: SessionUser,
	sessionToken: string | undefined,
	workshopId: string
): Response {
	authorizeWorkshop(user, workshopId, 'read');
	return openEventStream({
		context: { userId: user.id, workshopId },
		sessionToken,
		mayStillRead: () => mayStillRead(user, workshopId),
		subscribe: ({ send, recheck, isClosed }) => {
			const stamp = (): string => runStateStamp(user.id, workshopId);
			const sendChange = (kind: RunChangeKind, documentId?: string): void =>
				send('change', { kind, documentId, stamp: stamp() });
			const unsubscribeRun = onRunChange((change) => {
				if (change.workshopId === workshopId) sendChange(change.kind, change.documentId);
			});
			const unsubscribeAccess = onAccessChanged((change) => {
				if (change.userId && change.userId !== user.id) return;
				if (change.workshopId && change.workshopId !== workshopId) return;
				// Events fire inside the caller's transaction; re-check after it has committed.
				setImmediate(() => {
					if (!isClosed() && recheck()) sendChange('access');
				});
			});
			// After subscribing, so that no change falls between the stamp and the stream.
			send('hello', { stamp: stamp() });
			return () => {
				unsubscribeRun();
				unsubscribeAccess();
			};
		}
	});
}
