/**
 * Production entry: one Node HTTP server that serves the SvelteKit app (adapter-node handler)
 * and the collaboration endpoint on the same port, with one SQLite connection for both.
 */
import http from 'node:http';
import { loadConfig } from '../src/lib/server/config.ts';
import { closeDatabase, DataDirError, initDatabase } from '../src/lib/server/db.ts';
import { log } from '../src/lib/server/log.ts';
import { runFirstStart } from './first-start-banner.ts';
import { attachCollab } from './collab/attach.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';

const config = loadConfig();

try {
	initDatabase(config.dataDir);
} catch (error) {
	if (error instanceof DataDirError) {
		process.stderr.write(`Formværk cannot start: ${error.message}\n`);
		process.exit(1);
	}
	throw error;
}

const publicUrl = config.origin ?? `http://localhost:${config.port}`;
await runFirstStart(config, publicUrl);

// adapter-node builds request URLs from ORIGIN, or else from the Host header with the protocol in
// PROTOCOL_HEADER (defaulting to https). We serve plain http ourselves, so without a configured
// public origin we tell it so on every request (overwriting anything a client sent).
if (config.origin) process.env.ORIGIN = config.origin;
else process.env.PROTOCOL_HEADER = 'x-formvaerk-proto';
// The build output is not type-checked (it may not exist yet when `npm run check` runs), so the
// path is a variable and the module's shape is asserted here.
const HANDLER_MODULE = '../build/handler.js';
type HandlerModule = { handler: (req: http.IncomingMessage, res: http.ServerResponse) => void };
const { handler } = (await import(HANDLER_MODULE)) as HandlerModule;

const server = http.createServer((req, res) => {
	if (!config.origin) req.headers['x-formvaerk-proto'] = 'http';
	handler(req, res);
});
const closers: (() => Promise<void>)[] = [];

// Checkpoints (which fsync) run in a worker thread so that no commit stalls the event loop.
const stopCheckpointer = startWalCheckpointer(config.dataDir);

// Same port, same process, same database handle as the app: /collab/<documentId>.
const collab = attachCollab(server, {
	maxFrameBytes: config.maxFrameBytes,
	publicOrigin: config.origin
});
closers.push(() => collab.close());
closers.push(stopCheckpointer);

server.listen(config.port, config.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	log.info({ port, host: config.host, dataDir: config.dataDir }, 'listening');
	process.stdout.write(`Formværk kører på ${config.origin ?? `http://localhost:${port}`}\n`);
});

let isShuttingDown = false;
/** Stop accepting, let in-flight requests finish, close sockets and the database, exit 0. */
async function shutdown(signal: string): Promise<void> {
	if (isShuttingDown) return;
	isShuttingDown = true;
	log.info({ signal }, 'shutting down');
	const closed = new Promise<void>((resolve) => server.close(() => resolve()));
	server.closeIdleConnections();
	for (const close of closers) await close();
	// Requests still running after 10 s are cut off so a stuck client cannot block a deploy.
	const timeout = setTimeout(() => server.closeAllConnections(), 10_000);
	await closed;
	clearTimeout(timeout);
	closeDatabase();
	log.info('stopped');
	process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
