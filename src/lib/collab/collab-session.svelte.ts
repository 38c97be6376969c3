/**
 * CollabSession: everything one open document needs in the browser. It owns the Y.Doc, the
 * y-websocket provider, the offline cache and awareness, and exposes their state as Svelte
 * `$state` for components to read. Components never touch the provider or Dexie.
 *
 * Lifecycle: `new CollabSession(options)` → `connect()` (loads the offline cache, then opens
 * the socket when the browser is online) → `destroy()`.
 */
import * as Y from 'yjs';
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { awarenessToPeers, DEFAULT_PEER_COLOR, type Peer } from './awareness.ts';
import { reconnectDelay } from './backoff.ts';
import { closeReaction, type CollabErrorCode } from './close-codes.ts';
import { collabServerUrl, createProvider, sendSyncStep1 } from './provider.ts';
import { SaveTracker } from './save-tracker.ts';
import { OfflineStore } from './offline-store.ts';

/**
 * - `connecting`: the first connection is being opened.
 * - `connected`: the socket is open (see `isSynced` for whether everything is stored).
 * - `offline`: no connection; edits are kept on this computer and a reconnect is scheduled.
 * - `closed`: destroyed, or the server refused the document for good.
 */
export type CollabStatus = 'connecting' | 'connected' | 'offline' | 'closed';

/** What the presence bar says about the person's own work, in order of precedence. */
export type SaveState = 'readOnly' | 'offline' | 'connecting' | 'saving' | 'saved';

export type CollabUser = { id: string; name: string; color?: string };

export type CollabSessionOptions = {
	documentId: string;
	/** The signed-in person; the server sets the name others see, this is for our own caret. */
	user: CollabUser;
	/** `can(user, 'write', document)` as the page load decided it. */
	canWrite: boolean;
	/** Endpoint base (`ws(s)://host/collab`); derived from the page's location by default. */
	serverUrl?: string;
	/** Keep edits in IndexedDB (default true in browsers; Node tests without IndexedDB pass false). */
	isOfflineCacheEnabled?: boolean;
	/** Node tests pass `ws`'s WebSocket. */
	WebSocketPolyfill?: typeof WebSocket;
	/** Node tests with several sessions in one process must disable BroadcastChannel. */
	disableBc?: boolean;
	/** Called when the server says the person's rights changed (reload the page data). */
	onAccessChanged?: () => void;
};

/**
 * Wait after the last local change before asking the server to confirm it: a pause in typing,
 * not every keystroke, triggers one extra small round trip.
 */
export const CONFIRM_DELAY_MS = 250;

/** Refused or failed socket openings in a row before we check whether the page is still ours. */
export const FAILED_OPENS_BEFORE_ACCESS_CHECK = 3;

/** Marks transactions that replay the offline cache, so they are not written back to it. */
const CACHE_ORIGIN = Symbol('offline-cache');

/** One open document: Y.Doc, provider, offline cache and presence, as reactive state. */
export class CollabSession {
	status = $state<CollabStatus>('connecting');
	/** True when the server has confirmed that it stores every local edit. */
	isSynced = $state(false);
	/** True when this person may only read; the editor is then not editable. */
	isReadOnly = $state(false);
	/** True once the offline cache has been loaded into the document. */
	isLoaded = $state(false);
	/** Everyone present, self first. */
	peers = $state<Peer[]>([]);
	/** The last problem worth telling the person about; null when all is well. */
	lastError = $state<CollabErrorCode | null>(null);
	/** Read-only wins (nothing of theirs to save), then the connection, then the save state. */
	saveState: SaveState = $derived.by(() => {
		if (this.isReadOnly) return 'readOnly';
		if (this.status === 'offline' || this.status === 'closed') return 'offline';
		if (this.status === 'connecting') return 'connecting';
		return this.isSynced ? 'saved' : 'saving';
	});

	readonly doc = new Y.Doc();
	readonly awareness: Awareness;
	readonly documentId: string;
	readonly user: CollabUser & { color: string };

	#options: CollabSessionOptions;
	#provider: WebsocketProvider;
	#tracker = new SaveTracker();
	#store: OfflineStore | null;
	#wantsConnection = false;
	#isDestroyed = false;
	#attempt = 0;
	/** Consecutive attempts whose socket never opened (a refused upgrade looks like this). */
	#failedOpens = 0;
	#hasOpened = false;
	#reconnectTimer: ReturnType<typeof setTimeout> | undefined;
	#confirmTimer: ReturnType<typeof setTimeout> | undefined;
	#loaded: Promise<void> | null = null;
	#peersKey = '';

	constructor(options: CollabSessionOptions) {
		this.#options = options;
		this.documentId = options.documentId;
		this.user = { ...options.user, color: options.user.color ?? DEFAULT_PEER_COLOR };
		this.isReadOnly = !options.canWrite;
		this.awareness = new Awareness(this.doc);
		this.awareness.setLocalStateField('user', { ...this.user });
		const hasIndexedDb = typeof indexedDB !== 'undefined';
		this.#store =
			(options.isOfflineCacheEnabled ?? hasIndexedDb)
				? new OfflineStore(options.user.id, options.documentId, (code) => (this.lastError = code))
				: null;
		this.#provider = createProvider({
			serverUrl: options.serverUrl ?? collabServerUrl(globalThis.location),
			documentId: options.documentId,
			doc: this.doc,
			awareness: this.awareness,
			WebSocketPolyfill: options.WebSocketPolyfill,
			disableBc: options.disableBc,
			hooks: {
				// Our step 2 (with any offline edits) is sent right after this returns.
				onServerStep1: () => this.#noteLocalChange(0),
				onServerStep2: () => this.#onConfirmed()
			}
		});
		this.#provider.on('status', ({ status }) => this.#onProviderStatus(status));
		this.#provider.on('sync', (isSynced) => this.#onProviderSync(isSynced));
		this.#provider.on('connection-close', (event) => this.#onClose(event));
		this.doc.on('update', this.#onDocUpdate);
		this.awareness.on('change', this.#updatePeers);
		this.#updatePeers();
		if (typeof window !== 'undefined') {
			window.addEventListener('online', this.#onBrowserOnline);
			window.addEventListener('offline', this.#onBrowserOffline);
		}
	}

	/** The shared rich-text field `name` of this document (created on first use). */
	fragment(name: string): Y.XmlFragment {
		return this.doc.getXmlFragment(name);
	}

	/** Resolves once the offline cache is in the document (immediately without a cache). */
	get whenLoaded(): Promise<void> {
		this.#loaded ??= this.#loadCache();
		return this.#loaded;
	}

	/** Loads the offline cache, then connects whenever the browser is online. */
	async connect(): Promise<void> {
		await this.whenLoaded;
		if (this.#isDestroyed) return;
		this.#wantsConnection = true;
		this.#openNow();
	}

	/** Updates write access after the page data was reloaded (e.g. after a phase change). */
	setCanWrite(canWrite: boolean): void {
		this.isReadOnly = !canWrite;
	}

	/** Leaves the document: presence disappears at once, pending cache writes finish. */
	async destroy(): Promise<void> {
		if (this.#isDestroyed) return;
		this.#isDestroyed = true;
		this.#wantsConnection = false;
		clearTimeout(this.#reconnectTimer);
		clearTimeout(this.#confirmTimer);
		if (typeof window !== 'undefined') {
			window.removeEventListener('online', this.#onBrowserOnline);
			window.removeEventListener('offline', this.#onBrowserOffline);
		}
		this.awareness.off('change', this.#updatePeers);
		// Tell the others we left before the socket closes, instead of after their 30 s timeout.
		removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
		this.#provider.destroy();
		this.doc.off('update', this.#onDocUpdate);
		await this.#store?.flush();
		this.awareness.destroy();
		this.doc.destroy();
		this.status = 'closed';
	}

	async #loadCache(): Promise<void> {
		const cached = await this.#store?.load();
		if (cached && !this.#isDestroyed) Y.applyUpdate(this.doc, cached, CACHE_ORIGIN);
		this.isLoaded = true;
	}

	#isBrowserOffline(): boolean {
		return typeof navigator !== 'undefined' && navigator.onLine === false;
	}

	#openNow(): void {
		clearTimeout(this.#reconnectTimer);
		if (!this.#wantsConnection || this.#isDestroyed) return;
		if (this.#isBrowserOffline()) {
			this.status = 'offline';
			return;
		}
		this.#hasOpened = false;
		this.#provider.connect();
	}

	#scheduleReconnect(): void {
		clearTimeout(this.#reconnectTimer);
		if (!this.#wantsConnection || this.#isDestroyed || this.#isBrowserOffline()) return;
		const delay = reconnectDelay(this.#attempt++);
		this.#reconnectTimer = setTimeout(() => this.#openNow(), delay);
	}

	#onProviderStatus(status: 'connected' | 'disconnected' | 'connecting'): void {
		if (status === 'connected') {
			this.#hasOpened = true;
			this.#failedOpens = 0;
			this.status = 'connected';
			// The provider sends its own step 1 right after this event; its answer confirms nothing.
			this.#tracker.noteStep1Sent(false);
		} else if (status === 'connecting' && this.status !== 'connecting') {
			this.status = 'offline';
		}
	}

	#onProviderSync(isProviderSynced: boolean): void {
		if (!isProviderSynced) return;
		this.#attempt = 0;
		this.#scheduleConfirm(0);
	}

	#onClose(event: CloseEvent | null): void {
		this.#tracker.noteDisconnected();
		this.isSynced = false;
		clearTimeout(this.#confirmTimer);
		// Stop y-websocket's own un-jittered retry (it runs for closes it initiated itself).
		this.#provider.shouldConnect = false;
		if (this.#isDestroyed) return;
		this.status = 'offline';
		const reaction = closeReaction(event?.code);
		if (reaction.error) this.lastError = reaction.error;
		if (reaction.isAccessChange) {
			this.#attempt = 0;
			this.#options.onAccessChanged?.();
		}
		if (!this.#hasOpened && event) this.#onFailedOpen();
		if (reaction.isPermanent) {
			this.#wantsConnection = false;
			this.status = 'closed';
			return;
		}
		this.#scheduleReconnect();
	}

	/**
	 * Browsers hide why an upgrade failed (401/403 and "server down" look the same), so after
	 * repeated failures we ask for the page itself: a redirect to the login page or a 4xx means
	 * the rights changed; a network error means the server is just not there yet.
	 */
	#onFailedOpen(): void {
		this.#failedOpens++;
		if (this.#failedOpens % FAILED_OPENS_BEFORE_ACCESS_CHECK !== 0) return;
		const onAccessChanged = this.#options.onAccessChanged;
		if (!onAccessChanged || typeof location === 'undefined') return;
		fetch(location.href, { method: 'HEAD', redirect: 'manual', cache: 'no-store' }).then(
			(response) => {
				const isGone =
					response.type === 'opaqueredirect' || (response.status >= 400 && response.status < 500);
				if (isGone && !this.#isDestroyed) onAccessChanged();
			},
			// Unreachable server: nothing to learn; the scheduled reconnect keeps trying.
			() => undefined
		);
	}

	#onBrowserOffline = (): void => {
		if (this.#isDestroyed) return;
		// Chromium keeps a dead socket "open" for a long time after the network goes; we know better.
		const wanted = this.#wantsConnection;
		this.#provider.disconnect();
		this.#wantsConnection = wanted;
		this.status = 'offline';
	};

	#onBrowserOnline = (): void => {
		this.#attempt = 0;
		this.#openNow();
	};

	#onDocUpdate = (update: Uint8Array, origin: unknown): void => {
		if (origin === CACHE_ORIGIN) return;
		const isLocal = origin !== this.#provider;
		this.#store?.append(update, isLocal);
		if (isLocal) this.#noteLocalChange(CONFIRM_DELAY_MS);
	};

	#noteLocalChange(confirmDelayMs: number): void {
		this.#tracker.noteLocalChange();
		this.isSynced = false;
		this.#scheduleConfirm(confirmDelayMs);
	}

	#scheduleConfirm(delayMs: number): void {
		clearTimeout(this.#confirmTimer);
		this.#confirmTimer = setTimeout(() => {
			if (!this.#provider.synced) return;
			if (!this.#tracker.needsProbe) {
				this.#onConfirmed(false);
				return;
			}
			if (sendSyncStep1(this.#provider)) this.#tracker.noteStep1Sent(true);
		}, delayMs);
	}

	#onConfirmed(isAnswer = true): void {
		const hasConfirmed = isAnswer ? this.#tracker.noteStep2Received() : false;
		const isSynced = this.#provider.synced && this.#tracker.isConfirmed;
		if (isSynced && !this.isSynced) {
			this.lastError = null;
			this.#store?.markSynced();
		}
		this.isSynced = isSynced;
		if (hasConfirmed && !isSynced) this.#scheduleConfirm(0);
	}

	#updatePeers = (): void => {
		const peers = awarenessToPeers(this.awareness.getStates(), this.doc.clientID);
		// Cursor moves change awareness constantly; only a different list of people re-renders.
		const key = JSON.stringify(peers);
		if (key === this.#peersKey) return;
		this.#peersKey = key;
		this.peers = peers;
	};
}
