/**
 * A room core whose document lives in its own worker thread. Used for large documents: loading
 * and syncing megabytes takes hundreds of milliseconds of CPU, which in the main thread would
 * stall every other room; here it only delays this document's own clients.
 */
import { Worker } from 'node:worker_threads';
import type { ApplyResult, LoadReport, RoomCore } from './room-core.ts';
import type { CoreRequest, CoreSource } from './room-core-thread.ts';
import type { CheckVerdict } from './update-check.ts';
import type { LockTarget } from '../../src/lib/domain/template/locks.ts';
import type { DocumentKind } from '../../src/lib/domain/workshop.ts';

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The main-thread proxy of a document held in a worker thread. */
export class WorkerRoomCore implements RoomCore {
	private readonly worker: Worker;
	private readonly pending = new Map<number, Pending>();
	private nextId = 1;
	private failure: Error | null = null;
	/** Resolves once the worker has read (if asked to) and built the document. */
	readonly ready: Promise<LoadReport>;

	/**
	 * `source` is the stored state (copied, not transferred: a store may keep the buffers it
	 * returned, the memory store does) or where the worker reads it itself.
	 */
	constructor(source: CoreSource) {
		this.worker = new Worker(new URL('./room-core-thread.ts', import.meta.url), {
			workerData: source
		});
		this.ready = new Promise((resolve, reject) =>
			this.pending.set(0, { resolve: resolve, reject })
		);
		this.worker.on('message', (message: { id: number; result: unknown }) => {
			const entry = this.pending.get(message.id);
			this.pending.delete(message.id);
			entry?.resolve(message.result as never);
		});
		this.worker.on('error', (error: Error) => this.fail(error));
		this.worker.on('exit', () => this.fail(new Error('room worker exited')));
	}

	private fail(error: Error): void {
		this.failure ??= error;
		for (const entry of this.pending.values()) entry.reject(error);
		this.pending.clear();
	}

	private request<T>(
		request: DistributiveOmit<CoreRequest, 'id'>,
		transfer: ArrayBuffer[] = []
	): Promise<T> {
		if (this.failure) return Promise.reject(this.failure);
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve, reject });
			this.worker.postMessage({ ...request, id }, transfer);
		});
	}

	apply(updates: Uint8Array[]): Promise<ApplyResult> {
		return this.request({ op: 'apply', updates });
	}

	syncStep2(stateVector: Uint8Array): Promise<Uint8Array> {
		return this.request({ op: 'syncStep2', stateVector });
	}

	check(
		update: Uint8Array,
		pending: Uint8Array[],
		locks: readonly LockTarget[],
		kind: DocumentKind
	): Promise<CheckVerdict> {
		return this.request({ op: 'check', update, pending, locks: [...locks], kind });
	}

	stateVector(): Promise<Uint8Array> {
		return this.request({ op: 'stateVector' });
	}

	encodeState(): Promise<Uint8Array> {
		return this.request({ op: 'encodeState' });
	}

	shapeUpgrade(kind: DocumentKind): Promise<Uint8Array | null> {
		return this.request({ op: 'shapeUpgrade', kind });
	}

	async destroy(): Promise<void> {
		if (!this.failure) await this.request({ op: 'destroy' });
		await this.worker.terminate();
	}
}
