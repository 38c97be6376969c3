/**
 * The document page's collaboration socket, opened while the browser parses the HTML.
 *
 * On a full load of a document page the browser spends its first second or more loading,
 * evaluating and hydrating the app's scripts before the page can create its session; the socket's
 * opening and the server's sync (room load, step 1, step 2) then came after all that
 * (npm run bench:page-trace). The server therefore puts a small inline script into such a page's
 * head (`earlySocketScript`, see hooks.server.ts) that opens the socket at once, asks for the
 * document as an empty document would (sync step 1 with an empty state vector) and keeps whatever
 * arrives. The session's provider then adopts that socket instead of opening one
 * (`AdoptingWebSocket`, provider.ts) and gets the kept events replayed in order, so y-websocket
 * sees exactly what a socket of its own would have seen.
 *
 * Nothing about access changes: the socket is upgraded with the page's cookie session like any
 * other and the server checks it the same way; a socket that closed before it was adopted is
 * dropped and the provider opens its own (so refusals and a session ended meanwhile are handled
 * as before); one that nobody adopts is closed after EARLY_SOCKET_TTL_MS.
 */

/** Where the inline script leaves its socket for the provider (a property of `window`). */
export const EARLY_SOCKET_KEY = '__formvaerkEarlySocket';

/** An unadopted early socket is closed after this long (the page failed to start, say). */
export const EARLY_SOCKET_TTL_MS = 30_000;

/**
 * y-websocket's sync step 1 of an empty Y.Doc: message type sync (0), step 1 (0), the state
 * vector as a byte array of length 1 holding "no clients" (0). The provider sends the same bytes
 * when it adopts the socket before anything was applied to its document; those are dropped, as
 * the server already answers the early ones (tests/unit/collab/early-socket.test.ts).
 */
export const EMPTY_SYNC_STEP_1 = [0, 0, 1, 0] as const;

/** What the inline script leaves behind. */
export type EarlySocket = {
	url: string;
	socket: WebSocket;
	/** Every event the socket had before it was adopted, in order. */
	events: Event[];
	/** Whether the empty sync step 1 went out (on open). */
	hasSentStep1: boolean;
};

/**
 * The inline script's source for one document. It must run without the app's modules, so it is
 * written out here by hand and kept small; the document id is checked against the route's id
 * pattern (the same as src/params/id.ts) so nothing but an id can end up in the script.
 */
export function earlySocketScript(documentId: string): string {
	if (!/^[A-Za-z0-9_-]{8,64}$/.test(documentId)) throw new Error('not a document id');
	return `(function(){try{if(navigator.onLine===false)return;var l=location,u=(l.protocol==='https:'?'wss':'ws')+'://'+l.host+'/collab/${documentId}',s=new WebSocket(u),e={url:u,socket:s,events:[],hasSentStep1:false},k=function(v){e.events.push(v)};s.binaryType='arraybuffer';s.onopen=function(v){s.send(new Uint8Array([${EMPTY_SYNC_STEP_1.join(',')}]));e.hasSentStep1=true;k(v)};s.onmessage=s.onerror=s.onclose=k;window.${EARLY_SOCKET_KEY}=e;setTimeout(function(){if(window.${EARLY_SOCKET_KEY}===e){delete window.${EARLY_SOCKET_KEY};s.close()}},${EARLY_SOCKET_TTL_MS})}catch(x){}})();`;
}

type Handlers = Pick<WebSocket, 'onopen' | 'onmessage' | 'onerror' | 'onclose'>;

/**
 * The adopted socket as y-websocket uses it: the real socket's state and `send`/`close`, and
 * the events it had before (replayed in a task of their own, after y-websocket set its handlers)
 * and after adoption, in order.
 */
export class AdoptedSocket {
	static readonly CONNECTING = 0;
	static readonly OPEN = 1;
	static readonly CLOSING = 2;
	static readonly CLOSED = 3;
	readonly CONNECTING = 0;
	readonly OPEN = 1;
	readonly CLOSING = 2;
	readonly CLOSED = 3;
	onopen: Handlers['onopen'] = null;
	onmessage: Handlers['onmessage'] = null;
	onerror: Handlers['onerror'] = null;
	onclose: Handlers['onclose'] = null;
	readonly url: string;
	#socket: WebSocket;
	#pending: Event[] | null;
	/** The provider's first step 1 is dropped if it is the one the early script sent. */
	#mayDropStep1: boolean;

	constructor(early: EarlySocket) {
		this.url = early.url;
		this.#socket = early.socket;
		this.#pending = [...early.events];
		this.#mayDropStep1 = early.hasSentStep1;
		const forward = (event: Event) => {
			if (this.#pending) this.#pending.push(event);
			else this.#dispatch(event);
		};
		// Still connecting: y-websocket will send its own step 1 when the socket opens.
		this.#socket.onopen = this.#socket.onmessage = this.#socket.onerror = forward;
		this.#socket.onclose = forward;
		setTimeout(() => {
			const pending = this.#pending ?? [];
			this.#pending = null;
			for (const event of pending) this.#dispatch(event);
		}, 0);
	}

	get readyState(): number {
		return this.#socket.readyState;
	}

	get binaryType(): BinaryType {
		return this.#socket.binaryType;
	}

	set binaryType(type: BinaryType) {
		this.#socket.binaryType = type;
	}

	send(data: Uint8Array): void {
		if (this.#mayDropStep1) {
			this.#mayDropStep1 = false;
			if (isEmptySyncStep1(data)) return;
		}
		this.#socket.send(data as Uint8Array<ArrayBuffer>);
	}

	close(code?: number, reason?: string): void {
		this.#socket.close(code, reason);
	}

	#dispatch(event: Event): void {
		const handler = this[`on${event.type}` as keyof Handlers] as ((e: Event) => void) | null;
		handler?.call(this, event);
	}
}

function isEmptySyncStep1(data: Uint8Array): boolean {
	return (
		data.length === EMPTY_SYNC_STEP_1.length && EMPTY_SYNC_STEP_1.every((b, i) => data[i] === b)
	);
}

/**
 * Takes the early socket for `url`, once: null when there is none, it is for another document,
 * or it closed already (the caller then opens its own, which meets any refusal afresh).
 */
export function adoptEarlySocket(url: string): AdoptedSocket | null {
	if (typeof window === 'undefined') return null;
	const holder = window as unknown as Record<string, EarlySocket | undefined>;
	const early = holder[EARLY_SOCKET_KEY];
	if (!early || early.url !== url) return null;
	delete holder[EARLY_SOCKET_KEY];
	if (early.socket.readyState > AdoptedSocket.OPEN) return null;
	return new AdoptedSocket(early);
}

/**
 * A WebSocket constructor for the provider: the early socket when it is for this URL, a new
 * socket otherwise (every reconnect after the first opening).
 */
export const AdoptingWebSocket = function (url: string | URL, protocols?: string | string[]) {
	return adoptEarlySocket(String(url)) ?? new globalThis.WebSocket(url, protocols);
} as unknown as typeof WebSocket;
