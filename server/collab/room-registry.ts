/**
 * The only place rooms live. Connections acquire a room (loading it once, however many connect
 * at the same moment) and release it; when the last holder is gone the room waits
 * `unloadDelayMs` (a page reload should not pay a cold load), then compacts and unloads.
 */
import type { Logger } from 'pino';
import { Room, type RoomContext } from './room.ts';

type Entry = {
	loading: Promise<Room>;
	room?: Room;
	holders: number;
	unloadTimer?: NodeJS.Timeout;
	unloading?: Promise<void>;
};

/** Loads, shares and unloads rooms by document id. */
export class RoomRegistry {
	private readonly entries = new Map<string, Entry>();
	private isClosed = false;

	private readonly context: RoomContext;
	private readonly unloadDelayMs: number;
	private readonly log: Logger;

	constructor(context: RoomContext, unloadDelayMs: number) {
		this.context = context;
		this.unloadDelayMs = unloadDelayMs;
		this.log = context.log;
	}

	/**
	 * Takes a hold on the document's room, loading it if needed. Every call that resolves must be
	 * matched by one `release`; a rejected one holds nothing (the failed entry is dropped).
	 */
	async acquire(documentId: string): Promise<Room> {
		for (;;) {
			if (this.isClosed) throw new Error('collaboration server is shutting down');
			const entry = this.entries.get(documentId);
			if (entry?.unloading) {
				// A room that is compacting on its way out is not reused; wait and load it afresh so
				// the new room starts from what was just stored.
				await entry.unloading;
				continue;
			}
			if (entry) {
				clearTimeout(entry.unloadTimer);
				entry.unloadTimer = undefined;
				entry.holders++;
				return entry.loading;
			}
			const started = performance.now();
			const loading = Room.load(documentId, this.context);
			const created: Entry = { loading, holders: 1 };
			void loading.then(
				(room) => {
					created.room = room;
					const ms = performance.now() - started;
					this.log.info({ documentId, ms, ...room.stats() }, 'room loaded');
				},
				// Failures are logged below.
				() => undefined
			);
			this.entries.set(documentId, created);
			loading.catch((error: unknown) => {
				this.log.error({ err: error, documentId }, 'room failed to load');
				if (this.entries.get(documentId) === created) this.entries.delete(documentId);
			});
			return loading;
		}
	}

	/** Gives up a hold; the last one schedules the unload. */
	release(documentId: string): void {
		const entry = this.entries.get(documentId);
		if (!entry || entry.unloading) return;
		entry.holders--;
		if (entry.holders > 0) return;
		entry.unloadTimer = setTimeout(() => this.unload(documentId, entry), this.unloadDelayMs);
	}

	private unload(documentId: string, entry: Entry): void {
		if (entry.holders > 0 || entry.unloading) return;
		entry.unloading = entry.loading
			.then((room) => room.unload())
			.catch((error: unknown) => this.log.error({ err: error, documentId }, 'unload failed'))
			.finally(() => {
				if (this.entries.get(documentId) === entry) this.entries.delete(documentId);
			});
	}

	/** Number of loaded (or loading/unloading) rooms. */
	get size(): number {
		return this.entries.size;
	}

	/** Loaded rooms whose document lives in a worker thread. */
	get inWorkers(): number {
		let count = 0;
		for (const entry of this.entries.values()) if (entry.room?.stats().isInWorker) count++;
		return count;
	}

	/** Unloads every room now (shutdown); connections must already be closed. */
	async closeAll(): Promise<void> {
		this.isClosed = true;
		const pending: Promise<void>[] = [];
		for (const [documentId, entry] of this.entries) {
			clearTimeout(entry.unloadTimer);
			entry.holders = 0;
			if (!entry.unloading) this.unload(documentId, entry);
			if (entry.unloading) pending.push(entry.unloading);
		}
		await Promise.all(pending);
	}
}
