import { describe, expect, it } from 'vitest';
import { SaveTracker } from '#lib/collab/save-tracker.ts';

describe('SaveTracker', () => {
	it('confirms only after the answer to a probe sent after the change', () => {
		const tracker = new SaveTracker();
		expect(tracker.isConfirmed).toBe(true);
		tracker.noteStep1Sent(false); // the provider's own step 1 on open
		tracker.noteLocalChange();
		expect(tracker.isConfirmed).toBe(false);
		expect(tracker.needsProbe).toBe(true);
		expect(tracker.noteStep2Received()).toBe(false); // answer to the provider's step 1
		expect(tracker.isConfirmed).toBe(false);
		tracker.noteStep1Sent(true);
		expect(tracker.needsProbe).toBe(false);
		expect(tracker.noteStep2Received()).toBe(true);
		expect(tracker.isConfirmed).toBe(true);
	});

	it('a change made while a probe is in flight stays unconfirmed after its answer', () => {
		const tracker = new SaveTracker();
		tracker.noteLocalChange();
		tracker.noteStep1Sent(true);
		tracker.noteLocalChange();
		expect(tracker.needsProbe).toBe(true);
		tracker.noteStep2Received();
		expect(tracker.isConfirmed).toBe(false);
		tracker.noteStep1Sent(true);
		tracker.noteStep2Received();
		expect(tracker.isConfirmed).toBe(true);
	});

	it('forgets probes of a closed connection: their answers never come', () => {
		const tracker = new SaveTracker();
		tracker.noteLocalChange();
		tracker.noteStep1Sent(true);
		tracker.noteDisconnected();
		tracker.noteStep1Sent(false); // new connection
		expect(tracker.noteStep2Received()).toBe(false);
		expect(tracker.isConfirmed).toBe(false);
		expect(tracker.needsProbe).toBe(true);
	});
});
