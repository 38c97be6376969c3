import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compareOrdered,
	initialOrderKeys,
	isValidOrderKey,
	placeAt,
	type Ordered
} from '#lib/collab/order-keys.ts';

/** Applies a placement to `list` and returns the new sorted list with `id` inserted. */
function insert(list: Ordered[], id: string, index: number): Ordered[] {
	const { key, rekeyed } = placeAt(list, index);
	const next = list.map((item) => ({
		...item,
		order: rekeyed.find((r) => r.id === item.id)?.order ?? item.order
	}));
	return [...next, { id, order: key }].sort(compareOrdered);
}

describe('order keys', () => {
	it('sort by key with plain string order, then by id; invalid keys last', () => {
		const items = [
			{ id: 'b', order: 'a1' },
			{ id: 'a', order: 'a1' },
			{ id: 'z', order: 'Zz' },
			{ id: 'c', order: 'a0V' },
			{ id: 'x', order: '!!' },
			{ id: 'y', order: 'a0' + '0' } // trailing zero: invalid
		];
		expect(items.sort(compareOrdered).map((i) => i.id)).toEqual(['z', 'c', 'a', 'b', 'x', 'y']);
		expect(isValidOrderKey('a0')).toBe(true);
		expect(isValidOrderKey('a00')).toBe(false);
		expect(isValidOrderKey(42)).toBe(false);
	});

	it('places between equal keys by re-spacing the tied neighbours', () => {
		const tied = [
			{ id: 'a', order: 'a1' },
			{ id: 'b', order: 'a1' },
			{ id: 'c', order: 'a1' },
			{ id: 'd', order: 'a2' }
		];
		const result = insert(tied, 'new', 2);
		expect(result.map((i) => i.id)).toEqual(['a', 'b', 'new', 'c', 'd']);
		const keys = result.map((i) => i.order);
		expect(new Set(keys.slice(1)).size).toBe(4); // everything from the insert point on is distinct
	});

	it('repairs invalid keys near the insert point', () => {
		const broken = [
			{ id: 'a', order: 'a0' },
			{ id: 'b', order: 'nonsense!' },
			{ id: 'c', order: '' }
		];
		const result = insert(broken, 'new', 2);
		expect(result.map((i) => i.id)).toEqual(['a', 'b', 'new', 'c']);
		expect(result.every((i) => isValidOrderKey(i.order))).toBe(true);
	});

	it('puts an item exactly where asked, whatever the list looked like', () => {
		const keyArb = fc.oneof(
			fc.constantFrom('a0', 'a1', 'a0V', 'Zz', 'b00'),
			fc.string({ maxLength: 4 })
		);
		fc.assert(
			fc.property(fc.array(keyArb, { maxLength: 12 }), fc.nat(), (keys, rawIndex) => {
				const list = keys
					.map((order, i) => ({ id: `i${String(i).padStart(2, '0')}`, order }))
					.sort(compareOrdered);
				const index = rawIndex % (list.length + 1);
				const result = insert(list, 'new', index);
				expect(result.map((i) => i.id)).toEqual([
					...list.slice(0, index).map((i) => i.id),
					'new',
					...list.slice(index).map((i) => i.id)
				]);
			})
		);
	});

	it('starts a list with distinct increasing keys', () => {
		const keys = initialOrderKeys(5);
		expect([...keys].sort()).toEqual(keys);
		expect(new Set(keys).size).toBe(5);
	});
});
