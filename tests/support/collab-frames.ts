/** Hand-made y-websocket frames for tests that speak the protocol over a raw socket. */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** `[sync, update, <update>]` as a client sends after a local edit. */
export function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** `[sync, step2, <update>]`, the reply to the server's step 1. */
export function syncStep2Frame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** `[sync, step1, <state vector>]`, asking for everything the doc lacks. */
export function syncStep1Frame(doc: Y.Doc = new Y.Doc()): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
	return encoding.toUint8Array(encoder);
}

/** `[awareness, [n, (clientId, clock, json)*]]` with states given as objects (null = gone). */
export function awarenessFrame(
	entries: { clientId: number; clock: number; state: unknown }[]
): Uint8Array {
	const inner = encoding.createEncoder();
	encoding.writeVarUint(inner, entries.length);
	for (const e of entries) {
		encoding.writeVarUint(inner, e.clientId);
		encoding.writeVarUint(inner, e.clock);
		encoding.writeVarString(inner, JSON.stringify(e.state));
	}
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
	return encoding.toUint8Array(encoder);
}

export type ServerFrame =
	| { kind: 'sync-step-1'; stateVector: Uint8Array }
	| { kind: 'sync-step-2' | 'update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array };

/** Decodes a frame the server sent. */
export function decodeServerFrame(frame: Uint8Array): ServerFrame {
	const decoder = decoding.createDecoder(frame);
	const type = decoding.readVarUint(decoder);
	if (type === 1) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
	const step = decoding.readVarUint(decoder);
	const payload = decoding.readVarUint8Array(decoder);
	if (step === 0) return { kind: 'sync-step-1', stateVector: payload };
	return { kind: step === 1 ? 'sync-step-2' : 'update', update: payload };
}

/** Applies every document-carrying frame to `doc` (what a client would do). */
export function applyServerFrames(doc: Y.Doc, frames: Uint8Array[]): void {
	for (const frame of frames) {
		const message = decodeServerFrame(frame);
		if (message.kind === 'sync-step-2' || message.kind === 'update') {
			Y.applyUpdate(doc, message.update);
		}
	}
}
