/**
 * Real y-websocket clients for tests and the benchmark: a stock `WebsocketProvider` in Node with
 * `ws` as the socket (Node's global WebSocket cannot send a Cookie header), plus a raw socket for
 * hand-made frames.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

// Every provider adds a process 'exit' listener; tests with ten or fifty of them are no leak.
process.setMaxListeners(200);

type SocketClass = new (url: string | URL, protocols?: string | string[]) => WebSocket;

/** A `ws` WebSocket class that sends `cookie` on the upgrade, as a browser would. */
export function socketWithCookie(cookie: string): SocketClass {
	return class CookieWebSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie } });
		}
	};
}

export type TestClient = {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Resolves on the first `synced` (server's sync step 2 received). */
	synced: Promise<void>;
	/** Close codes the provider saw, in order. */
	closeCodes: number[];
	destroy(): void;
};

/**
 * Connects a stock provider to `<baseUrl>/collab/<documentId>`. `disableBc` keeps two providers
 * in one process from syncing over BroadcastChannel behind the server's back.
 */
export function connectClient(
	wsBase: string,
	documentId: string,
	cookie: string,
	options: { doc?: Y.Doc; shouldReconnect?: boolean } = {}
): TestClient {
	const doc = options.doc ?? new Y.Doc();
	const provider = new WebsocketProvider(`${wsBase}/collab`, documentId, doc, {
		disableBc: true,
		// y-websocket types the option as the DOM WebSocket; ws's class is API-compatible.
		WebSocketPolyfill: socketWithCookie(cookie) as unknown as typeof globalThis.WebSocket,
		// Tests want quick reconnects after a server restart.
		maxBackoffTime: 300,
		shouldReconnect: options.shouldReconnect === false ? () => false : undefined
	});
	const closeCodes: number[] = [];
	provider.on('connection-close', (event) => {
		if (event) closeCodes.push(event.code);
	});
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) resolve();
		provider.once('sync', (isSynced: boolean) => {
			if (isSynced) resolve();
		});
	});
	return {
		doc,
		provider,
		synced,
		closeCodes,
		destroy() {
			provider.destroy();
			// Without these a Node process with a provider never exits (awareness timer).
			provider.awareness.destroy();
			doc.destroy();
		}
	};
}

/** Polls `check` until it returns true or `timeoutMs` passes (then throws with `what`). */
export async function waitFor(
	check: () => boolean,
	what: string,
	timeoutMs = 5000,
	intervalMs = 10
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** What the tests write into: text `t`, array `items`, map `m`. */
export function testContent(doc: Y.Doc): string {
	return JSON.stringify([
		doc.getText('t').toJSON(),
		doc.getArray('items').toJSON(),
		// Sorted: a map's key order follows local insertion order, which differs between peers.
		Object.entries(doc.getMap('m').toJSON()).sort(([a], [b]) => a.localeCompare(b))
	]);
}

/**
 * True when every doc has seen the same updates (equal state vectors) and shows the same
 * content. Content is read through typed getters: `doc.toJSON()` shows a root type this doc has
 * never asked for differently from one it has.
 */
export function haveConverged(docs: Y.Doc[], read: (doc: Y.Doc) => string = testContent): boolean {
	const vectors = docs.map((d) => Buffer.from(Y.encodeStateVector(d)).toString('hex'));
	const contents = docs.map(read);
	return vectors.every((v) => v === vectors[0]) && contents.every((c) => c === contents[0]);
}

export type RawSocket = {
	ws: WebSocket;
	/** Every binary frame received. */
	frames: Uint8Array[];
	/** Resolves with the close code (or the HTTP status of a refused upgrade, as `status`). */
	closed: Promise<{ code?: number; status?: number }>;
	opened: Promise<void>;
};

/** A plain `ws` client for hand-made frames; records what it receives and how it ended. */
export function rawSocket(
	wsBase: string,
	documentId: string,
	cookie?: string,
	headers: Record<string, string> = {}
): RawSocket {
	const ws = new WebSocket(`${wsBase}/collab/${documentId}`, {
		headers: cookie ? { cookie, ...headers } : headers
	});
	const frames: Uint8Array[] = [];
	ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
	const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
	const closed = new Promise<{ code?: number; status?: number }>((resolve) => {
		ws.once('unexpected-response', (_req, res) => {
			resolve({ status: res.statusCode });
			ws.terminate();
		});
		ws.once('close', (code) => resolve({ code }));
		// A refused upgrade also emits 'error'; the promise already says how it ended.
		ws.on('error', () => {});
	});
	return { ws, frames, closed, opened };
}

/** Logs in through the real `/login` form action and returns the session cookie (`name=value`). */
export async function loginCookie(
	baseUrl: string,
	email: string,
	password: string
): Promise<string> {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
		body: new URLSearchParams({ email, password }).toString(),
		redirect: 'manual'
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('formvaerk_session='));
	if (!cookie) throw new Error(`login failed for ${email}: HTTP ${response.status}`);
	return cookie.split(';')[0];
}
