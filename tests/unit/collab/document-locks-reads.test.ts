/**
 * `DocumentLocks.isLockedForMe` reads the facilitator's rights (`canChange`) only for a locked
 * part: every field's read-only state goes through it, and a read is what makes a field's effect
 * re-run when the rights arrive (between an edit and its echo, on a slow laptop). What it answers
 * stays the same: the facilitator is never bound, the work group is by a part's or the
 * template's lock.
 */
import { describe, expect, it } from 'vitest';
import { DocumentLocks } from '#lib/collab/document-locks.svelte.ts';

/** `locks` seen through a proxy that records the members read. */
function recording(locks: DocumentLocks): { view: DocumentLocks; reads: Set<string | symbol> } {
	const reads = new Set<string | symbol>();
	const view = new Proxy(locks, {
		get(target, property) {
			reads.add(property);
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(view)
				: value;
		}
	});
	return { view, reads };
}

describe('DocumentLocks.isLockedForMe', () => {
	it('does not read the rights for a part that is not locked', () => {
		const locks = new DocumentLocks({ workshopId: 'w', documentId: 'd' });
		locks.locks = [{ kind: 'area', targetId: 'a2' }];
		const { view, reads } = recording(locks);
		expect(view.isLockedForMe('area', 'a1')).toBe(false);
		expect(reads.has('locks')).toBe(true);
		expect(reads.has('canChange')).toBe(false);
	});

	it('binds the work group by a part or template lock, never the facilitator', () => {
		const locks = new DocumentLocks({ workshopId: 'w', documentId: 'd' });
		locks.locks = [{ kind: 'area', targetId: 'a1' }];
		expect(locks.isLockedForMe('area', 'a1')).toBe(true);
		expect(locks.isLockedForMe('scale', 's1')).toBe(false);
		locks.locks = [{ kind: 'template', targetId: 'd' }];
		expect(locks.isLockedForMe('scale', 's1')).toBe(true);
		locks.canChange = true;
		expect(locks.isLockedForMe('scale', 's1')).toBe(false);
		expect(locks.isLockedForMe('template', 'd')).toBe(false);
	});
});
