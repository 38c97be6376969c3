/**
 * Worker-thread side of `DocLoader` (doc-loader.ts): reads documents through a read-only
 * connection of its own and joins their log tails (update-concat.ts), one request at a time.
 * Buffers leave transferred, not copied.
 *
 * Why a thread of its own: the rows and the scan of a long tail (after a crash) then never
 * stall the main event loop, and this thread's isolate keeps its compiled code. On the main
 * thread the memory-reducing collection that runs when the server goes idle (idle-memory.ts)
 * throws V8's optimised code away, and a 10,000-row tail took 15-20 ms to join with cold code
 * against 1-3 ms warm. Nothing here allocates between loads, so nothing ages the code out,
 * and the thread compiles it at start (load-warmup.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDocReader } from './sqlite-read.ts';
import { joinLog, JOIN_TAIL_FROM } from './update-concat.ts';
import { threadCpuMs } from './thread-cpu.ts';
import type { LoaderReply, LoaderRequest } from './doc-loader.ts';
import { warmUpJoin } from './load-warmup.ts';

const port = parentPort!;
const reader = await openDocReader((workerData as { file: string }).file);
// Requests that arrive meanwhile wait in the port (~80 ms, once, at start).
warmUpJoin();

/** The buffers of `bytes` that can move to the main thread without a copy. */
function transferable(...bytes: (Uint8Array | null)[]): ArrayBuffer[] {
	return bytes
		.filter((b): b is Uint8Array => b !== null && b.byteLength === b.buffer.byteLength)
		.map((b) => b.buffer as ArrayBuffer);
}

port.on('message', (request: LoaderRequest) => {
	if (request.op === 'close') {
		reader.close();
		port.close();
		return;
	}
	let reply: LoaderReply;
	try {
		const started = performance.now();
		const cpuStarted = threadCpuMs();
		const stored = reader.read(request.documentId);
		const readMs = performance.now() - started;
		const joined = stored.logCount >= JOIN_TAIL_FROM ? joinLog(stored.log) : null;
		const cpuMs = threadCpuMs() - cpuStarted;
		reply = { id: request.id, loaded: { ...stored, joined, readMs, cpuMs } };
		port.postMessage(reply, transferable(stored.snapshot, stored.log, joined));
	} catch (error) {
		reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
		port.postMessage(reply);
	}
});
