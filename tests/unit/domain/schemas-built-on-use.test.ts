/**
 * In a browser, the modules whose schemas the template page's first load evaluates build none of
 * them when imported (lazy-schema.ts, which defers where `window` exists): each `z.*` factory call is counted, through a mock of `zod` that
 * passes every call on to the real one, across a fresh import of each module.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const zodCalls = vi.hoisted(() => [] as string[]);

vi.mock('zod', async (importOriginal) => {
	const actual = await importOriginal<typeof import('zod')>();
	const counted = new Proxy(actual.z, {
		get(target, key) {
			const value: unknown = Reflect.get(target, key);
			// Factories (`z.object`, `z.string`, …) are lower-case; classes and errors pass untouched.
			if (typeof value !== 'function' || typeof key !== 'string' || !/^[a-z]/.test(key)) {
				return value;
			}
			return (...args: unknown[]) => {
				zodCalls.push(key);
				return (value as (...a: unknown[]) => unknown)(...args);
			};
		}
	});
	return { ...actual, z: counted };
});

// `STATEMENT_LIBRARY` parses the library where it is declared; the bundler drops that call
// (`@__PURE__`, only tests read the constant), so the page never runs it. Unbundled, it would.
vi.mock('#lib/domain/template/starters/library.ts', () => ({
	STATEMENT_LIBRARY: [],
	getLibraryStatement: () => undefined,
	libraryStatementsFor: () => []
}));

/** The modules found in the template page's client bundle (room-speed-4a) and what they import. */
const MODULES = {
	'collab/template/template-input': () => import('#lib/collab/template/template-input.ts'),
	'collab/template/template-ops-areas': () => import('#lib/collab/template/template-ops-areas.ts'),
	'collab/template/template-ops-details': () =>
		import('#lib/collab/template/template-ops-details.ts'),
	'collab/template/template-ops-goals': () => import('#lib/collab/template/template-ops-goals.ts'),
	'collab/template/template-ops-lists': () => import('#lib/collab/template/template-ops-lists.ts'),
	'collab/template/template-ops-meta': () => import('#lib/collab/template/template-ops-meta.ts'),
	'collab/template/template-ops-plan': () => import('#lib/collab/template/template-ops-plan.ts'),
	'collab/template/template-ops-scales': () =>
		import('#lib/collab/template/template-ops-scales.ts'),
	'collab/template/template-ops-signers': () =>
		import('#lib/collab/template/template-ops-signers.ts'),
	'collab/template/template-ops-statements': () =>
		import('#lib/collab/template/template-ops-statements.ts'),
	'domain/comments': () => import('#lib/domain/comments.ts'),
	'domain/follow': () => import('#lib/domain/follow.ts'),
	'domain/run-mode': () => import('#lib/domain/run-mode.ts'),
	'domain/schemas': () => import('#lib/domain/schemas.ts'),
	'domain/text': () => import('#lib/domain/text.ts'),
	'domain/vote-keep': () => import('#lib/domain/vote-keep.ts'),
	'domain/template/case-data': () => import('#lib/domain/template/case-data.ts'),
	'domain/template/ids': () => import('#lib/domain/template/ids.ts'),
	'domain/template/inputs': () => import('#lib/domain/template/inputs.ts'),
	'domain/template/locks': () => import('#lib/domain/template/locks.ts'),
	'domain/template/plan-schemas': () => import('#lib/domain/template/plan-schemas.ts'),
	'domain/template/rich-text': () => import('#lib/domain/template/rich-text.ts'),
	'domain/template/schemas': () => import('#lib/domain/template/schemas.ts'),
	'domain/template/starter-schema': () => import('#lib/domain/template/starter-schema.ts'),
	'domain/template/text-schemas': () => import('#lib/domain/template/text-schemas.ts')
};

describe('schemas are built when first used, not when their module loads', () => {
	beforeEach(() => {
		vi.stubGlobal('window', globalThis);
		vi.resetModules();
		zodCalls.length = 0;
	});
	afterAll(() => vi.unstubAllGlobals());

	it.each(Object.entries(MODULES))('importing %s calls no zod factory', async (_name, load) => {
		await load();
		expect(zodCalls).toEqual([]);
	});

	it('builds a schema and what it is made of on its first use, once', async () => {
		const { templateSchema } = await import('#lib/domain/template/schemas.ts');
		expect(zodCalls).toEqual([]);
		expect(templateSchema.safeParse({}).success).toBe(false);
		const built = zodCalls.length;
		expect(built).toBeGreaterThan(0);
		expect(templateSchema.safeParse({}).success).toBe(false);
		expect(zodCalls.length).toBe(built);
	});
});
