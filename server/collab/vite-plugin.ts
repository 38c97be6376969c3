/**
 * Runs the same collaboration server under `vite dev` and `vite preview` as in production, on
 * Vite's own HTTP server. It takes only `/collab/…` upgrades, so Vite's HMR socket is untouched.
 */
import type http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

type DevModule = typeof import('./dev-attach.ts');

/** The plugin for vite.config.ts. */
export function collabPlugin(): Plugin {
	async function attach(httpServer: http.Server | null, root: string): Promise<void> {
		// Vitest and middleware mode have no HTTP server, and no collaboration either.
		if (!httpServer) return;
		// Imported by file URL at run time, not bundled into the config: Node then runs the server
		// modules as in production (the room worker thread is found next to them), and merely
		// reading the config (vitest, svelte-check) does not open the database.
		const url = pathToFileURL(path.join(root, 'server/collab/dev-attach.ts')).href;
		const { attachForVite } = (await import(/* @vite-ignore */ url)) as DevModule;
		attachForVite(httpServer);
	}
	return {
		name: 'formvaerk-collab',
		configureServer: (server) =>
			attach(server.httpServer as http.Server | null, server.config.root),
		configurePreviewServer: (server) => attach(server.httpServer as http.Server, server.config.root)
	};
}
