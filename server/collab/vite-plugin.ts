/**
 * Runs the same collaboration server under `vite dev` and `vite preview` as in production, on
 * Vite's own HTTP server. It takes only `/collab/…` upgrades, so Vite's HMR socket is untouched.
 */
import type { Plugin } from 'vite';
import type http from 'node:http';

/** The plugin for vite.config.ts. */
export function collabPlugin(): Plugin {
	async function attach(httpServer: http.Server | null): Promise<void> {
		// Vitest and middleware mode have no HTTP server, and no collaboration either.
		if (!httpServer) return;
		// Loaded lazily so that merely reading the Vite config (vitest, svelte-check) does not
		// open the database.
		const { loadConfig } = await import('../../src/lib/server/config.ts');
		const { initDatabase } = await import('../../src/lib/server/db.ts');
		const { attachCollab } = await import('./attach.ts');
		const config = loadConfig();
		// Idempotent: hooks.server.ts's init reuses this connection (one handle per process).
		initDatabase(config.dataDir);
		const collab = attachCollab(httpServer, {
			maxFrameBytes: config.maxFrameBytes,
			publicOrigin: config.origin
		});
		httpServer.once('close', () => void collab.close());
	}
	return {
		name: 'formvaerk-collab',
		configureServer: (server) => attach(server.httpServer as http.Server | null),
		configurePreviewServer: (server) => attach(server.httpServer as http.Server)
	};
}
