/** `vite dev` / `vite preview`: open the process's database and attach the collaboration server. */
import type http from 'node:http';
import { loadConfig } from '../../src/lib/server/platform/config.ts';
import { initDatabase } from '../../src/lib/server/platform/db.ts';
import { attachCollab } from './attach.ts';

/** Attaches to Vite's HTTP server and detaches when it closes. */
export function attachForVite(httpServer: http.Server): void {
	const config = loadConfig();
	// Idempotent: hooks.server.ts's init reuses this connection (one handle per process).
	initDatabase(config.dataDir);
	const collab = attachCollab(httpServer, {
		maxFrameBytes: config.maxFrameBytes,
		publicOrigin: config.origin
	});
	httpServer.once('close', () => void collab.close());
}
