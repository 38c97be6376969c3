/**
 * The browser side of a rollout session's push: one EventSource on
 * `/api/v1/rollouts/{id}/events`. `presenter` carries the presenter's step itself; `change` only
 * says what changed, and the caller fetches it. `onSync` runs whenever the stream (re)opens,
 * because what changed while it was down was never announced.
 */
import { onLogout } from '../logout-signal.ts';

export type RolloutStreamHandlers = {
	onPresenter: (stepId: string) => void;
	onChange: (kind: string) => void;
	onSync: () => void;
};

/** Slow polling, only while the stream cannot be used at all (a proxy that refuses it). */
const FALLBACK_POLL_MS = 15_000;

/** Runs `handlers` for the session's events; returns the function that stops it. */
export function watchRolloutEvents(rolloutId: string, handlers: RolloutStreamHandlers): () => void {
	const source = new EventSource(`/api/v1/rollouts/${encodeURIComponent(rolloutId)}/events`);
	let poll: ReturnType<typeof setInterval> | null = null;
	const read = <T>(event: Event): T | null => {
		try {
			return JSON.parse((event as MessageEvent<string>).data) as T;
		} catch {
			return null;
		}
	};
	source.addEventListener('open', () => {
		if (poll) clearInterval(poll);
		poll = null;
		handlers.onSync();
	});
	source.addEventListener('presenter', (event) => {
		const data = read<{ stepId: string }>(event);
		if (data) handlers.onPresenter(data.stepId);
	});
	source.addEventListener('change', (event) => {
		const data = read<{ kind: string }>(event);
		if (data) handlers.onChange(data.kind);
		else handlers.onSync();
	});
	source.addEventListener('error', () => {
		// CONNECTING: the browser retries by itself. CLOSED: it gave up; poll slowly instead.
		if (source.readyState === EventSource.CLOSED) {
			poll ??= setInterval(handlers.onSync, FALLBACK_POLL_MS);
		}
	});
	const stop = (): void => {
		source.close();
		if (poll) clearInterval(poll);
		stopWatchingLogout();
	};
	const stopWatchingLogout = onLogout(stop);
	return stop;
}
