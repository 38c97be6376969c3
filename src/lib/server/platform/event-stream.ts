/**
 * The mechanics every Server-Sent Events stream of ours shares (run mode's and the rollout's):
 * a `retry` line and a comment at once (so the browser's EventSource opens without waiting), a
 * heartbeat that re-checks access, an end the moment the session ends (session-watch.ts), and an
 * end at server shutdown. What a stream sends and when is its caller's business (`subscribe`).
 *
 * The set of open streams lives in a `globalThis` registry keyed by a global symbol, because the
 * SvelteKit bundle and `server/index.ts` load separate copies of this module: shutdown, called by
 * the entry, must reach the streams the bundle opened.
 */
import { watchSession } from '../accounts/session-watch.ts';
import { log } from './log.ts';

/** A heartbeat keeps proxies from closing an idle stream and re-checks the rights. */
const DEFAULT_HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting after the stream ends (the SSE `retry` field). */
const RETRY_MS = 3_000;

const REGISTRY = Symbol.for('formvaerk.event-streams');
type GlobalWithStreams = typeof globalThis & { [REGISTRY]?: Set<() => void> };

function closers(): Set<() => void> {
	const g = globalThis as GlobalWithStreams;
	g[REGISTRY] ??= new Set();
	return g[REGISTRY];
}

/** Ends every open event stream (graceful shutdown); returns how many were ended. */
export function closeEventStreams(): number {
	const open = [...closers()];
	for (const close of open) close();
	return open.length;
}

/** The number of open event streams of every kind (for logs and tests). */
export function openEventStreamCount(): number {
	return closers().size;
}

function heartbeatMs(): number {
	// Tests shorten it to see session expiry without waiting 25 seconds.
	const value = Number(process.env.FORMVAERK_RUN_EVENTS_HEARTBEAT_MS);
	return Number.isInteger(value) && value > 0 ? value : DEFAULT_HEARTBEAT_MS;
}

const encoder = new TextEncoder();

/**
 * One event as the bytes a stream writes (`event:` name and JSON data). A publisher with many
 * listeners encodes an event once with this and hands every stream the same bytes (`sendEncoded`)
 * rather than having each stream serialize it again.
 */
export function encodeEvent(event: string, data: unknown): Uint8Array {
	return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** What a stream's owner gets to work with. */
export type StreamControl = {
	/** Sends one event (`event:` name and JSON data); nothing once the stream has ended. */
	send: (event: string, data: unknown) => void;
	/** Sends an event already made by `encodeEvent` (the same bytes may go to many streams). */
	sendEncoded: (chunk: Uint8Array) => void;
	/** Re-checks access now; ends the stream and returns false when it is gone. */
	recheck: () => boolean;
	isClosed: () => boolean;
};

export type EventStreamOptions = {
	/** For the log line when the stream ends. */
	context: Record<string, string>;
	sessionToken: string | undefined;
	/** True while the person may still have the stream (checked at every heartbeat). */
	mayStillRead: () => boolean;
	/** Starts sending; returns the function that stops it. */
	subscribe: (control: StreamControl) => () => void;
};

/** Opens an event stream; see the module comment for what every stream does. */
export function openEventStream(options: EventStreamOptions): Response {
	let cleanup = (): void => {};

	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let isClosed = false;
			const writeBytes = (chunk: Uint8Array): void => {
				if (!isClosed) controller.enqueue(chunk);
			};
			const write = (text: string): void => writeBytes(encoder.encode(text));
			const close = (reason: string): void => {
				if (isClosed) return;
				cleanup();
				log.debug({ ...options.context, reason }, 'event stream ended');
				try {
					controller.close();
				} catch {
					// Already cancelled by the client: nothing left to end.
				}
			};
			const recheck = (): boolean => {
				if (options.mayStillRead()) return true;
				close('access');
				return false;
			};
			const unsubscribe = options.subscribe({
				send: (event, data) => writeBytes(encodeEvent(event, data)),
				sendEncoded: writeBytes,
				recheck,
				isClosed: () => isClosed
			});
			const heartbeat = setInterval(() => {
				recheck();
				write(': heartbeat\n\n');
			}, heartbeatMs());
			const closer = (): void => close('shutdown');
			closers().add(closer);
			const session = watchSession(options.sessionToken, () => close('session'));
			cleanup = () => {
				isClosed = true;
				session.stop();
				unsubscribe();
				clearInterval(heartbeat);
				closers().delete(closer);
			};
			write(`retry: ${RETRY_MS}\n: connected\n\n`);
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
