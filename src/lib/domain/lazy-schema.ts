/**
 * Module-level zod schemas, built on first use instead of when their module loads.
 *
 * The template page's first load evaluates a few dozen modules that each declare schemas at the
 * top level; building them (zod's constructors, its prototype installs and lazy members) cost
 * 40-90 ms of main-thread time before hydration, on a page where most of them are only needed
 * once someone edits or the server validates (docs/benchmarks.md, "room-speed-4a").
 *
 * Why not `z.lazy`: it is zod's documented way to defer a schema, but it is a `ZodLazy` wrapper,
 * not the schema: no `.shape`, `.extend`, `.pick`, `.omit`, `.options`, its static type is
 * `ZodLazy<T>` instead of `T`, and creating it is itself a zod construction at load. Our code
 * extends, picks and omits these schemas and hands them to `z.toJSONSchema` for the OpenAPI
 * document, so the deferral has to be transparent. This is a Proxy in front of the schema: every
 * read, `in`, `instanceof` (zod's `Symbol.hasInstance` looks at `_zod.traits`, and the prototype
 * is the built one's) and key listing goes to the schema `build` returns, which is built once, on
 * the first such access, and is the same object for the lifetime of the module.
 *
 * The proxy, not the built schema, is what other schemas hold and what callers compare, so one
 * value stands for the schema everywhere (`lazySchema(...) === itself`, also as a WeakMap key).
 * Methods read through the proxy are bound to the built schema by zod itself, so `parse`,
 * `safeParse`, error messages and paths are exactly those of the built schema.
 *
 * Deferred only in a browser (where `window` exists): the server builds at load, as before. Its load time
 * does not matter, and `z.toJSONSchema` (the OpenAPI document) keys what it has seen by schema
 * object while zod's processors look themselves up by the built instance, which a proxy is not;
 * a deferred schema there would fail. Both sides run the same `build`, so the rules, messages
 * and paths are the same on the server and in the browser.
 */
import type { z } from 'zod';

/**
 * A schema that `build` creates the first time anything reads it (in a browser; on the server
 * right away); same type as `build`'s result, so `z.infer<typeof schema>` and every method are
 * unchanged.
 */
export function lazySchema<T extends z.ZodType>(build: () => T): T {
	if (typeof window === 'undefined') return build();
	let schema: T | undefined;
	const built = (): T => (schema ??= build());
	// The target is an empty extensible object: the proxy then may report any property of the
	// built schema (Proxy invariants only bind non-configurable or non-extensible targets).
	return new Proxy({} as T, {
		get: (_target, key) => Reflect.get(built(), key),
		set: (_target, key, value) => Reflect.set(built(), key, value),
		has: (_target, key) => Reflect.has(built(), key),
		ownKeys: () => Reflect.ownKeys(built()),
		getOwnPropertyDescriptor: (_target, key) => {
			const descriptor = Reflect.getOwnPropertyDescriptor(built(), key);
			// Reported as configurable: a non-configurable one would break the invariant above.
			return descriptor && { ...descriptor, configurable: true };
		},
		defineProperty: (_target, key, descriptor) => Reflect.defineProperty(built(), key, descriptor),
		deleteProperty: (_target, key) => Reflect.deleteProperty(built(), key),
		getPrototypeOf: () => Reflect.getPrototypeOf(built())
	});
}
