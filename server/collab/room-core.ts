/**
 * The Yjs side of a room: the Y.Doc and the operations on it. Every operation is asynchronous
 * and runs in submission order, so a room can hold its document in this thread
 * (`LocalRoomCore`, for ordinary documents) or in a worker thread (`WorkerRoomCore`, for large
 * ones whose load and initial syncs take long enough to stall every other room).
 */
import * as Y from 'yjs';
import { joinLog, JOIN_TAIL_FROM } from './update-concat.ts';
import { splitLog } from './update-scan.ts';
import { syncStep2Message } from './protocol.ts';
import type { LockTarget } from '../../src/lib/domain/template/locks.ts';
import { UpdateCheck, type CheckVerdict } from './update-check.ts';
import { documentShapeUpgrade } from '../../src/lib/collab/document-shapes.ts';
import type { DocumentKind } from '../../src/lib/domain/workshop.ts';
import type { StoredDocument } from './persistence.ts';

/** What storage returned for a document, handed to the core that rebuilds it. */
export type InitialState = Pick<StoredDocument, 'snapshot' | 'log' | 'logCount'> & {
	/**
	 * The log already joined into one update by the loader thread (doc-loader.ts), or null when
	 * it was short or could not be joined; when absent, `buildDoc` joins it itself.
	 */
	joined?: Uint8Array | null;
};

/** What loading found and how long it took, for the room's bookkeeping and its load log line. */
export type LoadReport = {
	/** Replay failures (stored updates that could not be applied and were skipped). */
	errors: string[];
	lastSeq: number;
	logCount: number;
	logBytes: number;
	snapshotBytes: number;
	readMs: number;
	buildMs: number;
	/** CPU time the loading thread spent reading and building (wall time minus waiting). */
	cpuMs: number;
};

/** The stored sizes of a loaded document (LoadReport without errors and timings). */
export function storedSizes(stored: StoredDocument) {
	return {
		lastSeq: stored.lastSeq,
		logCount: stored.logCount,
		logBytes: stored.log.length,
		snapshotBytes: stored.snapshot?.length ?? 0
	};
}

export type ApplyResult = {
	/** The doc's own update for the batch (only what was new), or null when nothing changed. */
	broadcast: Uint8Array | null;
	/** Indexes of batch entries that could not be integrated (crafted structs). */
	failed: number[];
	/** Messages of those failures, for the log. */
	errors: string[];
};

/** The operations a room performs on its document. */
export interface RoomCore {
	/** Applies committed updates, in order, as one transaction. */
	apply(updates: Uint8Array[]): Promise<ApplyResult>;
	/** The whole sync step 2 message: everything a client with `stateVector` lacks. */
	syncStep2(stateVector: Uint8Array): Promise<Uint8Array>;
	/** The doc's state vector (sync step 1 payload). */
	stateVector(): Promise<Uint8Array>;
	/** The whole state as one update, for compaction. */
	encodeState(): Promise<Uint8Array>;
	/**
	 * Would `update`, applied after `pending` (accepted, not yet applied), break the template's
	 * shape or change a locked part of the document, read as a document of `kind`? Answered on a
	 * scratch copy; the document itself is not touched (update-check.ts).
	 */
	check(
		update: Uint8Array,
		pending: Uint8Array[],
		locks: readonly LockTarget[],
		kind: DocumentKind
	): Promise<CheckVerdict>;
	/**
	 * The update that brings a document of `kind` stored in an older shape to its kind's current
	 * one, or null (document-shapes.ts). Computed on a copy: the document itself is not touched;
	 * the room stores the update and hands it back through `apply` like any other.
	 */
	shapeUpgrade(kind: DocumentKind): Promise<Uint8Array | null>;
	/** Frees the document. */
	destroy(): Promise<void>;
}

/** Rebuilds a doc from snapshot plus log; stored updates that fail are skipped, as they were live. */
export function buildDoc(state: InitialState): { doc: Y.Doc; errors: string[] } {
	// A long tail (after a crash) applies several times faster as one joined update; if that
	// fails, the doc is rebuilt the old way, which finds and skips the update at fault.
	const joined =
		state.joined !== undefined
			? state.joined
			: state.logCount >= JOIN_TAIL_FROM
				? joinLog(state.log)
				: null;
	if (joined) {
		const doc = new Y.Doc();
		try {
			Y.transact(doc, () => {
				if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
				Y.applyUpdate(doc, joined);
			});
			return { doc, errors: [] };
		} catch {
			doc.destroy();
		}
	}
	const doc = new Y.Doc();
	const errors: string[] = [];
	const { updates, unreadableFrom } = splitLog(state.log);
	if (unreadableFrom !== null) {
		// Every stored update passed Y.decodeUpdate, so this is damage to the stored bytes: what
		// follows cannot be cut into updates any more.
		errors.push(`log unreadable from byte ${unreadableFrom} of ${state.log.length}`);
	}
	// One transaction for the whole replay: 10,000 small updates apply ~3x faster than one by one.
	Y.transact(doc, () => {
		if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
		for (const update of updates) {
			try {
				Y.applyUpdate(doc, update);
			} catch (error) {
				errors.push(error instanceof Error ? error.message : String(error));
			}
		}
	});
	return { doc, errors };
}

/** Applies a batch to `doc` and captures the resulting update (see ApplyResult). */
export function applyBatch(doc: Y.Doc, updates: Uint8Array[]): ApplyResult {
	let broadcast: Uint8Array | null = null;
	const capture = (update: Uint8Array) => (broadcast = update);
	const failed: number[] = [];
	const errors: string[] = [];
	doc.on('update', capture);
	try {
		Y.transact(doc, () => {
			updates.forEach((update, i) => {
				try {
					Y.applyUpdate(doc, update);
				} catch (error) {
					// Decodable but not integrable. It is in the log already; loading meets the same
					// failure and skips it the same way (buildDoc).
					failed.push(i);
					errors.push(error instanceof Error ? error.message : String(error));
				}
			});
		});
	} finally {
		doc.off('update', capture);
	}
	return { broadcast, failed, errors };
}

/** True for the state vector of an empty doc: a fresh client that needs everything. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
	return stateVector.length === 1 && stateVector[0] === 0;
}

/** What a client with `stateVector` lacks; a fresh client gets the cached full state. */
export function diffFor(
	doc: Y.Doc,
	fullState: FullStateCache,
	stateVector: Uint8Array
): Uint8Array {
	return isEmptyStateVector(stateVector)
		? fullState.get(doc)
		: Y.encodeStateAsUpdate(doc, stateVector);
}

/**
 * Serves the whole state to fresh clients from a cache (encoding a large doc is the costly part
 * of an initial sync, and a room often gets several fresh clients in a row); any applied
 * change invalidates it.
 */
export class FullStateCache {
	private cached: Uint8Array | null;

	/** Starts with the stored snapshot when there is no tail (it is then exactly the state). */
	constructor(state: InitialState) {
		this.cached = state.logCount === 0 ? state.snapshot : null;
	}

	/**
	 * The cached full state, or null when none is cached; with a state vector, only when that
	 * client needs the full state (it is fresh).
	 */
	peek(stateVector?: Uint8Array): Uint8Array | null {
		if (stateVector && !isEmptyStateVector(stateVector)) return null;
		return this.cached;
	}

	get(doc: Y.Doc): Uint8Array {
		this.cached ??= Y.encodeStateAsUpdate(doc);
		return this.cached;
	}

	invalidate(): void {
		this.cached = null;
	}
}

/** A room core holding its document in the calling thread. */
export class LocalRoomCore implements RoomCore {
	private readonly doc: Y.Doc;
	private readonly fullState: FullStateCache;
	private readonly updateCheck: UpdateCheck;
	/** Replay failures while loading, for the room to log. */
	readonly loadErrors: string[];

	constructor(state: InitialState) {
		const { doc, errors } = buildDoc(state);
		this.doc = doc;
		this.loadErrors = errors;
		this.fullState = new FullStateCache(state);
		this.updateCheck = new UpdateCheck(doc);
	}

	apply(updates: Uint8Array[]): Promise<ApplyResult> {
		const result = applyBatch(this.doc, updates);
		if (result.broadcast) this.fullState.invalidate();
		this.updateCheck.follow(updates);
		return Promise.resolve(result);
	}

	check(
		update: Uint8Array,
		pending: Uint8Array[],
		locks: readonly LockTarget[],
		kind: DocumentKind
	): Promise<CheckVerdict> {
		return Promise.resolve(this.updateCheck.check(update, pending, locks, kind));
	}

	syncStep2(stateVector: Uint8Array): Promise<Uint8Array> {
		return Promise.resolve(syncStep2Message(diffFor(this.doc, this.fullState, stateVector)));
	}

	stateVector(): Promise<Uint8Array> {
		return Promise.resolve(Y.encodeStateVector(this.doc));
	}

	encodeState(): Promise<Uint8Array> {
		return Promise.resolve(this.fullState.get(this.doc));
	}

	shapeUpgrade(kind: DocumentKind): Promise<Uint8Array | null> {
		return Promise.resolve(documentShapeUpgrade(this.doc, kind));
	}

	destroy(): Promise<void> {
		this.updateCheck.drop();
		this.doc.destroy();
		return Promise.resolve();
	}
}
