import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { collabPlugin } from './server/collab/vite-plugin.ts';

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter({ out: 'build' }),
			compilerOptions: { runes: true },
			// Document pages register it (src/lib/collab/offline-page.ts): it exists for offline
			// reloads of documents, so other pages do not pay for its install.
			serviceWorker: { register: false }
		}),
		collabPlugin()
	],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
