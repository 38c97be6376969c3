/**
 * Reads documents and joins their log tails in a worker thread of its own
 * (doc-loader-thread.ts), for the SQLite store. The main thread then only applies the joined
 * tail, which for people typing is a few hundred items. Loads queue in the thread one at a time.
 * When the thread is gone, `load` rejects and the room reads on the main thread as before.
 */
import { Worker } from 'node:worker_threads';
import type { StoredDocument } from './persistence.ts';

/** A stored document as the loader read it, with its tail joined (null when short or unjoinable). */
export type LoadedDocument = StoredDocument & {
	joined: Uint8Array | null;
	readMs: number;
	/** CPU time the loader thread spent on this document. */
	cpuMs: number;
};

export type LoaderRequest = { op: 'load'; id: number; documentId: string } | { op: 'close' };
export type LoaderReply =
	{ id: number; loaded: LoadedDocument; error?: undefined } | { id: number; error: string };

type Pending = { resolve: (loaded: LoadedDocument) => void; reject: (error: Error) => void };

/** The main-thread side of the loader thread. */
export class DocLoader {
	private readonly worker: Worker;
	private readonly pending = new Map<number, Pending>();
	private nextId = 1;
	private failure: Error | null = null;
	private readonly exited: Promise<void>;

	/** Starts the thread on the database `file` (opened read-only there). */
	constructor(file: string) {
		this.worker = new Worker(new URL('./doc-loader-thread.ts', import.meta.url), {
			workerData: { file },
			// A load allocates little on the JS heap (the log is one external buffer); V8's default
			// young generation would keep ~5 MiB more of this idle thread resident.
			resourceLimits: { maxYoungGenerationSizeMb: 4 }
		});
		// Idle, the thread must not keep a stopping process alive.
		this.worker.unref();
		this.worker.on('message', (reply: LoaderReply) => {
			const entry = this.pending.get(reply.id);
			this.pending.delete(reply.id);
			if (reply.error === undefined) entry?.resolve(reply.loaded);
			else entry?.reject(new Error(reply.error));
		});
		this.worker.on('error', (error: Error) => this.fail(error));
		this.exited = new Promise((resolve) =>
			this.worker.once('exit', () => {
				this.fail(new Error('document loader thread exited'));
				resolve();
			})
		);
	}

	private fail(error: Error): void {
		this.failure ??= error;
		for (const entry of this.pending.values()) entry.reject(error);
		this.pending.clear();
	}

	/** Whether the thread is still there to load. */
	get isRunning(): boolean {
		return this.failure === null;
	}

	/** Reads `documentId` and joins its tail in the thread. */
	load(documentId: string): Promise<LoadedDocument> {
		if (this.failure) return Promise.reject(this.failure);
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.worker.postMessage({ op: 'load', id, documentId } satisfies LoaderRequest);
		});
	}

	/** Stops the thread once the loads already asked for are answered. */
	async close(): Promise<void> {
		if (this.failure) return;
		this.worker.postMessage({ op: 'close' } satisfies LoaderRequest);
		await this.exited;
	}
}
