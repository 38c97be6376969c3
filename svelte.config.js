import adapter from '@sveltejs/adapter-node';

/**
 * SvelteKit and adapter options. Plugins and Vitest live in vite.config.ts.
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// Document pages register it (src/lib/collab/offline-page.ts): it exists for offline
		// reloads of documents, so other pages do not pay for its install.
		serviceWorker: { register: false }
	}
};

export default config;
