import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { collabPlugin } from './server/collab/vite-plugin.ts';

export default defineConfig({
	plugins: [sveltekit(), collabPlugin()],
	// Source maps only for profiling (`BENCH_SOURCEMAP=1 npm run build`, bench/page-trace.ts).
	build: { sourcemap: process.env.BENCH_SOURCEMAP === '1' },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
