import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '#lib/domain/lazy-schema.ts';

describe('lazySchema in a browser', () => {
	// lazySchema defers only where `window` exists (lazy-schema.ts says why).
	beforeAll(() => vi.stubGlobal('window', globalThis));
	afterAll(() => vi.unstubAllGlobals());

	it('builds the schema on first use, once, and is the same schema afterwards', () => {
		const build = vi.fn(() => z.object({ name: z.string().min(1, { error: 'field.required' }) }));
		const schema = lazySchema(build);
		expect(build).not.toHaveBeenCalled();

		expect(schema.parse({ name: 'Ada' })).toEqual({ name: 'Ada' });
		expect(schema.safeParse({ name: 'Bo' }).success).toBe(true);
		expect(schema.shape.name).toBe(schema.shape.name);
		expect(schema.shape).toBe(schema.shape);
		expect(build).toHaveBeenCalledTimes(1);
	});

	it('keeps the messages and paths of the built schema', () => {
		const plain = z.object({
			items: z.array(z.object({ label: z.string().min(1, { error: 'field.required' }) }))
		});
		const lazy = lazySchema(() =>
			z.object({
				items: z.array(z.object({ label: z.string().min(1, { error: 'field.required' }) }))
			})
		);
		const input = { items: [{ label: 'a' }, { label: '' }] };
		const result = lazy.safeParse(input);
		expect(result.success).toBe(false);
		expect(result.error?.issues).toEqual(plain.safeParse(input).error?.issues);
		expect(result.error?.issues[0]).toMatchObject({
			path: ['items', 1, 'label'],
			message: 'field.required'
		});
		expect(() => lazy.parse(input)).toThrow(z.ZodError);
	});

	it('composes inside other schemas without being built until they parse', () => {
		const build = vi.fn(() => z.string().max(3, { error: 'field.tooLong' }));
		const short = lazySchema(build);
		const outer = z.object({ code: short, codes: z.array(short) });
		const union = z.union([z.number(), short]);
		expect(build).not.toHaveBeenCalled();

		expect(outer.parse({ code: 'ab', codes: ['x'] })).toEqual({ code: 'ab', codes: ['x'] });
		expect(outer.safeParse({ code: 'abcd', codes: [] }).error?.issues[0]).toMatchObject({
			path: ['code'],
			message: 'field.tooLong'
		});
		expect(union.parse(1)).toBe(1);
		expect(union.parse('abc')).toBe('abc');
		expect(build).toHaveBeenCalledTimes(1);
	});

	it('supports extend, pick, shape, optional and instanceof like the schema itself', () => {
		const base = lazySchema(() => z.object({ id: z.string(), label: z.string() }));
		const extended = base.extend({ count: z.number() });
		expect(extended.parse({ id: 'a', label: 'b', count: 1 })).toEqual({
			id: 'a',
			label: 'b',
			count: 1
		});
		expect(Object.keys(base.pick({ id: true }).shape)).toEqual(['id']);
		expect(Object.keys(base.shape)).toEqual(['id', 'label']);
		expect(base.optional().parse(undefined)).toBeUndefined();
		expect(base).toBeInstanceOf(z.ZodObject);
		expect(base instanceof z.ZodType).toBe(true);
		expect('shape' in base).toBe(true);

		type Base = z.infer<typeof base>;
		const typed: Base = { id: 'a', label: 'b' };
		expect(base.parse(typed)).toEqual(typed);
	});
});

describe('lazySchema on the server', () => {
	it('builds right away, so z.toJSONSchema sees the very schema it is given', () => {
		const build = vi.fn(() => z.object({ name: z.string().max(5) }));
		const schema = lazySchema(build);
		expect(build).toHaveBeenCalledTimes(1);
		expect(z.toJSONSchema(z.object({ inner: schema }))).toEqual(
			z.toJSONSchema(z.object({ inner: z.object({ name: z.string().max(5) }) }))
		);
	});
});
