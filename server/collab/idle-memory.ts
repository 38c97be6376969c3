/**
 * Memory while the collaboration server is idle. `memoryFigures` gives the process's memory in
 * the terms an operator needs to tell where it went: RSS (what the OS sees), V8's heap, and
 * memory outside it (Buffers and ArrayBuffers: Yjs updates, SQLite blobs); RSS minus the rest is
 * native memory (SQLite's page cache, threads, the allocator's retained free memory, code).
 *
 * `releaseIdleMemory` gives memory back once the last room has unloaded. Without it, V8 often
 * had not collected the unloaded rooms 25 s later (heap 93-96 MiB, 43-51 MiB of it garbage, and
 * 33 MiB of dead buffers, against 58 MiB at start), and even a plain full GC leaves the freed
 * pages with the allocator. V8's memory-reducing ("last resort") collection also returns them
 * to the OS. It blocks the event loop once per idle period (30-130 ms measured), at a moment
 * when no document and no event stream is open (attach.ts).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Memory figures in MiB, rounded to 0.1. */
export function memoryFigures(): {
	rss: number;
	heapTotal: number;
	heapUsed: number;
	external: number;
	arrayBuffers: number;
} {
	const usage = process.memoryUsage();
	const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
	return {
		rss: mib(usage.rss),
		heapTotal: mib(usage.heapTotal),
		heapUsed: mib(usage.heapUsed),
		external: mib(usage.external),
		arrayBuffers: mib(usage.arrayBuffers)
	};
}

type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let gc: Gc | null | undefined;

/**
 * Runs one memory-reducing full garbage collection; false where the runtime does not allow
 * exposing the collector (then V8 collects on its own schedule, as before).
 */
export function releaseIdleMemory(): boolean {
	if (gc === undefined) {
		try {
			// Node documents setFlagsFromString for flags like this one; `gc` then exists in
			// new contexts only, so this does not add a global to the server's own.
			v8.setFlagsFromString('--expose-gc');
			gc = vm.runInNewContext('gc') as Gc;
		} catch {
			gc = null;
		}
	}
	if (!gc) return false;
	gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
	return true;
}
