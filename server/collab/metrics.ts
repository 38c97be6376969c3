/**
 * How long accepted updates stay in the server, from frame received to broadcast sent (append
 * and group commit included). Logged as one line per interval, so operators see whether the
 * server itself adds latency, separately from networks and clients.
 */

/** Bound on samples kept per interval; beyond it, random samples are replaced (reservoir). */
const MAX_SAMPLES = 100_000;

export type MetricsSummary = { updates: number; p50Ms: number; p99Ms: number; maxMs: number };

/** Residence-time samples of the current interval. */
export class CollabMetrics {
	private samples: number[] = [];
	private updates = 0;

	/** Records one update's residence time in milliseconds. */
	record(ms: number): void {
		this.updates++;
		if (this.samples.length < MAX_SAMPLES) this.samples.push(ms);
		else this.samples[Math.floor(Math.random() * MAX_SAMPLES)] = ms;
	}

	/** The interval's summary (null when nothing happened), and a fresh interval. */
	flush(): MetricsSummary | null {
		if (this.updates === 0) return null;
		const sorted = this.samples.sort((a, b) => a - b);
		const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
		const round = (x: number) => Math.round(x * 100) / 100;
		const summary = {
			updates: this.updates,
			p50Ms: round(at(0.5)),
			p99Ms: round(at(0.99)),
			maxMs: round(at(1))
		};
		this.samples = [];
		this.updates = 0;
		return summary;
	}
}
