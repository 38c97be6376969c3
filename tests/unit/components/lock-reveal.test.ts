/**
 * The facilitator's lock buttons come a few per task (lock-reveal.svelte.ts) rather than all in
 * the task where the rights arrive, in the page's order, and not while an edit waits for its echo.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LockReveal } from '#lib/components/run/locks/lock-reveal.svelte.ts';

describe('LockReveal', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('reveals the places in creation order, three per task, and none before asked', () => {
		const reveal = new LockReveal();
		const places = Array.from({ length: 8 }, () => reveal.place());
		expect(places).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		vi.advanceTimersByTime(100);
		expect(reveal.shown).toBe(0);
		reveal.request();
		reveal.request();
		expect(reveal.shown).toBe(0);
		vi.advanceTimersToNextTimer();
		expect(reveal.shown).toBe(3);
		vi.advanceTimersToNextTimer();
		expect(reveal.shown).toBe(6);
		vi.advanceTimersByTime(100);
		expect(reveal.shown).toBe(8);
		// A part created later (a new area) gets its button with the next task.
		expect(reveal.place()).toBe(8);
		reveal.request();
		vi.advanceTimersToNextTimer();
		expect(reveal.shown).toBe(9);
		reveal.destroy();
	});

	it('waits while an edit is being saved, within the same bound as the editor steps', () => {
		let isSaving = true;
		const reveal = new LockReveal(() => isSaving);
		for (let i = 0; i < 4; i++) reveal.place();
		reveal.request();
		vi.advanceTimersByTime(500);
		expect(reveal.shown).toBe(0);
		isSaving = false;
		vi.advanceTimersByTime(200);
		expect(reveal.shown).toBe(4);

		const offline = new LockReveal(() => true);
		offline.place();
		offline.request();
		vi.advanceTimersByTime(900);
		expect(offline.shown).toBe(0);
		vi.advanceTimersByTime(300);
		expect(offline.shown).toBe(1);
		reveal.destroy();
		offline.destroy();
	});
});
