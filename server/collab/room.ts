/**
 * A Room is one loaded document: its Y.Doc, its awareness and the connections editing it.
 *
 * Pipeline for an update (see conventions.md 2.6-2.8): the connection has already validated the
 * frame; `submitUpdate` checks the document size, appends to the store, and only when the store
 * has committed it applies the update to the Y.Doc, whose `update` event broadcasts it to every
 * connection (the author too: getting its own update back tells a client it is saved).
 * Updates are applied strictly in submission order, so the doc always equals snapshot + a
 * prefix of the log, which is what makes compaction at `lastSeq` correct.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from 'pino';
import {
	awarenessMessage,
	updateMessage,
	writeAwarenessUpdate,
	type AwarenessEntry
} from './protocol.ts';
import { rewriteAwarenessEntry, type PresenceUser } from './presence.ts';
import type { DocStore } from './persistence.ts';
import { CLOSE_CODES } from '../../src/lib/domain/collab-close-codes.ts';

/** What a room needs from a connection; `connection.ts` implements it. */
export interface RoomMember {
	readonly user: PresenceUser;
	/** Awareness client ids this member has claimed. */
	readonly awarenessIds: Set<number>;
	send(message: Uint8Array): void;
	/** Closes the member's socket with a named code (see collab-close-codes.ts). */
	fail(code: number, reason: string): void;
}

export type RoomLimits = {
	maxDocumentBytes: number;
	compactAfterUpdates: number;
	compactAfterBytes: number;
	maxAwarenessClients: number;
};

type QueuedUpdate = {
	update: Uint8Array;
	member: RoomMember;
	state: 'pending' | 'committed' | 'failed';
	seq: number;
};

/** Result of `submitUpdate`: accepted for storage, or refused because the doc would be too big. */
export type SubmitResult = 'accepted' | 'too-large';

/** Transaction origin for updates replayed from storage (never broadcast: nobody is connected). */
const FROM_STORE = Symbol('from-store');
/** Re-measure the exact size at most this often when a doc is near its limit (encoding is O(doc)). */
const EXACT_SIZE_INTERVAL_MS = 1000;

/** One loaded document with its connections. */
export class Room {
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly members = new Set<RoomMember>();
	private readonly awarenessOwners = new Map<number, RoomMember>();
	private queue: QueuedUpdate[] = [];
	private isDrainScheduled = false;
	private idleWaiters: (() => void)[] = [];
	private compacting: Promise<void> | null = null;
	/** Seq of the last update applied to `doc`; the doc equals the stored state through it. */
	private lastSeq = 0;
	/** Log entries and bytes stored since the last snapshot. */
	private logCount = 0;
	private logBytes = 0;
	/** Upper bound of the encoded document size (exact after compaction or a re-measure). */
	private sizeEstimate = 0;
	private exactSizeAt = 0;

	readonly documentId: string;
	private readonly store: DocStore;
	private readonly limits: RoomLimits;
	private readonly log: Logger;

	private constructor(documentId: string, store: DocStore, limits: RoomLimits, log: Logger) {
		this.documentId = documentId;
		this.store = store;
		this.limits = limits;
		this.log = log;
		// The server has no presence of its own.
		this.awareness.setLocalState(null);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === FROM_STORE) return;
			this.broadcast(updateMessage(update));
		});
		this.awareness.on(
			'update',
			({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
				const changed = added.concat(updated, removed);
				const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
				this.broadcast(awarenessMessage(update));
			}
		);
	}

	/**
	 * Loads snapshot plus tail from the store into a new room. Nobody can be served before this
	 * resolves: the registry hands out the room only afterwards.
	 */
	static async load(
		documentId: string,
		store: DocStore,
		limits: RoomLimits,
		log: Logger
	): Promise<Room> {
		const stored = await store.load(documentId);
		const room = new Room(documentId, store, limits, log);
		// One transaction for the whole replay: 10,000 small updates apply ~3x faster than one by one.
		Y.transact(
			room.doc,
			() => {
				if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot, FROM_STORE);
				for (const update of stored.updates) {
					try {
						Y.applyUpdate(room.doc, update, FROM_STORE);
					} catch (error) {
						// Same outcome as when it was first applied live (see drain): log and go on.
						log.error({ err: error, documentId }, 'stored update failed to apply');
					}
				}
			},
			FROM_STORE
		);
		room.lastSeq = stored.lastSeq;
		room.logCount = stored.updates.length;
		room.logBytes = stored.updates.reduce((sum, u) => sum + u.length, 0);
		room.sizeEstimate = (stored.snapshot?.length ?? 0) + room.logBytes;
		return room;
	}

	/** Adds a connection; it then receives every broadcast. */
	addMember(member: RoomMember): void {
		this.members.add(member);
	}

	/** Removes a connection and, at once, its awareness states (broadcast to the others). */
	removeMember(member: RoomMember): void {
		if (!this.members.delete(member)) return;
		const ids = [...member.awarenessIds].filter((id) => this.awarenessOwners.get(id) === member);
		for (const id of ids) this.awarenessOwners.delete(id);
		member.awarenessIds.clear();
		const present = ids.filter((id) => this.awareness.states.has(id));
		if (present.length > 0) {
			awarenessProtocol.removeAwarenessStates(this.awareness, present, 'connection closed');
		}
	}

	/** Number of connections. */
	get size(): number {
		return this.members.size;
	}

	/**
	 * Queues a validated update for durable append; it is applied and broadcast once committed.
	 * Refuses it when the document would outgrow `maxDocumentBytes`.
	 */
	submitUpdate(update: Uint8Array, member: RoomMember): SubmitResult {
		if (this.sizeEstimate + update.length > this.limits.maxDocumentBytes) {
			if (!this.remeasure(update.length)) return 'too-large';
		}
		this.sizeEstimate += update.length;
		const entry: QueuedUpdate = { update, member, state: 'pending', seq: 0 };
		this.queue.push(entry);
		this.store.append(this.documentId, update, { userId: member.user.id }).then(
			(seq) => {
				entry.state = 'committed';
				entry.seq = seq;
				this.scheduleDrain();
			},
			(error: unknown) => {
				entry.state = 'failed';
				this.log.error({ err: error, documentId: this.documentId }, 'append failed');
				this.scheduleDrain();
			}
		);
		return 'accepted';
	}

	/** Exact size check near the limit; true when the update still fits. */
	private remeasure(incoming: number): boolean {
		const now = Date.now();
		if (now - this.exactSizeAt < EXACT_SIZE_INTERVAL_MS) return false;
		this.exactSizeAt = now;
		const pending = this.queue.reduce((sum, q) => sum + q.update.length, 0);
		this.sizeEstimate = Y.encodeStateAsUpdate(this.doc).length + pending;
		return this.sizeEstimate + incoming <= this.limits.maxDocumentBytes;
	}

	private scheduleDrain(): void {
		if (this.isDrainScheduled) return;
		this.isDrainScheduled = true;
		// A microtask runs after every resolution of the same commit, so one commit yields one
		// Yjs transaction and one broadcast per room.
		queueMicrotask(() => this.drain());
	}

	/** Applies the committed prefix of the queue, in order, as one transaction. */
	private drain(): void {
		this.isDrainScheduled = false;
		let ready = 0;
		while (ready < this.queue.length && this.queue[ready].state !== 'pending') ready++;
		if (ready === 0) return;
		const batch = this.queue.splice(0, ready);
		Y.transact(this.doc, () => {
			for (const entry of batch) {
				if (entry.state === 'failed') {
					// Not stored, so not applied; the client still has it and resends on reconnect.
					entry.member.fail(CLOSE_CODES.serverError, 'storage failed');
					continue;
				}
				this.lastSeq = Math.max(this.lastSeq, entry.seq);
				this.logCount++;
				this.logBytes += entry.update.length;
				try {
					Y.applyUpdate(this.doc, entry.update, entry.member);
				} catch (error) {
					// Decodable but not integrable (crafted structs). It is in the log already; loading
					// meets the same failure and skips it the same way.
					this.log.warn({ err: error, documentId: this.documentId }, 'update failed to apply');
					entry.member.fail(CLOSE_CODES.badMessage, 'bad update');
				}
			}
		});
		if (this.queue.length === 0) {
			for (const resolve of this.idleWaiters.splice(0)) resolve();
		}
		this.maybeCompact();
	}

	/** Resolves when every submitted update is stored and applied (or failed). */
	whenIdle(): Promise<void> {
		if (this.queue.length === 0) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	private maybeCompact(): void {
		if (this.compacting) return;
		if (
			this.logCount >= this.limits.compactAfterUpdates ||
			this.logBytes >= this.limits.compactAfterBytes
		) {
			void this.compact();
		}
	}

	/** Snapshots the doc through `lastSeq` and drops those log rows; one at a time per room. */
	async compact(): Promise<void> {
		if (this.compacting) await this.compacting;
		if (this.logCount === 0) return;
		const count = this.logCount;
		const bytes = this.logBytes;
		const through = this.lastSeq;
		const snapshot = Y.encodeStateAsUpdate(this.doc);
		this.compacting = this.store.compact(this.documentId, snapshot, through).then(
			() => {
				this.logCount -= count;
				this.logBytes -= bytes;
				this.sizeEstimate = snapshot.length + this.logBytes;
				this.compacting = null;
			},
			(error: unknown) => {
				this.log.error({ err: error, documentId: this.documentId }, 'compaction failed');
				this.compacting = null;
			}
		);
		await this.compacting;
	}

	/**
	 * Applies a client's awareness entries after filtering them to client ids the member owns (or
	 * may claim) and overwriting `user` with its session identity.
	 */
	applyAwareness(member: RoomMember, entries: AwarenessEntry[]): void {
		const accepted: AwarenessEntry[] = [];
		for (const entry of entries) {
			const owner = this.awarenessOwners.get(entry.clientId);
			if (owner && owner !== member) continue;
			if (!owner) {
				if (member.awarenessIds.size >= this.limits.maxAwarenessClients) continue;
				this.awarenessOwners.set(entry.clientId, member);
				member.awarenessIds.add(entry.clientId);
			}
			const rewritten = rewriteAwarenessEntry(entry, member.user);
			if (rewritten) accepted.push(rewritten);
		}
		if (accepted.length === 0) return;
		awarenessProtocol.applyAwarenessUpdate(this.awareness, writeAwarenessUpdate(accepted), member);
	}

	/** All current awareness states as one message, or null when nobody has a state. */
	awarenessSnapshot(): Uint8Array | null {
		const ids = [...this.awareness.getStates().keys()];
		if (ids.length === 0) return null;
		return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
	}

	private broadcast(message: Uint8Array): void {
		for (const member of this.members) member.send(message);
	}

	/** Waits for pending appends, compacts, and frees the doc. The room must have no members. */
	async unload(): Promise<void> {
		await this.whenIdle();
		await this.compact();
		// Destroying the doc destroys its awareness too (clearing the awareness timer).
		this.doc.destroy();
	}
}
