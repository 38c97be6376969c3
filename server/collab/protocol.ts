/**
 * The y-websocket wire protocol, unchanged: every frame is `[messageType, ...payload]` with
 * lib0 variable-length encoding. Clients send sync (step 1, step 2, update), awareness and
 * awareness queries; we invent no message types. Decoding is strict and total: anything a stock
 * client would not send raises `ProtocolError`, and nothing here touches a room.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** One awareness entry as sent: the state is still JSON text (or `null` for "gone"). */
export type AwarenessEntry = { clientId: number; clock: number; stateJson: string };

export type ClientMessage =
	| { kind: 'sync-step-1'; stateVector: Uint8Array }
	| { kind: 'update'; update: Uint8Array }
	| { kind: 'awareness'; entries: AwarenessEntry[] }
	| { kind: 'query-awareness' };

/** A frame that is not a well-formed y-websocket client message. */
export class ProtocolError extends Error {}

/**
 * Decodes and validates one client frame completely (including the Yjs update inside it), so
 * that a malformed frame is refused before anything is stored.
 * @throws ProtocolError for anything malformed, truncated, unknown or with trailing bytes.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(frame);
		const message = readMessage(decoder);
		if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes');
		return message;
	} catch (error) {
		if (error instanceof ProtocolError) throw error;
		// lib0 and yjs throw plain Errors/RangeErrors on truncated or absurd input.
		throw new ProtocolError(error instanceof Error ? error.message : 'undecodable frame');
	}
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
	const type = decoding.readVarUint(decoder);
	switch (type) {
		case MESSAGE_SYNC:
			return readSync(decoder);
		case MESSAGE_AWARENESS:
			return {
				kind: 'awareness',
				entries: readAwarenessUpdate(decoding.readVarUint8Array(decoder))
			};
		case MESSAGE_QUERY_AWARENESS:
			return { kind: 'query-awareness' };
		default:
			throw new ProtocolError(`unknown message type ${type}`);
	}
}

function readSync(decoder: decoding.Decoder): ClientMessage {
	const step = decoding.readVarUint(decoder);
	const payload = decoding.readVarUint8Array(decoder);
	switch (step) {
		case SYNC_STEP_1:
			// Throws on garbage; encodeStateAsUpdate would otherwise meet it with the room's doc.
			Y.decodeStateVector(payload);
			return { kind: 'sync-step-1', stateVector: payload };
		case SYNC_STEP_2:
		case SYNC_UPDATE:
			// Parses every struct and the delete set: a truncated or corrupt update fails here.
			Y.decodeUpdate(payload);
			return { kind: 'update', update: payload };
		default:
			throw new ProtocolError(`unknown sync step ${step}`);
	}
}

/** Parses an awareness update (`[count, (clientId, clock, stateJson)*]`) without applying it. */
export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries: AwarenessEntry[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const stateJson = decoding.readVarString(decoder);
		entries.push({ clientId, clock, stateJson });
	}
	if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness');
	return entries;
}

/** Encodes awareness entries in the wire format `readAwarenessUpdate` reads. */
export function writeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, entry.stateJson);
	}
	return encoding.toUint8Array(encoder);
}

/** True for the two-byte update that carries nothing (no structs, no deletions). */
export function isEmptyUpdate(update: Uint8Array): boolean {
	return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/** Server → client: sync step 1 with the room's state vector ("send me what I lack"). */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
	return syncMessage(SYNC_STEP_1, stateVector);
}

/** Server → client: sync step 2, everything the client's state vector lacks. */
export function syncStep2Message(diff: Uint8Array): Uint8Array {
	return syncMessage(SYNC_STEP_2, diff);
}

/** Server → client: one (possibly merged) document update. */
export function updateMessage(update: Uint8Array): Uint8Array {
	return syncMessage(SYNC_UPDATE, update);
}

/**
 * Header and payload in one fresh buffer with a single copy (lib0's encoder copies a large
 * payload twice). The buffer holds exactly the message, so a worker thread can transfer it.
 */
function syncMessage(step: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, step);
	encoding.writeVarUint(encoder, payload.length);
	const header = encoding.toUint8Array(encoder);
	const message = new Uint8Array(header.length + payload.length);
	message.set(header);
	message.set(payload, header.length);
	return message;
}

/** Server → client: an awareness update. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}
