/**
 * The y-websocket provider as CollabSession uses it: stock protocol, no automatic reconnects
 * (CollabSession schedules them with jitter), and a tap on the server's sync messages so the
 * session can tell when its edits are stored (see server-state.ts).
 */
import type * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider, messageSync } from 'y-websocket';
import { AdoptingWebSocket } from './early-socket.ts';

/** What the session hears about the server's sync messages (after they are applied). */
export type SyncTap = {
	/** The server's sync step 1: its state vector. */
	onServerStateVector: (stateVector: Uint8Array) => void;
	/** A sync step 2 or update from the server. */
	onServerUpdate: (update: Uint8Array) => void;
};

export type CreateProviderOptions = {
	/** Base URL of the endpoint, e.g. `wss://formvaerk.kommune.dk/collab`. */
	serverUrl: string;
	documentId: string;
	doc: Y.Doc;
	awareness: Awareness;
	tap: SyncTap;
	/** Node tests pass `ws`'s WebSocket; browsers use their own, or the page's early one. */
	WebSocketPolyfill?: typeof WebSocket;
	/** Two providers in one Node process would otherwise sync over BroadcastChannel. */
	disableBc?: boolean;
};

/** The endpoint base for the current page: same host, ws or wss after the page's scheme. */
export function collabServerUrl(location: { protocol: string; host: string }): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** A provider that does not connect by itself and reports the server's sync messages. */
export function createProvider(options: CreateProviderOptions): WebsocketProvider {
	const provider = new WebsocketProvider(options.serverUrl, options.documentId, options.doc, {
		connect: false,
		awareness: options.awareness,
		// The document page's first socket may already be open (early-socket.ts).
		WebSocketPolyfill: options.WebSocketPolyfill ?? AdoptingWebSocket,
		disableBc: options.disableBc ?? false,
		// A server close never makes y-websocket reconnect by itself; the session decides.
		shouldReconnect: () => false
	});
	const handleSync = provider.messageHandlers[messageSync];
	provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
		// emitSynced is false for messages from other tabs (BroadcastChannel): not the server.
		const peek = emitSynced ? decoding.clone(decoder) : null;
		handleSync(encoder, decoder, p, emitSynced, messageType);
		if (!peek) return;
		const syncType = decoding.readVarUint(peek);
		const payload = decoding.readVarUint8Array(peek);
		if (syncType === syncProtocol.messageYjsSyncStep1) options.tap.onServerStateVector(payload);
		else options.tap.onServerUpdate(payload);
	};
	return provider;
}
