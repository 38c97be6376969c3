/**
 * Worker-thread side of `WorkerRoomCore`: owns one large document and answers requests in the
 * order they arrive. Buffers go back as transferables (no copy).
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import {
	applyBatch,
	buildDoc,
	FullStateCache,
	isEmptyStateVector,
	type InitialState
} from './room-core.ts';
import { LockScratch } from './lock-check.ts';
import type { LockTarget } from '../../src/lib/domain/template/locks.ts';

export type CoreRequest =
	| { id: number; op: 'apply'; updates: Uint8Array[] }
	| { id: number; op: 'diff'; stateVector: Uint8Array }
	| { id: number; op: 'check'; update: Uint8Array; pending: Uint8Array[]; locks: LockTarget[] }
	| { id: number; op: 'stateVector' | 'encodeState' | 'destroy' };

const port = parentPort!;
// Linux keeps a nice value per thread: this thread yields the CPU to the main event loop (every
// other room) when both want it. Rebuilding megabytes is exactly the work that can wait 10 ms.
try {
	os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
	// Not permitted or not supported on this platform: run at normal priority.
}
const state = workerData as InitialState;
const { doc, errors } = buildDoc(state);
const fullState = new FullStateCache(state);
const lockScratch = new LockScratch(doc);
port.postMessage({ id: 0, result: errors });

port.on('message', (request: CoreRequest) => {
	switch (request.op) {
		case 'apply': {
			const result = applyBatch(doc, request.updates);
			if (result.broadcast) fullState.invalidate();
			lockScratch.follow(request.updates);
			port.postMessage(
				{ id: request.id, result },
				result.broadcast ? [result.broadcast.buffer as ArrayBuffer] : []
			);
			return;
		}
		case 'diff':
			// The cached full state is shared, so it is copied rather than transferred.
			if (isEmptyStateVector(request.stateVector)) {
				return port.postMessage({ id: request.id, result: fullState.get(doc) });
			}
			return reply(request.id, Y.encodeStateAsUpdate(doc, request.stateVector));
		case 'check':
			return port.postMessage({
				id: request.id,
				result: lockScratch.check(request.update, request.pending, request.locks)
			});
		case 'stateVector':
			return reply(request.id, Y.encodeStateVector(doc));
		case 'encodeState':
			return port.postMessage({ id: request.id, result: fullState.get(doc) });
		case 'destroy':
			lockScratch.drop();
			doc.destroy();
			port.postMessage({ id: request.id, result: null });
			port.close();
	}
});

function reply(id: number, bytes: Uint8Array): void {
	port.postMessage({ id, result: bytes }, [bytes.buffer as ArrayBuffer]);
}
