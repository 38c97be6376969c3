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
import { watchSession } from '../accounts/session-watch.ts';
import { loadSessionUser, type SessionUser } from '../accounts/accounts.ts';
import { authorizeWorkshop } from '../workshops/workshops.ts';
import { log } from '../platform/log.ts';

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

/** A heartbeat keeps proxies from closing an idle stream and re-checks the rights. */
const DEFAULT_HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting after the stream ends (the SSE `retry` field). */
const RETRY_MS = 3_000;

const REGISTRY = Symbol.for('formvaerk.run-events');
type Bus = { emitter: EventEmitter; closers: Set<() => void> };
type GlobalWithBus = typeof globalThis & { [REGISTRY]?: Bus };

function bus(): Bus {
	const g = globalThis as GlobalWithBus;
	if (!g[REGISTRY]) {
		const emitter = new EventEmitter();
		// One listener per open stream: hundreds are normal, not a leak.
		emitter.setMaxListeners(0);
		g[REGISTRY] = { emitter, closers: new Set() };
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
	bus().emitter.emit('change', { workshopId, kind, documentId } satisfies RunChange);
}

/** Subscribes to run changes of every workshop; returns the unsubscribe function. */
export function onRunChange(listener: (change: RunChange) => void): () => void {
	bus().emitter.on('change', listener);
	return () => bus().emitter.off('change', listener);
}

/**
 * Ends every open event stream (graceful shutdown: an open stream would otherwise hold the HTTP
 * server's close until the grace period cuts it off). Returns how many were ended.
 */
export function closeRunStreams(): number {
	const closers = [...bus().closers];
	for (const close of closers) close();
	return closers.length;
}

/** The number of open event streams (for logs and tests). */
export function openRunStreamCount(): number {
	return bus().closers.size;
}

function heartbeatMs(): number {
	// Tests shorten it to see session expiry without waiting 25 seconds.
	const value = Number(process.env.FORMVAERK_RUN_EVENTS_HEARTBEAT_MS);
	return Number.isInteger(value) && value > 0 ? value : DEFAULT_HEARTBEAT_MS;
}

/**
 * True while the user may still read the workshop. The session itself is watched separately:
 * reading it here would count the heartbeat as use and keep an idle session alive.
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
 * Opens the event stream of a workshop's run state for `user`: an `event: change` with
 * `{"kind": …}` whenever it changes (with `"documentId"` for `comment` and `lock`), a comment line
 * as heartbeat. The stream ends the moment the
 * session ends (logout, expiry, a password change or reset: session-watch.ts), when the user
 * loses access (checked on every access change of the user or workshop and at every heartbeat),
 * and at server shutdown.
 * @throws NotFoundError when the workshop is missing or invisible to the user.
 */
export function openRunEventStream(
	user: SessionUser,
	sessionToken: string | undefined,
	workshopId: string
): Response {
	authorizeWorkshop(user, workshopId, 'read');
	const encoder = new TextEncoder();
	let cleanup = (): void => {};

	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let isClosed = false;
			const send = (text: string): void => {
				if (!isClosed) controller.enqueue(encoder.encode(text));
			};
			const close = (reason: string): void => {
				if (isClosed) return;
				cleanup();
				log.debug({ userId: user.id, workshopId, reason }, 'run event stream ended');
				try {
					controller.close();
				} catch {
					// Already cancelled by the client: nothing left to end.
				}
			};
			const recheck = (): boolean => {
				if (mayStillRead(user, workshopId)) return true;
				close('access');
				return false;
			};
			const sendChange = (kind: RunChangeKind, documentId?: string): void =>
				send(`event: change\ndata: ${JSON.stringify({ kind, documentId })}\n\n`);
			const unsubscribeRun = onRunChange((change) => {
				if (change.workshopId === workshopId) sendChange(change.kind, change.documentId);
			});
			const unsubscribeAccess = onAccessChanged((change) => {
				if (change.userId && change.userId !== user.id) return;
				if (change.workshopId && change.workshopId !== workshopId) return;
				// Events fire inside the caller's transaction; re-check after it has committed.
				setImmediate(() => {
					if (!isClosed && recheck()) sendChange('access');
				});
			});
			const heartbeat = setInterval(() => {
				recheck();
				send(': heartbeat\n\n');
			}, heartbeatMs());
			const closer = (): void => close('shutdown');
			bus().closers.add(closer);
			const session = watchSession(sessionToken, () => close('session'));
			cleanup = () => {
				isClosed = true;
				session.stop();
				unsubscribeRun();
				unsubscribeAccess();
				clearInterval(heartbeat);
				bus().closers.delete(closer);
			};
			// Something to send at once: headers and this line reach the browser now, so its
			// EventSource opens (and fetches the current state) without waiting for a change.
			send(`retry: ${RETRY_MS}\n: connected\n\n`);
		},
		cancel() {
			cleanup();
		}
	});

	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			// nginx and similar proxies buffer responses unless told not to.
			'x-accel-buffering': 'no'
		}
	});
}
