/**
 * The y-websocket provider as CollabSession uses it: stock protocol, no automatic reconnects
 * (CollabSession schedules them with jitter), and hooks that tell the session when the server's
 * sync messages arrive so it can confirm that local edits are stored (see save-tracker.ts).
 */
import type * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider, messageSync } from 'y-websocket';

/** What the session wants to hear about the server's sync messages. */
export type SyncHooks = {
	/** The server sent its step 1; our step 2 (all our local state) goes out right after. */
	onServerStep1: () => void;
	/** The server answered one of our step 1 messages. */
	onServerStep2: () => void;
};

export type CreateProviderOptions = {
	/** Base URL of the endpoint, e.g. `wss://formvaerk.kommune.dk/collab`. */
	serverUrl: string;
	documentId: string;
	doc: Y.Doc;
	awareness: Awareness;
	hooks: SyncHooks;
	/** Node tests pass `ws`'s WebSocket; browsers use their own. */
	WebSocketPolyfill?: typeof WebSocket;
	/** Two providers in one Node process would otherwise sync over BroadcastChannel. */
	disableBc?: boolean;
};

/** The endpoint base for the current page: same host, ws or wss after the page's scheme. */
export function collabServerUrl(location: { protocol: string; host: string }): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** A provider that does not connect by itself and reports sync answers through `hooks`. */
export function createProvider(options: CreateProviderOptions): WebsocketProvider {
	const provider = new WebsocketProvider(options.serverUrl, options.documentId, options.doc, {
		connect: false,
		awareness: options.awareness,
		WebSocketPolyfill: options.WebSocketPolyfill,
		disableBc: options.disableBc ?? false,
		// A server close never makes y-websocket reconnect by itself; the session decides.
		shouldReconnect: () => false
	});
	const handleSync = provider.messageHandlers[messageSync];
	provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
		// emitSynced is false for messages from other tabs (BroadcastChannel): not the server.
		const syncType = emitSynced ? decoding.peekVarUint(decoder) : -1;
		handleSync(encoder, decoder, p, emitSynced, messageType);
		if (syncType === syncProtocol.messageYjsSyncStep1) options.hooks.onServerStep1();
		else if (syncType === syncProtocol.messageYjsSyncStep2) options.hooks.onServerStep2();
	};
	return provider;
}

/** Sends a sync step 1 to the server; false when the socket is not open. */
export function sendSyncStep1(provider: WebsocketProvider): boolean {
	const ws = provider.ws;
	if (!ws || !provider.wsconnected || ws.readyState !== ws.OPEN) return false;
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, messageSync);
	syncProtocol.writeSyncStep1(encoder, provider.doc);
	ws.send(encoding.toUint8Array(encoder));
	return true;
}
