/**
 * The browser side of run-mode push: one EventSource on `/api/v1/workshops/{id}/run/events`,
 * shared by everything on the page that listens (the run panel's clock, follow me, the locks and
 * the comments of the open document), so a page holds one connection however many parts listen:
 * browsers allow only a few open connections per site. The stream only says *that* something
 * changed (`timer`, `follow`, `comment` of a document, `lock` of a document, …); each listener
 * then fetches its state through its usual, authorized route. `onSync` runs whenever the stream
 * (re)opens, when the browser comes back online, and at once for a listener joining an open
 * stream, because changes made while it was down (or before the listener joined, or whose fetch
 * failed offline) never reached it. A listener whose state came with the page's data says at
 * which stamp it was read (`heldStamp`, src/lib/server/run/run-stamps.ts): when the stream opens
 * (or it joins) at that very stamp, nothing has changed since and it fetches nothing, so a page
 * does not reload what it has just loaded (on a slow laptop that landed between the first edit
 * and its echo).
 */

import { onLogout } from './logout-signal.ts';

/**
 * What the server announces; kinds added later arrive as plain strings. `access`: the workshop's
 * phase or the person's role changed, so what they may do (and read) may have changed too.
 * `comment` and `lock` name the document whose comments or locks changed.
 */
export type RunEventKind = 'timer' | 'agenda' | 'follow' | 'vote' | 'comment' | 'lock' | 'access';

export type RunStreamHandlers = {
	/**
	 * Something changed; `kind` says what (a `RunEventKind`, or a kind added later), `documentId`
	 * which document's comments or locks.
	 */
	onChange: (kind: string, documentId?: string) => void;
	/** The stream (re)opened, or the fallback poll ticked: fetch the whole state. */
	onSync: () => void;
	/** The stamp of the run state this listener holds, when it came with the page's data. */
	heldStamp?: () => string | undefined;
};

/**
 * Only when the stream cannot be used at all (a proxy that refuses or buffers it, an ended
 * session): the listeners then poll this slowly rather than going stale, and the stream is tried
 * again.
 */
const FALLBACK_POLL_MS = 15_000;
const STREAM_RETRY_MS = 60_000;

type EventData = { kind?: unknown; documentId?: unknown; stamp?: unknown } | null;

/** An event's JSON data, or null when it cannot be read. */
function readData(data: string): EventData {
	try {
		return JSON.parse(data) as EventData;
	} catch {
		return null;
	}
}

/** The `change` event's data, or null when it cannot be read. */
function readChange(data: string): { kind: string; documentId?: string; stamp?: string } | null {
	const value = readData(data);
	if (typeof value?.kind !== 'string') return null;
	const documentId = typeof value.documentId === 'string' ? value.documentId : undefined;
	return { kind: value.kind, documentId, stamp: stampOf(value) };
}

function stampOf(value: EventData): string | undefined {
	return typeof value?.stamp === 'string' ? value.stamp : undefined;
}

/** One workshop's stream and everyone on the page listening to it. */
class SharedStream {
	readonly listeners = new Set<RunStreamHandlers>();
	private source: EventSource | null = null;
	private poll: ReturnType<typeof setInterval> | null = null;
	private retry: ReturnType<typeof setTimeout> | null = null;
	private isStopped = false;
	/** The server's `hello` arrived on the current connection. */
	private isGreeted = false;
	/** The run state's stamp as of the last event, if the server said it. */
	private stamp: string | undefined;
	private readonly stopWatchingLogout: () => void;

	constructor(
		private readonly url: string,
		onLogoutStop: () => void
	) {
		this.stopWatchingLogout = onLogout(onLogoutStop);
		// Offline, the stream may stay open and announce changes whose fetch then fails: fetch
		// everything again once the network is back.
		window.addEventListener('online', this.syncAll);
		this.open();
	}

	private readonly syncAll = (): void => this.each((h) => h.onSync());

	/** True while the stream is connected and greeted (a new listener then syncs at once). */
	get isOpen(): boolean {
		return this.isGreeted && this.source?.readyState === EventSource.OPEN;
	}

	/** True when `handlers` already hold the state as of the stream's current stamp. */
	isCurrent(handlers: RunStreamHandlers): boolean {
		return this.stamp !== undefined && handlers.heldStamp?.() === this.stamp;
	}

	/** True while the stream cannot be used and the listeners poll instead. */
	get isPolling(): boolean {
		return this.poll !== null;
	}

	private each(call: (handlers: RunStreamHandlers) => void): void {
		for (const handlers of [...this.listeners]) call(handlers);
	}

	private stopPolling(): void {
		if (this.poll) clearInterval(this.poll);
		this.poll = null;
	}

	private open(): void {
		const current = new EventSource(this.url);
		this.source = current;
		current.addEventListener('open', () => this.stopPolling());
		// The server's first event on every connection: sync whoever does not hold its stamp.
		current.addEventListener('hello', (event) => {
			this.isGreeted = true;
			this.stamp = stampOf(readData((event as MessageEvent<string>).data));
			this.each((h) => {
				if (!this.isCurrent(h)) h.onSync();
			});
		});
		current.addEventListener('change', (event) => {
			const change = readChange((event as MessageEvent<string>).data);
			this.stamp = change?.stamp;
			// Unreadable: fetch everything rather than guess.
			if (!change) return this.syncAll();
			this.each((h) => h.onChange(change.kind, change.documentId));
		});
		current.addEventListener('error', () => {
			this.isGreeted = false;
			this.stamp = undefined;
			// While CONNECTING the browser retries by itself (network blip, server restart). CLOSED
			// means it gave up (an error status, not an event stream): fall back to slow polling.
			if (current.readyState !== EventSource.CLOSED || this.isStopped) return;
			this.poll ??= setInterval(this.syncAll, FALLBACK_POLL_MS);
			this.retry = setTimeout(() => {
				this.retry = null;
				if (!this.isStopped) this.open();
			}, STREAM_RETRY_MS);
		});
	}

	stop(): void {
		this.isStopped = true;
		window.removeEventListener('online', this.syncAll);
		this.source?.close();
		this.stopPolling();
		if (this.retry) clearTimeout(this.retry);
		this.stopWatchingLogout();
	}
}

const streams = new Map<string, SharedStream>();

/**
 * Runs `handlers` for the workshop's run events; returns the function that stops it. Listeners of
 * one workshop share one stream, which closes when the last of them stops (and at logout).
 */
export function watchRunEvents(workshopId: string, handlers: RunStreamHandlers): () => void {
	let stream = streams.get(workshopId);
	if (!stream) {
		const url = `/api/v1/workshops/${encodeURIComponent(workshopId)}/run/events`;
		const created: SharedStream = new SharedStream(url, () => {
			created.stop();
			created.listeners.clear();
			if (streams.get(workshopId) === created) streams.delete(workshopId);
		});
		stream = created;
		streams.set(workshopId, stream);
	}
	const shared = stream;
	shared.listeners.add(handlers);
	let isStopped = false;
	// The stream opened before this listener joined (or cannot be used): fetch the state now,
	// unless it came with the page's data at the stream's current stamp.
	if ((shared.isOpen && !shared.isCurrent(handlers)) || shared.isPolling) {
		queueMicrotask(() => {
			if (!isStopped) handlers.onSync();
		});
	}
	return () => {
		if (isStopped) return;
		isStopped = true;
		shared.listeners.delete(handlers);
		if (shared.listeners.size > 0) return;
		shared.stop();
		if (streams.get(workshopId) === shared) streams.delete(workshopId);
	};
}
