/**
 * Run-state stamps: equal for two readings exactly when no event a stream of this person in this
 * workshop would carry happened between them; never equal across server runs, nor for a request
 * that began before an event.
 */
import { describe, expect, it } from 'vitest';
import { RunStamps } from '#lib/server/run/run-stamps.ts';

describe('RunStamps', () => {
	it('stays the same while nothing happens', () => {
		const stamps = new RunStamps();
		expect(stamps.stampFor('u1', 'w1')).toBe(stamps.stampFor('u1', 'w1'));
	});

	it('moves with a run change of the workshop, not of another', () => {
		const stamps = new RunStamps();
		const before = stamps.stampFor('u1', 'w1');
		stamps.noteRunChange('w2');
		expect(stamps.stampFor('u1', 'w1')).toBe(before);
		stamps.noteRunChange('w1');
		expect(stamps.stampFor('u1', 'w1')).not.toBe(before);
	});

	it('moves with access changes of the workshop, of the person, and of everyone', () => {
		const stamps = new RunStamps();
		const seen = new Set([stamps.stampFor('u1', 'w1')]);
		const changes = [
			{ workshopId: 'w1' },
			{ userId: 'u1' },
			{ workshopId: 'w1', userId: 'u1' },
			{}
		];
		for (const change of changes) {
			stamps.noteAccessChange(change);
			const stamp = stamps.stampFor('u1', 'w1');
			expect(seen.has(stamp)).toBe(false);
			seen.add(stamp);
		}
		// Another person's or another workshop's access change leaves it alone.
		const before = stamps.stampFor('u1', 'w1');
		stamps.noteAccessChange({ userId: 'u2' });
		stamps.noteAccessChange({ workshopId: 'w2' });
		expect(stamps.stampFor('u1', 'w1')).toBe(before);
	});

	it('is stale for a request that began before any event since', () => {
		const stamps = new RunStamps();
		const atStart = stamps.total;
		expect(stamps.stampFor('u1', 'w1', atStart)).toBe(stamps.stampFor('u1', 'w1'));
		// Even an event elsewhere: the request's rights may have been read before it.
		stamps.noteAccessChange({ userId: 'u2' });
		const stale = stamps.stampFor('u1', 'w1', atStart);
		expect(stale).not.toBe(stamps.stampFor('u1', 'w1'));
		expect(stale).not.toBe(stamps.stampFor('u1', 'w1', stamps.total));
	});

	it('differs between two runs of the server', () => {
		expect(new RunStamps().stampFor('u1', 'w1')).not.toBe(new RunStamps().stampFor('u1', 'w1'));
	});
});
