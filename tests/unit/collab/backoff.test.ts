import { describe, expect, it } from 'vitest';
import { reconnectDelay, RECONNECT_BASE_MS, RECONNECT_MAX_MS } from '#lib/collab/backoff.ts';

describe('reconnectDelay', () => {
	it('grows exponentially and stays between half and all of each step', () => {
		for (let attempt = 0; attempt < 6; attempt++) {
			const step = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** attempt);
			expect(reconnectDelay(attempt, { random: () => 0 })).toBe(step / 2);
			expect(reconnectDelay(attempt, { random: () => 0.999999 })).toBeCloseTo(step, 0);
		}
	});

	it('never exceeds the maximum, however many attempts failed', () => {
		for (const attempt of [10, 50, 1000, Number.MAX_SAFE_INTEGER]) {
			const delay = reconnectDelay(attempt);
			expect(delay).toBeLessThanOrEqual(RECONNECT_MAX_MS);
			expect(delay).toBeGreaterThanOrEqual(RECONNECT_MAX_MS / 2);
		}
	});

	it('spreads a room of clients reconnecting at once (jitter)', () => {
		const delays = Array.from({ length: 50 }, () => reconnectDelay(3));
		const distinct = new Set(delays.map((d) => Math.round(d)));
		expect(distinct.size).toBeGreaterThan(25);
		const spread = Math.max(...delays) - Math.min(...delays);
		// The jittered half of the step is 2 s at attempt 3; 50 samples cover most of it.
		expect(spread).toBeGreaterThan(RECONNECT_BASE_MS * 2);
	});
});
