/**
 * A small Server-Sent Events reader for tests and benches: fetch with the session cookie, parsed
 * events with their arrival time.
 */
import { performance } from 'node:perf_hooks';

/** `at`: `performance.now()` when the chunk holding the event arrived. */
export type SseEvent = { event: string; data: unknown; at: number };
export type SseStream = {
	status: number;
	events: SseEvent[];
	/** Resolves with the first event (from now on, or already received) that `match` accepts. */
	next: (match: (e: SseEvent) => boolean, timeoutMs?: number) => Promise<SseEvent>;
	close: () => void;
};

/** Opens `url` as an event stream with `cookie`. */
export async function openSse(url: string, cookie: string): Promise<SseStream> {
	const controller = new AbortController();
	const response = await fetch(url, {
		headers: { accept: 'text/event-stream', cookie },
		signal: controller.signal
	});
	const events: SseEvent[] = [];
	const waiting = new Set<() => void>();
	if (response.body) {
		const reader = response.body.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		void (async () => {
			try {
				for (;;) {
					const { done, value } = await reader.read();
					if (done) return;
					const at = performance.now();
					buffer += decoder.decode(value, { stream: true });
					let end: number;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const name = /^event: (.*)$/m.exec(block)?.[1];
						const data = /^data: (.*)$/m.exec(block)?.[1];
						if (name && data) events.push({ event: name, data: JSON.parse(data), at });
					}
					for (const wake of waiting) wake();
				}
			} catch {
				// Aborted by the test.
			}
		})();
	}
	return {
		status: response.status,
		events,
		next: (match, timeoutMs = 5000) =>
			new Promise((resolve, reject) => {
				const check = () => {
					const found = events.find(match);
					if (!found) return;
					cleanup();
					resolve(found);
				};
				const timer = setTimeout(() => {
					cleanup();
					reject(new Error('timed out waiting for an event'));
				}, timeoutMs);
				const cleanup = () => {
					clearTimeout(timer);
					waiting.delete(check);
				};
				waiting.add(check);
				check();
			}),
		close: () => controller.abort()
	};
}
