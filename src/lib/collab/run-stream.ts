/**
 * The browser side of run-mode push: one EventSource on `/api/v1/workshops/{id}/run/events`.
 * The stream only says *that* something changed (`timer`, `agenda`, `follow`, …); the caller then
 * fetches the state through its usual, authorized route. `onSync` also runs whenever the stream
 * (re)opens, because changes made while it was down were never announced.
 */

import { onLogout } from './logout-signal.ts';

/**
 * What the server announces; kinds added later arrive as plain strings. `access`: the workshop's
 * phase or the person's role changed, so what they may do (and read) may have changed too.
 */
export type RunEventKind = 'timer' | 'agenda' | 'follow' | 'vote' | 'comment' | 'lock' | 'access';

export type RunStreamHandlers = {
	/** Something changed; `kind` says what (a `RunEventKind`, or a kind added later). */
	onChange: (kind: string) => void;
	/** The stream (re)opened, or the fallback poll ticked: fetch the whole state. */
	onSync: () => void;
};

/**
 * Only when the stream cannot be used at all (a proxy that refuses or buffers it, an ended
 * session): the view then polls this slowly rather than going stale, and tries the stream again.
 */
const FALLBACK_POLL_MS = 15_000;
const STREAM_RETRY_MS = 60_000;

/** Runs `handlers` for the workshop's run events; returns the function that stops it. */
export function watchRunEvents(workshopId: string, handlers: RunStreamHandlers): () => void {
	const url = `/api/v1/workshops/${encodeURIComponent(workshopId)}/run/events`;
	let source: EventSource | null = null;
	let poll: ReturnType<typeof setInterval> | null = null;
	let retry: ReturnType<typeof setTimeout> | null = null;
	let isStopped = false;

	const stopPolling = (): void => {
		if (poll) clearInterval(poll);
		poll = null;
	};

	function open(): void {
		const current = new EventSource(url);
		source = current;
		current.addEventListener('open', () => {
			stopPolling();
			handlers.onSync();
		});
		current.addEventListener('change', (event) => {
			try {
				const { kind } = JSON.parse((event as MessageEvent<string>).data) as { kind: string };
				handlers.onChange(kind);
			} catch {
				handlers.onSync();
			}
		});
		current.addEventListener('error', () => {
			// While CONNECTING the browser retries by itself (network blip, server restart). CLOSED
			// means it gave up (an error status, not an event stream): fall back to slow polling.
			if (current.readyState !== EventSource.CLOSED || isStopped) return;
			poll ??= setInterval(handlers.onSync, FALLBACK_POLL_MS);
			retry = setTimeout(() => {
				retry = null;
				if (!isStopped) open();
			}, STREAM_RETRY_MS);
		});
	}

	const stop = (): void => {
		isStopped = true;
		source?.close();
		stopPolling();
		if (retry) clearTimeout(retry);
		stopWatchingLogout();
	};
	const stopWatchingLogout = onLogout(stop);
	open();
	return stop;
}
