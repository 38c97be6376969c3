/**
 * Wires the collaboration pipeline onto an HTTP server:
 * authenticate (auth.ts) → get or load room (room-registry.ts) → validate frame (connection.ts,
 * protocol.ts) → append to the log (persistence.ts) → apply and broadcast (room.ts) → compact →
 * unload. Only upgrades for `/collab/<documentId>` are taken; others (Vite's HMR socket) are
 * left alone, and refused only when nobody else listens for upgrades.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { log as rootLog } from '../../src/lib/server/platform/log.ts';
import * as limits from '../../src/lib/domain/limits.ts';
import { CLOSE_CODES } from '../../src/lib/domain/collab-close-codes.ts';
import { authorizeUpgrade, documentIdFromUrl } from './auth.ts';
import { Connection, type ConnectionLimits } from './connection.ts';
import { RoomRegistry } from './room-registry.ts';
import { watchAccess } from './access-watch.ts';
import { SqliteDocStore } from './sqlite-store.ts';
import { DocLoader } from './doc-loader.ts';
import type { RoomLimits } from './room.ts';
import type { DocStore } from './persistence.ts';
import { CollabMetrics } from './metrics.ts';
import { memoryFigures, releaseIdleMemory } from './idle-memory.ts';
import { openEventStreamCount } from '../../src/lib/server/platform/event-stream.ts';
import { attachDocumentEditor } from './document-editor.ts';
import { lockedTargets } from '../../src/lib/server/run/locks.ts';
import { documentKindOf } from '../../src/lib/server/documents/document-kind.ts';

/** Metric intervals after going idle that log the memory figures. */
const IDLE_MEMORY_LINES = 5;

export type CollabOptions = {
	/** Where documents are stored; the SQLite store on the process's database by default. */
	store?: DocStore;
	/** Largest frame, enforced by ws (closes with 1009). */
	maxFrameBytes?: number;
	/** Public origin (FORMVAERK_ORIGIN) accepted in the Origin header besides the Host. */
	publicOrigin?: string;
	/** How long an empty room stays loaded. */
	unloadDelayMs?: number;
	pingIntervalMs?: number;
	/** How often residence-time metrics are logged (info level). */
	metricsIntervalMs?: number;
	/** How often every connection's rights are re-checked (a safety net; changes are pushed). */
	accessSweepMs?: number;
	room?: Partial<RoomLimits>;
	connection?: Partial<ConnectionLimits>;
	log?: Logger;
};

/** A running collaboration endpoint. */
export type CollabServer = {
	/** Closes every connection (1001), waits for pending appends, compacts and unloads rooms. */
	close(): Promise<void>;
	/** Open connections and loaded rooms, for health checks and tests. */
	stats(): { connections: number; rooms: number; roomsInWorkers: number };
};

const STATUS_TEXT: Record<number, string> = {
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	503: 'Service Unavailable'
};

/** Answers an upgrade request with a plain HTTP status and closes the socket. */
function refuse(socket: Duplex, status: number): void {
	socket.once('finish', () => socket.destroy());
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`
	);
}

/** Attaches the collaboration endpoint to `server`. */
export function attachCollab(server: http.Server, options: CollabOptions = {}): CollabServer {
	const log = options.log ?? rootLog.child({ module: 'collab' });
	const store = options.store ?? new SqliteDocStore();
	const roomLimits: RoomLimits = {
		maxDocumentBytes: limits.COLLAB_MAX_DOCUMENT_BYTES,
		compactAfterUpdates: limits.COLLAB_COMPACT_AFTER_UPDATES,
		compactAfterBytes: limits.COLLAB_COMPACT_AFTER_BYTES,
		maxAwarenessClients: limits.COLLAB_MAX_AWARENESS_CLIENTS,
		workerCoreBytes: limits.COLLAB_WORKER_CORE_BYTES,
		...options.room
	};
	const connectionLimits: ConnectionLimits = {
		messagesPerSecond: limits.COLLAB_MESSAGES_PER_SECOND,
		messageBurst: limits.COLLAB_MESSAGE_BURST,
		bytesPerSecond: limits.COLLAB_BYTES_PER_SECOND,
		byteBurst: limits.COLLAB_BYTE_BURST,
		maxQueuedFrames: limits.COLLAB_MAX_QUEUED_FRAMES,
		maxBufferedBytes: limits.COLLAB_MAX_BUFFERED_BYTES,
		...options.connection
	};
	const metrics = new CollabMetrics();
	const loader = store.workerSource ? new DocLoader(store.workerSource.file) : undefined;
	const registry = new RoomRegistry(
		{
			store,
			limits: roomLimits,
			log,
			metrics,
			lockedTargets,
			documentKind: documentKindOf,
			loader
		},
		options.unloadDelayMs ?? limits.COLLAB_UNLOAD_DELAY_MS
	);
	const detachEditor = attachDocumentEditor(registry, log);
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: options.maxFrameBytes ?? limits.COLLAB_MAX_FRAME_BYTES,
		perMessageDeflate: false
	});
	const connections = new Set<Connection>();
	let isClosing = false;

	function onUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
		const documentId = documentIdFromUrl(req.url);
		if (!documentId) {
			// Someone else's path (Vite HMR); in production nobody else listens, so say so.
			if (server.listenerCount('upgrade') === 1) refuse(socket, 404);
			return;
		}
		if (isClosing) return refuse(socket, 503);
		let decision;
		try {
			decision = authorizeUpgrade(req, documentId, options.publicOrigin);
		} catch (error) {
			log.error({ err: error }, 'upgrade authorization failed');
			return refuse(socket, 503);
		}
		if (decision.status !== 200) return refuse(socket, decision.status);
		const { access } = decision;
		wss.handleUpgrade(req, socket, head, (ws) => {
			const acquired = registry.acquire(documentId);
			const connection = new Connection(ws, access, connectionLimits, log, (closed) => {
				connections.delete(closed);
				// Release only a hold that was taken: acquire may still be waiting for an unload.
				acquired.then(
					() => registry.release(documentId),
					() => undefined
				);
			});
			connections.add(connection);
			acquired.then(
				(room) => connection.join(room),
				() => connection.fail(CLOSE_CODES.serverError, 'document could not be loaded')
			);
		});
	}

	server.on('upgrade', onUpgrade);
	const stopWatching = watchAccess(
		connections,
		options.accessSweepMs ?? limits.COLLAB_ACCESS_SWEEP_MS,
		log
	);

	// Ping everyone every interval; whoever did not answer the previous ping is gone.
	const pingTimer = setInterval(() => {
		for (const connection of connections) {
			if (!connection.isAlive) {
				connection.ws.terminate();
				continue;
			}
			connection.isAlive = false;
			connection.ws.ping();
		}
	}, options.pingIntervalMs ?? limits.COLLAB_PING_INTERVAL_MS);
	pingTimer.unref();
	let idleTicks = 0;
	const metricsTimer = setInterval(() => {
		const summary = metrics.flush();
		const current = stats();
		if (summary) log.info({ ...summary, ...current, memoryMiB: memoryFigures() }, 'collab metrics');
		// On the first tick without rooms (after start, and after the last room unloaded) memory is
		// given back (idle-memory.ts); a few lines then show where it stands, then silence.
		// Open event streams (run mode, a Dag 3 session's followers) count as activity: the release
		// blocks the event loop for 30-130 ms, and with 200 followers waiting for the presenter's
		// next step that was the one move in forty that reached them late (docs/benchmarks.md).
		if (current.connections > 0 || current.rooms > 0 || openEventStreamCount() > 0) idleTicks = 0;
		else if (idleTicks++ < IDLE_MEMORY_LINES) {
			if (idleTicks === 1) releaseIdleMemory();
			log.info({ memoryMiB: memoryFigures() }, 'collab idle memory');
		}
	}, options.metricsIntervalMs ?? limits.COLLAB_METRICS_INTERVAL_MS);
	metricsTimer.unref();

	function stats() {
		return {
			connections: connections.size,
			rooms: registry.size,
			roomsInWorkers: registry.inWorkers
		};
	}

	return {
		async close() {
			if (isClosing) return;
			isClosing = true;
			server.off('upgrade', onUpgrade);
			clearInterval(pingTimer);
			clearInterval(metricsTimer);
			stopWatching();
			detachEditor();
			for (const connection of [...connections]) {
				connection.fail(CLOSE_CODES.goingAway, 'server shutting down');
			}
			await registry.closeAll();
			await loader?.close();
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		},
		stats
	};
}
