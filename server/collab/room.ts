/**
 * A Room is one loaded document: its Yjs core (room-core.ts), its awareness and the
 * connections editing it.
 *
 * Pipeline for an update (conventions.md 2.6-2.8): the connection has already validated the
 * frame; `submitUpdate` checks the document size and appends to the store; only when the store
 * has committed it is the update handed to the core, which applies it and returns what changed,
 * and that is broadcast to every connection (the author too: getting its own update back tells
 * a client it is saved). Updates reach the core strictly in submission order, so the doc always
 * equals snapshot + a prefix of the log, which is what makes compaction at `lastSeq` correct.
 *
 * Shape: a document stored in an older shape of its kind (a template, a drejebog) is upgraded
 * once, in `load`, before anyone is answered (`upgradeShape`, document-shapes.ts).
 *
 * Checks (issues 5 and 16): every update is first checked by the core on a scratch copy
 * (`checkThenAppend`, update-check.ts) and refused, never stored, applied or broadcast, when it
 * would break the template's shape (from anyone) or, while the template has locked parts and the
 * member may not bypass them, when it changes a locked part.
 */
import type { Logger } from 'pino';
import { CLOSE_CODES } from '../../src/lib/domain/collab-close-codes.ts';
import { updateMessage, type AwarenessEntry } from './protocol.ts';
import type { PresenceUser } from './presence.ts';
import { RoomPresence } from './room-presence.ts';
import type { CollabMetrics } from './metrics.ts';
import { LocalRoomCore, storedSizes, type LoadReport, type RoomCore } from './room-core.ts';
import { threadCpuMs } from './thread-cpu.ts';
import { WorkerRoomCore } from './worker-room-core.ts';
import type { DocStore, StoredDocument } from './persistence.ts';
import type { DocLoader } from './doc-loader.ts';
import type { CheckVerdict } from './update-check.ts';
import type { LockTarget } from '../../src/lib/domain/template/locks.ts';
import { SystemMember, SYSTEM_AUTHOR_ID } from './system-member.ts';
import type { DocumentKind } from '../../src/lib/domain/workshop.ts';

/** How long after loading a room compacts a long log tail (see `Room.load`). */
const COMPACT_AFTER_LOAD_MS = 1000;

/**
 * Reads a document: through the loader thread, which also joins the tail, when the server has
 * one; otherwise (memory store, or the thread is gone) from the store on this thread. The
 * loader's own read time and CPU come along when it did the work.
 */
async function readStored(
	documentId: string,
	context: RoomContext
): Promise<StoredDocument & { joined?: Uint8Array | null; readMs?: number; cpuMs?: number }> {
	const { loader, store, log } = context;
	if (loader?.isRunning) {
		try {
			return await loader.load(documentId);
		} catch (error) {
			log.error({ err: error, documentId }, 'document loader failed; reading on the main thread');
		}
	}
	return store.load(documentId);
}

/** What a room needs from a connection; `connection.ts` implements it. */
export interface RoomMember {
	readonly user: PresenceUser;
	/** Awareness client ids this member has claimed. */
	readonly awarenessIds: Set<number>;
	/** True for the facilitator, whose updates are not checked against locks. */
	readonly canBypassLocks: boolean;
	send(message: Uint8Array): void;
	/** Closes the member's socket with a named code (see collab-close-codes.ts). */
	fail(code: number, reason: string): void;
}

export type RoomLimits = {
	maxDocumentBytes: number;
	compactAfterUpdates: number;
	compactAfterBytes: number;
	maxAwarenessClients: number;
	/** Stored documents at least this large get a worker-thread core. */
	workerCoreBytes: number;
};

type QueuedUpdate = {
	update: Uint8Array;
	member: RoomMember;
	/** `checking`: waiting for its check; `refused`: it broke the shape or changed a locked part. */
	state: 'checking' | 'pending' | 'committed' | 'failed' | 'refused';
	seq: number;
	/** performance.now() when the frame arrived, for the residence-time metric. */
	receivedAt: number;
};

/** What every room of a server shares. */
export type RoomContext = {
	store: DocStore;
	limits: RoomLimits;
	log: Logger;
	metrics: CollabMetrics;
	/** Reads and joins documents off the main thread (the SQLite store); absent: read here. */
	loader?: DocLoader;
	/** The document's locked parts, read at check time (none: updates are not checked). */
	lockedTargets?: (documentId: string) => readonly LockTarget[];
	/** The document's kind, whose shape is upgraded on load (unknown: treated as a template). */
	documentKind?: (documentId: string) => DocumentKind | null;
};

/** Result of `submitUpdate`: accepted for storage, or refused because the doc would be too big. */
export type SubmitResult = 'accepted' | 'too-large';

/** True when an entry's fate is known: stored (or failed to be), or refused by its lock check. */
function isSettled(entry: QueuedUpdate): boolean {
	return entry.state !== 'pending' && entry.state !== 'checking';
}

/** One loaded document with its connections. */
export class Room {
	readonly members = new Set<RoomMember>();
	readonly documentId: string;
	private readonly presence: RoomPresence;
	private readonly core: RoomCore;
	private readonly store: DocStore;
	private readonly limits: RoomLimits;
	private readonly log: Logger;
	private readonly metrics: CollabMetrics;
	private readonly lockedTargets: (documentId: string) => readonly LockTarget[];
	/**
	 * The document's kind, read once at load: its shape steps, and how its locked parts are read
	 * (a template's or a drejebog's). Unknown (a context without a lookup): a template.
	 */
	private readonly kind: DocumentKind;
	/** Update checks run one after another, in arrival order (see `checkThenAppend`). */
	private checks: Promise<void> = Promise.resolve();
	/** Members refused for a locked part or a broken shape: what else they sent is refused too. */
	private readonly refusedMembers = new WeakSet<RoomMember>();
	private queue: QueuedUpdate[] = [];
	private isDrainScheduled = false;
	/** Batches handed to the core whose result has not come back. */
	private applying = 0;
	private idleWaiters: (() => void)[] = [];
	private compacting: Promise<void> | null = null;
	/** Seq of the last update handed to the core; the doc equals the stored state through it. */
	private lastSeq: number;
	/** Log entries and bytes stored since the last snapshot. */
	private logCount: number;
	private logBytes: number;
	/** Upper bound of the encoded document size (exact right after a compaction). */
	private sizeEstimate: number;

	private readonly loadTimings: { readMs: number; buildMs: number; cpuMs: number };
	/** The compaction of a long tail shortly after the load (see `load`). */
	private compactTimer: NodeJS.Timeout | undefined;

	private constructor(
		documentId: string,
		core: RoomCore,
		stored: LoadReport,
		context: RoomContext
	) {
		this.documentId = documentId;
		this.core = core;
		this.store = context.store;
		this.limits = context.limits;
		this.log = context.log;
		this.metrics = context.metrics;
		this.lockedTargets = context.lockedTargets ?? (() => []);
		const documentKind = context.documentKind ?? (() => null);
		// Documents whose kind is not known (a context without a lookup) are what rooms held
		// before kinds had shapes of their own: templates.
		this.kind = documentKind(documentId) ?? 'template';
		this.lastSeq = stored.lastSeq;
		this.logCount = stored.logCount;
		this.logBytes = stored.logBytes;
		this.sizeEstimate = stored.snapshotBytes + stored.logBytes;
		this.loadTimings = { readMs: stored.readMs, buildMs: stored.buildMs, cpuMs: stored.cpuMs };
		this.presence = new RoomPresence(this.limits.maxAwarenessClients, (message) =>
			this.broadcast(message)
		);
	}

	/**
	 * Loads snapshot plus tail from the store into a new room. Nobody can be served before this
	 * resolves: the registry hands out the room only afterwards.
	 */
	static async load(documentId: string, context: RoomContext): Promise<Room> {
		const { store, limits, log } = context;
		const source = store.workerSource;
		let core: RoomCore;
		let report: LoadReport;
		if (source && source.snapshotBytes(documentId) >= limits.workerCoreBytes) {
			// A large snapshot is read by the worker itself: the main thread never holds it.
			const workerCore = new WorkerRoomCore({ file: source.file, documentId });
			report = await workerCore.ready;
			core = workerCore;
		} else {
			const started = performance.now();
			const cpuStarted = threadCpuMs();
			const stored = await readStored(documentId, context);
			const readMs = stored.readMs ?? performance.now() - started;
			const sizes = storedSizes(stored);
			if (sizes.snapshotBytes + sizes.logBytes >= limits.workerCoreBytes) {
				const workerCore = new WorkerRoomCore({ state: stored });
				const worker = await workerCore.ready;
				const cpuMs = worker.cpuMs + (stored.cpuMs ?? 0) + threadCpuMs() - cpuStarted;
				report = { ...worker, readMs, cpuMs };
				core = workerCore;
			} else {
				const localCore = new LocalRoomCore(stored);
				const buildMs = performance.now() - started - readMs;
				const cpuMs = (stored.cpuMs ?? 0) + threadCpuMs() - cpuStarted;
				report = { errors: localCore.loadErrors, ...sizes, readMs, buildMs, cpuMs };
				core = localCore;
			}
		}
		for (const error of report.errors) {
			log.error({ documentId, error }, 'stored update failed to apply');
		}
		const room = new Room(documentId, core, report, context);
		await room.upgradeShape();
		// A long tail (after a crash) is folded into a snapshot soon, but not before the clients
		// waiting for this load are answered. Their first frames are read from their sockets only
		// after the load, so compacting at once (encoding the state, writing the snapshot and
		// deleting thousands of rows) would delay their sync by about as much as the load took.
		room.compactTimer = setTimeout(() => room.maybeCompact(), COMPACT_AFTER_LOAD_MS);
		room.compactTimer.unref();
		return room;
	}

	/**
	 * Brings a document stored in an older shape of its kind to the current one
	 * (document-shapes.ts), before the registry hands the room to anyone: the upgrade is stored as one update by the system, like
	 * any update, so it is in the log and in the document before the first client is answered.
	 * A room loads once however many connect at the same moment, so no two clients ever upgrade
	 * the same document. If it fails, the document stays as stored: every reader accepts the older
	 * shapes, and the next load tries again.
	 */
	private async upgradeShape(): Promise<void> {
		const documentId = this.documentId;
		let update: Uint8Array | null;
		const kind = this.kind;
		try {
			update = await this.core.shapeUpgrade(kind);
		} catch (error) {
			this.log.error({ err: error, documentId, kind }, 'shape upgrade failed');
			return;
		}
		if (!update) return;
		const member = new SystemMember(SYSTEM_AUTHOR_ID);
		if (this.submitUpdate(update, member) === 'too-large') {
			this.log.warn({ documentId, kind }, 'shape upgrade would exceed the size limit');
			return;
		}
		await this.whenIdle();
		if (member.failure) {
			this.log.error({ documentId, kind, failure: member.failure }, 'shape upgrade not stored');
		} else {
			this.log.info({ documentId, kind, bytes: update.length }, 'shape upgraded');
		}
	}

	/** Log and size figures (and how long the load took to read and build), for logs and tests. */
	stats(): {
		logCount: number;
		logBytes: number;
		sizeEstimate: number;
		isInWorker: boolean;
		readMs: number;
		buildMs: number;
		cpuMs: number;
	} {
		return {
			logCount: this.logCount,
			logBytes: this.logBytes,
			sizeEstimate: this.sizeEstimate,
			isInWorker: this.core instanceof WorkerRoomCore,
			...this.loadTimings
		};
	}

	/** Adds a connection; it then receives every broadcast. */
	addMember(member: RoomMember): void {
		this.members.add(member);
	}

	/** Removes a connection and, at once, its awareness states (broadcast to the others). */
	removeMember(member: RoomMember): void {
		if (this.members.delete(member)) this.presence.remove(member);
	}

	/** Number of connections. */
	get size(): number {
		return this.members.size;
	}

	/** Sync step 1 payload: the doc's state vector. */
	stateVector(): Promise<Uint8Array> {
		return this.core.stateVector();
	}

	/** The sync step 2 message for a client's state vector; it has every update applied so far. */
	syncStep2(stateVector: Uint8Array): Promise<Uint8Array> {
		return this.core.syncStep2(stateVector);
	}

	/** The whole document as one update, with every update applied so far (server-side edits). */
	encodeState(): Promise<Uint8Array> {
		return this.core.encodeState();
	}

	/**
	 * Queues a validated update for durable append; it is applied and broadcast once committed.
	 * Refuses it when the document would outgrow `maxDocumentBytes`. The estimate counts every
	 * stored byte since the last snapshot, so it errs on the large side until compaction (which
	 * runs early near the limit) makes it exact again.
	 */
	submitUpdate(
		update: Uint8Array,
		member: RoomMember,
		receivedAt = performance.now()
	): SubmitResult {
		if (this.sizeEstimate + update.length > this.limits.maxDocumentBytes) return 'too-large';
		this.sizeEstimate += update.length;
		const entry: QueuedUpdate = { update, member, state: 'pending', seq: 0, receivedAt };
		this.queue.push(entry);
		const locks = member.canBypassLocks ? [] : this.lockedTargets(this.documentId);
		this.checkThenAppend(entry, locks);
		return 'accepted';
	}

	/**
	 * Appends `entry` once the core has checked its shape and, with `locks`, the locked parts, or
	 * refuses it. Checks run one at a time, in arrival order, so appends keep arrival order and the
	 * log stays in queue order.
	 *
	 * Ordering: the core's document holds only updates already handed to it. Updates accepted
	 * earlier but still waiting for their commit (queued ahead of this one) are NOT in it, so they
	 * are passed along and applied to the scratch copy first; otherwise an update building on one
	 * of them could not be integrated in the copy and would seem to change nothing.
	 */
	private checkThenAppend(entry: QueuedUpdate, locks: readonly LockTarget[]): void {
		entry.state = 'checking';
		this.checks = this.checks
			.then(async () => {
				let result: CheckVerdict;
				if (this.refusedMembers.has(entry.member)) {
					result = { verdict: 'locked', touched: [] };
				} else {
					const pending = this.queue
						.filter((e) => e.state === 'pending' || e.state === 'committed')
						.map((e) => e.update);
					result = await this.core.check(entry.update, pending, locks, this.kind);
				}
				if (result.verdict === 'accepted') {
					entry.state = 'pending';
					this.append(entry);
				} else {
					this.refuse(entry, result);
				}
			})
			.catch((error: unknown) => {
				// The core failed (a dead worker), not the update: the client keeps it and resends.
				this.log.error({ err: error, documentId: this.documentId }, 'update check failed');
				entry.member.fail(CLOSE_CODES.serverError, 'update check failed');
				this.refuse(entry, { verdict: 'unreadable', error: 'update check failed' });
			});
	}

	/** Drops a refused update (never stored, applied or broadcast) and closes its connection. */
	private refuse(
		entry: QueuedUpdate,
		result: Exclude<CheckVerdict, { verdict: 'accepted' }>
	): void {
		if (entry.state === 'refused') return;
		entry.state = 'refused';
		this.sizeEstimate -= entry.update.length;
		this.refusedMembers.add(entry.member);
		this.log.info(
			{ documentId: this.documentId, userId: entry.member.user.id, ...result },
			'update refused by its check'
		);
		// `fail` acts once: a caller that already closed the socket with its own code wins.
		if (result.verdict === 'locked') entry.member.fail(CLOSE_CODES.lockedPart, 'locked part');
		else if (result.verdict === 'shape') entry.member.fail(CLOSE_CODES.brokenShape, 'broken shape');
		else entry.member.fail(CLOSE_CODES.badMessage, 'bad update');
		this.scheduleDrain();
	}

	/** Appends an accepted update to the store; `drain` applies and broadcasts it once committed. */
	private append(entry: QueuedUpdate): void {
		this.store.append(this.documentId, entry.update, { userId: entry.member.user.id }).then(
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
	}

	private scheduleDrain(): void {
		if (this.isDrainScheduled) return;
		this.isDrainScheduled = true;
		// A microtask runs after every resolution of the same commit, so one commit yields one
		// Yjs transaction and one broadcast per room.
		queueMicrotask(() => this.drain());
	}

	/** Hands the committed prefix of the queue to the core, in order, and broadcasts the result. */
	private drain(): void {
		this.isDrainScheduled = false;
		let ready = 0;
		while (ready < this.queue.length && isSettled(this.queue[ready])) ready++;
		if (ready === 0) return;
		const batch = this.queue.splice(0, ready);
		for (const entry of batch.filter((e) => e.state === 'failed')) {
			// Not stored, so not applied; the client still has it and resends on reconnect.
			entry.member.fail(CLOSE_CODES.serverError, 'storage failed');
		}
		// Refused entries were never stored; their connections are closed already.
		const committed = batch.filter((e) => e.state === 'committed');
		if (committed.length === 0) return this.notifyIfIdle();
		for (const entry of committed) {
			this.lastSeq = Math.max(this.lastSeq, entry.seq);
			this.logCount++;
			this.logBytes += entry.update.length;
		}
		this.applying++;
		this.core
			.apply(committed.map((e) => e.update))
			.then(
				(result) => {
					if (result.broadcast) this.broadcast(updateMessage(result.broadcast));
					const sentAt = performance.now();
					for (const entry of committed) this.metrics.record(sentAt - entry.receivedAt);
					result.failed.forEach((index, i) => {
						this.log.warn(
							{ documentId: this.documentId, error: result.errors[i] },
							'update failed to apply'
						);
						committed[index].member.fail(CLOSE_CODES.badMessage, 'bad update');
					});
				},
				(error: unknown) =>
					this.log.error({ err: error, documentId: this.documentId }, 'apply failed')
			)
			.finally(() => {
				this.applying--;
				this.notifyIfIdle();
			});
		this.maybeCompact();
	}

	private notifyIfIdle(): void {
		if (this.queue.length === 0 && this.applying === 0) {
			for (const resolve of this.idleWaiters.splice(0)) resolve();
		}
	}

	/** Resolves when every submitted update is stored and applied (or failed). */
	whenIdle(): Promise<void> {
		if (this.queue.length === 0 && this.applying === 0) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	private maybeCompact(): void {
		if (this.compacting) return;
		const isNearLimit =
			this.sizeEstimate > this.limits.maxDocumentBytes - this.limits.compactAfterBytes &&
			this.logBytes > this.limits.maxDocumentBytes / 64;
		if (
			this.logCount >= this.limits.compactAfterUpdates ||
			this.logBytes >= this.limits.compactAfterBytes ||
			isNearLimit
		) {
			void this.compact();
		}
	}

	/** Snapshots the doc through `lastSeq` and drops those log rows; one at a time per room. */
	async compact(): Promise<void> {
		while (this.compacting) await this.compacting;
		if (this.logCount === 0) return;
		const count = this.logCount;
		const bytes = this.logBytes;
		const through = this.lastSeq;
		// The core runs requests in order, so this state holds every update through `through`.
		this.compacting = this.core
			.encodeState()
			.then(async (snapshot) => {
				await this.store.compact(this.documentId, snapshot, through);
				this.logCount -= count;
				this.logBytes -= bytes;
				this.sizeEstimate = snapshot.length + this.logBytes;
			})
			.catch((error: unknown) =>
				this.log.error({ err: error, documentId: this.documentId }, 'compaction failed')
			)
			.finally(() => (this.compacting = null));
		await this.compacting;
	}

	/** A client's awareness entries, filtered and rewritten (room-presence.ts). */
	applyAwareness(member: RoomMember, entries: AwarenessEntry[]): void {
		this.presence.apply(member, entries);
	}

	/** All current awareness states as one message, or null when nobody has a state. */
	awarenessSnapshot(): Uint8Array | null {
		return this.presence.snapshot();
	}

	private broadcast(message: Uint8Array): void {
		for (const member of this.members) member.send(message);
	}

	/** Waits for pending appends, compacts, and frees the doc. The room must have no members. */
	async unload(): Promise<void> {
		clearTimeout(this.compactTimer);
		await this.whenIdle();
		await this.compact();
		this.presence.destroy();
		await this.core.destroy();
	}
}
