/**
 * One client socket: rate limit → decode (guarded) → route to the room. Frames that arrive
 * while the room is still loading wait in a short queue, so no client is answered before the
 * stored state is loaded. A malformed frame, a flood or an oversized document closes this
 * connection only, with a named code; nothing of it is stored. The connection watches its
 * session: when the session ends (logout, expiry, a password change or reset) the socket is closed
 * with 4401, and an edit that arrives after the end is never stored.
 */
import type { WebSocket, RawData } from 'ws';
import type { Logger } from 'pino';
import { CLOSE_CODES } from '../../src/lib/domain/collab-close-codes.ts';
import { decodeClientMessage, isEmptyUpdate, ProtocolError, syncStep1Message } from './protocol.ts';
import { TokenBucket } from './rate-limit.ts';
import type { Room, RoomMember } from './room.ts';
import type { Access } from './auth.ts';
import type { PresenceUser } from './presence.ts';
import { watchSession, type SessionWatch } from '../../src/lib/server/accounts/session-watch.ts';

export type ConnectionLimits = {
	messagesPerSecond: number;
	messageBurst: number;
	bytesPerSecond: number;
	byteBurst: number;
	maxQueuedFrames: number;
	maxBufferedBytes: number;
};

/** A client connection bound to one document. */
export class Connection implements RoomMember {
	readonly user: PresenceUser;
	readonly awarenessIds = new Set<number>();
	readonly canBypassLocks: boolean;
	/** Set by the ping loop; a connection that did not answer the previous ping is dead. */
	isAlive = true;
	private room: Room | null = null;
	private queued: { frame: Uint8Array; receivedAt: number }[] = [];
	private isClosed = false;
	private readonly messages: TokenBucket;
	private readonly bytes: TokenBucket;
	readonly ws: WebSocket;
	readonly access: Access;
	private readonly limits: ConnectionLimits;
	private readonly log: Logger;
	private readonly onClosed: (connection: Connection) => void;
	private readonly session: SessionWatch;

	// No parameter properties: Node runs this file with type stripping only.
	constructor(
		ws: WebSocket,
		access: Access,
		limits: ConnectionLimits,
		log: Logger,
		onClosed: (connection: Connection) => void
	) {
		this.ws = ws;
		this.access = access;
		this.limits = limits;
		this.log = log;
		this.onClosed = onClosed;
		this.user = { id: access.userId, name: access.userName };
		this.canBypassLocks = access.canBypassLocks;
		this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
		this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
		ws.on('message', (data, isBinary) => this.onFrame(data, isBinary));
		ws.on('pong', () => (this.isAlive = true));
		ws.on('close', () => this.leave());
		// ws emits 'error' before closing on protocol violations, including frames over
		// maxPayload (it then closes with 1009 itself); the close handler does the cleanup.
		ws.on('error', (error) => this.log.debug({ err: error }, 'socket error'));
		this.session = watchSession(access.sessionToken, () =>
			this.fail(CLOSE_CODES.sessionEnded, 'session ended')
		);
	}

	/** Joins the loaded room: sync step 1 for writers, current presence, then queued frames. */
	join(room: Room): void {
		if (this.isClosed) return;
		this.room = room;
		room.addMember(this);
		// A read-only client's answer to step 1 would be dropped anyway, so it is not asked.
		if (this.access.canWrite) this.reply(room.stateVector(), syncStep1Message);
		const presence = room.awarenessSnapshot();
		if (presence) this.send(presence);
		const queued = this.queued;
		this.queued = [];
		for (const { frame, receivedAt } of queued) {
			if (this.isClosed) break;
			this.handle(frame, receivedAt);
		}
	}

	/** Sends the message built from an asynchronous core answer, unless closed by then. */
	private reply(payload: Promise<Uint8Array>, build: (payload: Uint8Array) => Uint8Array): void {
		payload.then(
			(bytes) => this.send(build(bytes)),
			(error: unknown) => {
				this.log.error({ err: error, documentId: this.access.documentId }, 'sync reply failed');
				this.fail(CLOSE_CODES.serverError, 'sync failed');
			}
		);
	}

	private onFrame(data: RawData, isBinary: boolean): void {
		if (this.isClosed) return;
		const receivedAt = performance.now();
		const frame = toBytes(data);
		if (!this.messages.take(1) || !this.bytes.take(frame.length)) {
			this.fail(CLOSE_CODES.rateLimited, 'rate limited');
			return;
		}
		if (!isBinary) {
			this.fail(CLOSE_CODES.badMessage, 'text frame');
			return;
		}
		if (!this.room) {
			if (this.queued.length >= this.limits.maxQueuedFrames) {
				this.fail(CLOSE_CODES.rateLimited, 'too many frames while loading');
				return;
			}
			this.queued.push({ frame, receivedAt });
			return;
		}
		this.handle(frame, receivedAt);
	}

	private handle(frame: Uint8Array, receivedAt: number): void {
		const room = this.room as Room;
		try {
			const message = decodeClientMessage(frame);
			switch (message.kind) {
				case 'sync-step-1':
					this.reply(room.syncStep2(message.stateVector), (built) => built);
					return;
				case 'update':
					// Read-only connections receive everything but change nothing.
					if (!this.access.canWrite || isEmptyUpdate(message.update)) return;
					// Asked before storing: the CLI may have ended the session a moment ago, and
					// the watch closes the socket when it has.
					if (!this.session.isLive()) return;
					// An edit is use of the session, like a request: its idle expiry moves.
					this.session.touch();
					if (room.submitUpdate(message.update, this, receivedAt) === 'too-large') {
						this.fail(CLOSE_CODES.documentTooLarge, 'document too large');
					}
					return;
				case 'awareness':
					room.applyAwareness(this, message.entries);
					return;
				case 'query-awareness': {
					const presence = room.awarenessSnapshot();
					if (presence) this.send(presence);
					return;
				}
			}
		} catch (error) {
			const reason = error instanceof ProtocolError ? error.message : 'unprocessable';
			this.log.info(
				{ documentId: this.access.documentId, userId: this.user.id, reason },
				'bad frame'
			);
			this.fail(CLOSE_CODES.badMessage, 'bad message');
		}
	}

	/** Sends unless closed; a client too slow to take its output is dropped instead of buffered. */
	send(message: Uint8Array): void {
		if (this.isClosed || this.ws.readyState !== this.ws.OPEN) return;
		if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
			this.log.warn({ documentId: this.access.documentId }, 'dropping slow connection');
			this.ws.terminate();
			this.leave();
			return;
		}
		this.ws.send(message);
	}

	/** Closes with a named code; the room forgets this connection (and its presence) at once. */
	fail(code: number, reason: string): void {
		if (this.isClosed) return;
		this.ws.close(code, reason);
		this.leave();
	}

	/** Leaves the room exactly once, whatever closed the socket. */
	private leave(): void {
		if (this.isClosed) return;
		this.isClosed = true;
		this.queued = [];
		this.session.stop();
		this.room?.removeMember(this);
		this.onClosed(this);
	}
}

/** ws delivers a Buffer, an ArrayBuffer or fragments; the decoder wants one Uint8Array. */
function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return data;
}
