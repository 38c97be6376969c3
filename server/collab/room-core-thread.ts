/**
 * Worker-thread side of `WorkerRoomCore`: owns one large document and answers requests in the
 * order they arrive. A large stored snapshot is read here with a read-only connection of this
 * thread's own (sqlite-read.ts), and sync step 2 messages are built here; both leave as
 * transferred buffers, so the main thread neither reads, copies nor encodes the megabytes.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import {
	applyBatch,
	buildDoc,
	diffFor,
	FullStateCache,
	storedSizes,
	type LoadReport
} from './room-core.ts';
import { threadCpuMs } from './thread-cpu.ts';
import { syncStep2Message } from './protocol.ts';
import { readWithOwnConnection } from './sqlite-read.ts';
import { snapshotStateVector } from './update-scan.ts';
import type { StoredDocument } from './persistence.ts';
import { UpdateCheck } from './update-check.ts';
import { documentRootNames, documentShapeUpgrade } from '../../src/lib/collab/document-shapes.ts';
import type { DocumentKind } from '../../src/lib/domain/workshop.ts';
import type { LockTarget } from '../../src/lib/domain/template/locks.ts';

/** Where the worker gets the document: handed over, or read from the database itself. */
export type CoreSource = { state: StoredDocument } | { file: string; documentId: string };

export type CoreRequest =
	| { id: number; op: 'apply'; updates: Uint8Array[] }
	| { id: number; op: 'syncStep2'; stateVector: Uint8Array }
	| {
			id: number;
			op: 'check';
			update: Uint8Array;
			pending: Uint8Array[];
			locks: LockTarget[];
			kind: DocumentKind;
	  }
	| { id: number; op: 'shapeUpgrade'; kind: DocumentKind }
	| { id: number; op: 'stateVector' | 'encodeState' | 'destroy' };

const port = parentPort!;
// Linux keeps a nice value per thread: this thread yields the CPU to the main event loop (every
// other room) when both want it. Rebuilding megabytes is exactly the work that can wait 10 ms.
try {
	os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
	// Not permitted or not supported on this platform: run at normal priority.
}
const source = workerData as CoreSource;
const readStarted = performance.now();
const cpuStarted = threadCpuMs();
const state =
	'state' in source ? source.state : await readWithOwnConnection(source.file, source.documentId);
const readMs = performance.now() - readStarted;
const fullState = new FullStateCache(state);
// A stored snapshot without a tail is exactly the state: fresh clients can be served from it, and
// its state vector read by a scan. The doc (hundreds of ms of CPU for megabytes) is built only
// when something needs it: an update, a client that already holds part of the document.
const storedStateVector =
	state.snapshot && state.logCount === 0 ? snapshotStateVector(state.snapshot) : null;
let built: Y.Doc | null = null;
let errors: string[] = [];
if (!storedStateVector) ({ doc: built, errors } = buildDoc(state));
const report: LoadReport = {
	errors,
	...storedSizes(state),
	readMs,
	buildMs: performance.now() - readStarted - readMs,
	cpuMs: threadCpuMs() - cpuStarted
};
port.postMessage({ id: 0, result: report });

/** The document, built on first use. */
function doc(): Y.Doc {
	// A snapshot has no failing updates: buildDoc's errors come only from a tail.
	built ??= buildDoc(state).doc;
	return built;
}

/**
 * False when the stored snapshot certainly holds nothing of a document `kind`: a root type's name
 * is written out in the update of its first item, so a snapshot without any of the kind's root
 * names has none. Then a large document is not built just to find nothing to upgrade.
 */
function mayHoldKind(kind: DocumentKind): boolean {
	if (built || !state.snapshot || state.logCount > 0) return true;
	const bytes = Buffer.from(
		state.snapshot.buffer,
		state.snapshot.byteOffset,
		state.snapshot.byteLength
	);
	return documentRootNames(kind).some((name) => bytes.includes(name));
}

/** The lock checker, made on the first check (most documents never have a lock). */
let updateCheck: UpdateCheck | null = null;

port.on('message', (request: CoreRequest) => {
	switch (request.op) {
		case 'apply': {
			const result = applyBatch(doc(), request.updates);
			if (result.broadcast) fullState.invalidate();
			updateCheck?.follow(request.updates);
			port.postMessage(
				{ id: request.id, result },
				result.broadcast ? [result.broadcast.buffer as ArrayBuffer] : []
			);
			return;
		}
		case 'syncStep2': {
			// A fresh buffer each time (a cached full state is copied into it), so it can be
			// transferred.
			const stored = built ? null : fullState.peek(request.stateVector);
			return reply(
				request.id,
				syncStep2Message(stored ?? diffFor(doc(), fullState, request.stateVector))
			);
		}
		case 'check':
			updateCheck ??= new UpdateCheck(doc());
			return port.postMessage({
				id: request.id,
				result: updateCheck.check(request.update, request.pending, request.locks, request.kind)
			});
		case 'stateVector':
			return reply(
				request.id,
				built || !storedStateVector ? Y.encodeStateVector(doc()) : storedStateVector.slice()
			);
		case 'shapeUpgrade': {
			const update = mayHoldKind(request.kind) ? documentShapeUpgrade(doc(), request.kind) : null;
			return port.postMessage({ id: request.id, result: update });
		}
		case 'encodeState':
			return port.postMessage({ id: request.id, result: fullState.peek() ?? fullState.get(doc()) });
		case 'destroy':
			updateCheck?.drop();
			built?.destroy();
			port.postMessage({ id: request.id, result: null });
			port.close();
	}
});

function reply(id: number, bytes: Uint8Array): void {
	port.postMessage({ id, result: bytes }, [bytes.buffer as ArrayBuffer]);
}
