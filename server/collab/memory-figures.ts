/**
 * The process's memory in the terms an operator needs to tell where it went: RSS (what the OS
 * sees), V8's heap, and memory outside it (Buffers and ArrayBuffers: Yjs updates, SQLite blobs).
 * RSS minus the rest is native memory: SQLite's page cache, worker threads, the allocator's
 * retained free memory, code.
 */

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
