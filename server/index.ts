/**
 * Production entry: one Node HTTP server that serves the SvelteKit app (adapter-node handler)
 * and the collaboration endpoint on the same port, with one SQLite connection for both.
 * Start-up problems (bad configuration, unwritable data directory, a second server on the same
 * data directory, an empty, damaged or unwritable database, a taken port) end the process with one
 * plain line on stderr and exit code 1.
 */
import http from 'node:http';
import { ConfigError, loadConfig, type Config } from '../src/lib/server/platform/config.ts';
import {
	closeDatabase,
	DataDirError,
	ensureWritableDir,
	initDatabase
} from '../src/lib/server/platform/db.ts';
import {
	acquireDataDirLock,
	DataDirLockedError
} from '../src/lib/server/platform/data-dir-lock.ts';
import { DatabaseFileError } from '../src/lib/server/platform/db-integrity.ts';
import { log } from '../src/lib/server/platform/log.ts';
import { baseSecurityHeaders } from '../src/lib/server/http/security-headers.ts';
import { closeRunStreams } from '../src/lib/server/run/run-events.ts';
import { runFirstStart } from './first-start-banner.ts';
import { recoverInterruptedKeeps } from '../src/lib/server/run/vote-keep-recovery.ts';
import { scheduleRetention } from '../src/lib/server/privacy/retention-job.ts';
import { attachCollab } from './collab/attach.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';
import { restrictNewFileModes, widerThanPrivate } from '../src/lib/server/platform/file-modes.ts';

// The data directory holds password hashes and personal data: whatever this process creates in
// it (the database, its -wal and -shm files, the lock) is readable by the service's user only.
restrictNewFileModes();

/** Prints why the server cannot start and exits; expected problems never show a stack trace. */
function refuseToStart(message: string): never {
	process.stderr.write(`Formværk cannot start: ${message}\n`);
	process.exit(1);
}

let config: Config;
let releaseDataDir: () => void;
try {
	config = loadConfig();
	ensureWritableDir(config.dataDir);
	// Before the database opens: a second server must not migrate or seed under a running one.
	releaseDataDir = acquireDataDirLock(config.dataDir);
	process.on('exit', releaseDataDir);
	const opening = performance.now();
	// Checked (quick_check) before it serves anyone: a damaged database is refused, not served.
	initDatabase(config.dataDir, { isChecked: true });
	log.info({ ms: Math.round(performance.now() - opening) }, 'database opened and checked');
	for (const { path: entry, mode, fix } of widerThanPrivate(config.dataDir)) {
		log.warn({ path: entry, mode }, `${entry} has mode ${mode}: other users may read it; ${fix}`);
	}
} catch (error) {
	const isExpected =
		error instanceof ConfigError ||
		error instanceof DataDirError ||
		error instanceof DatabaseFileError ||
		error instanceof DataDirLockedError;
	if (isExpected) refuseToStart(error.message);
	throw error;
}

// A crash in the middle of keeping a vote is settled before anyone can look at the vote. A
// failure here is logged, not fatal: the votes concerned stay as they are until the next start.
try {
	const keeps = recoverInterruptedKeeps();
	if (keeps.applied.length + keeps.undone.length > 0) {
		log.warn(keeps, 'interrupted vote keeps settled at start');
	}
} catch (error) {
	log.error({ err: error }, 'settling interrupted vote keeps failed');
}

// adapter-node builds request URLs from ORIGIN, or else from the Host header with the protocol in
// PROTOCOL_HEADER (defaulting to https). It reads both when its handler module is first imported,
// which is why they are set before the import below. With a public origin every request URL is
// that origin, whatever Host a proxy passes, so Kit's CSRF check and the API's origin check
// compare the browser's Origin with it. We serve plain http ourselves, so without a configured
// public origin we tell the adapter so on every request (overwriting anything a client sent).
// An ORIGIN from the environment is dropped: FORMVAERK_ORIGIN is the one public origin.
if (config.origin) process.env.ORIGIN = config.origin;
else {
	delete process.env.ORIGIN;
	process.env.PROTOCOL_HEADER = 'x-formvaerk-proto';
}
// The client address (throttles) is the socket's peer, unless proxies are configured: then
// adapter-node reads it from X-Forwarded-For, `proxyHops` entries from the right (the entries a
// client sent itself are further left and never used). Set from the configuration only.
if (config.proxyHops > 0) {
	process.env.ADDRESS_HEADER = 'x-forwarded-for';
	process.env.XFF_DEPTH = String(config.proxyHops);
} else {
	delete process.env.ADDRESS_HEADER;
	delete process.env.XFF_DEPTH;
}
// The build output is not type-checked (it may not exist yet when `npm run check` runs), so the
// path is a variable and the module's shape is asserted here.
const HANDLER_MODULE = '../build/handler.js';
type HandlerModule = { handler: (req: http.IncomingMessage, res: http.ServerResponse) => void };
const { handler } = (await import(HANDLER_MODULE)) as HandlerModule;

let isShuttingDown = false;
/** Requests being answered, so a shutdown can ask their connections to close afterwards. */
const inFlight = new Set<http.ServerResponse>();
/** Resolves once first-start seeding is done; requests that arrive earlier wait for it. */
const { promise: ready, resolve: setReady } = Promise.withResolvers<void>();

/** On every response, static files included (they never reach the hooks); pages replace the CSP. */
const securityHeaders = Object.entries(baseSecurityHeaders(config.origin));

const server = http.createServer((req, res) => {
	if (!config.origin) req.headers['x-formvaerk-proto'] = 'http';
	for (const [name, value] of securityHeaders) res.setHeader(name, value);
	// The per-request info line is written when the response is ready (hooks.server.ts); this one
	// shows at debug level what is still running, e.g. when a shutdown waits.
	log.debug({ method: req.method, path: req.url?.split('?')[0] }, 'request received');
	inFlight.add(res);
	res.on('close', () => inFlight.delete(res));
	if (isShuttingDown) res.setHeader('connection', 'close');
	// A keep-alive connection would otherwise hold the shutdown until its idle timeout (5 s).
	res.on('finish', () => {
		if (isShuttingDown) setImmediate(() => server.closeIdleConnections());
	});
	ready
		.then(() => handler(req, res))
		.catch((error: unknown) => {
			log.error({ err: error }, 'request handler failed');
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
			res.end('Internal Server Error');
		});
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
// Closed cases past their municipality's retention are deleted a minute after start and daily.
const stopRetention = scheduleRetention();
closers.push(() => {
	stopRetention();
	return Promise.resolve();
});

// The port is taken before first-start seeding, so a busy port cannot swallow the demo logins,
// which are printed only once.
await new Promise<void>((resolve) => {
	server.once('error', (error: NodeJS.ErrnoException) => {
		const reason =
			error.code === 'EADDRINUSE'
				? 'is already in use'
				: error.code === 'EACCES'
					? 'needs privileges this process does not have'
					: `cannot be opened (${error.code ?? error.message})`;
		refuseToStart(`port ${config.port} on ${config.host} ${reason}. Set PORT to a free port.`);
	});
	server.listen(config.port, config.host, resolve);
});
const address = server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const publicUrl = config.origin ?? `http://localhost:${port}`;
await runFirstStart(config, publicUrl);
setReady();
log.info({ port, host: config.host, dataDir: config.dataDir }, 'listening');
// Before the ready line: a supervisor (or a test) may send SIGTERM the moment it reads it, and
// without a handler Node would die at once instead of shutting down gracefully.
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.stdout.write(`Formværk kører på ${publicUrl}\n`);

/**
 * Stop accepting, let in-flight requests finish (cut off after the grace period), run the
 * closers, close the database and exit 0. A second signal exits at once with code 1.
 */
async function shutdown(signal: string): Promise<void> {
	if (isShuttingDown) {
		log.warn({ signal }, 'second signal: stopping without waiting');
		process.exit(1);
	}
	isShuttingDown = true;
	log.info({ signal, inFlight: inFlight.size }, 'shutting down');
	const closed = new Promise<void>((resolve) => server.close(() => resolve()));
	for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
	// Run-mode event streams never finish on their own; end them so they do not hold the close.
	closeRunStreams();
	server.closeIdleConnections();
	// Requests still running after the grace period are cut off so a stuck client cannot block a deploy.
	const timeout = setTimeout(() => {
		log.warn({ requests: inFlight.size }, 'grace period over: closing remaining connections');
		server.closeAllConnections();
	}, config.shutdownGraceSeconds * 1000);
	let exitCode = 0;
	try {
		for (const close of closers) await close();
		await closed;
	} catch (error) {
		log.error({ err: error }, 'shutdown step failed');
		exitCode = 1;
	}
	clearTimeout(timeout);
	closeDatabase();
	releaseDataDir();
	log.info('stopped');
	process.exit(exitCode);
}
