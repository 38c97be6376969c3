/**
 * The template editor's step renderer (progressive.svelte.ts): the goal part's lists come with the
 * first step, and no step runs while an edit of this person's waits for the server's echo (up to
 * a bound), so the echo is not handled behind a step's rendering.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompetenceArea } from '#lib/domain/template/index.ts';
import { ProgressiveRender } from '#lib/components/template/progressive.svelte.ts';

/** Two areas of four statements: 2 heads + 8 statements = 10 units. */
const areas = [0, 1].map((a) => ({
	id: `a${a}`,
	statements: [0, 1, 2, 3].map((s) => ({ id: `a${a}s${s}` }))
})) as unknown as CompetenceArea[];

describe('ProgressiveRender', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('shows the parts after the first screenful with the first step, the rest step by step', () => {
		const progressive = new ProgressiveRender(() => areas);
		progressive.start();
		expect(progressive.hasStepped).toBe(false);
		// The first frame: the first area's name, none of its statements, no other area.
		expect(progressive.statementLimit(0)).toBe(0);
		expect(progressive.statementLimit(1)).toBe(-1);
		vi.advanceTimersByTime(0);
		expect(progressive.hasStepped).toBe(true);
		expect(progressive.statementLimit(0)).toBe(0);
		vi.advanceTimersToNextTimer();
		expect(progressive.statementLimit(0)).toBe(3);
		vi.advanceTimersByTime(100);
		expect(progressive.isComplete).toBe(true);
		progressive.destroy();
	});

	it('waits while an edit is being saved, and goes on once it is', () => {
		let isSaving = true;
		const progressive = new ProgressiveRender(
			() => areas,
			() => isSaving
		);
		progressive.start();
		vi.advanceTimersByTime(500);
		expect(progressive.hasStepped).toBe(false);
		expect(progressive.statementLimit(1)).toBe(-1);
		isSaving = false;
		vi.advanceTimersByTime(200);
		expect(progressive.hasStepped).toBe(true);
		expect(progressive.isComplete).toBe(true);
		progressive.destroy();
	});

	it('waits no longer than its bound in all, for a save that never ends (offline)', () => {
		const progressive = new ProgressiveRender(
			() => areas,
			() => true
		);
		progressive.start();
		vi.advanceTimersByTime(900);
		expect(progressive.hasStepped).toBe(false);
		vi.advanceTimersByTime(200);
		expect(progressive.hasStepped).toBe(true);
		// The bound is for all steps together: the rest follows without waiting again.
		vi.advanceTimersByTime(0);
		vi.advanceTimersByTime(0);
		vi.advanceTimersByTime(0);
		vi.advanceTimersByTime(0);
		expect(progressive.isComplete).toBe(true);
		progressive.destroy();
	});

	it('renders everything at once when asked, and stops stepping', () => {
		const progressive = new ProgressiveRender(() => areas);
		progressive.start();
		progressive.completeNow();
		expect(progressive.hasStepped).toBe(true);
		expect(progressive.isComplete).toBe(true);
		expect(progressive.statementLimit(1)).toBe(Number.MAX_SAFE_INTEGER);
		progressive.destroy();
	});
});
