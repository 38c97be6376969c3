/**
 * CollabSession: everything one open document needs in the browser. It owns the Y.Doc, the
 * y-websocket provider, the offline cache and awareness, and exposes their state as Svelte
 * `$state` for components to read. Components never touch the provider or Dexie.
 *
 * Lifecycle: `new CollabSession(options)` → `connect()` (opens the socket when the browser is
 * online and loads the offline cache meanwhile) → `destroy()`.
 */
import * as Y from 'yjs';
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { presenceColor } from '../domain/presence-color.ts';
import { CLOSE_CODES } from '../domain/collab-close-codes.ts';
import { awarenessToPeers, type Peer } from './awareness.ts';
import { closeReaction, type CollabErrorCode } from './close-codes.ts';
import { Connector } from './connector.ts';
import { discardLocalChanges, reloadPage } from './local-reset.ts';
import { onLogout } from './logout-signal.ts';
import { OfflineStore } from './offline-store.ts';
import { collabServerUrl, createProvider } from './provider.ts';
import { ServerState } from './server-state.ts';

/**
 * - `connecting`: the first connection is being opened.
 * - `connected`: the socket is open (see `isSynced` for whether everything is stored).
 * - `offline`: no connection; edits are kept on this computer and a reconnect is scheduled.
 * - `closed`: destroyed, or the server refused the document for good (see `lastError`).
 */
export type CollabStatus = 'connecting' | 'connected' | 'offline' | 'closed';

/** What the presence bar says about the person's own work, in order of precedence. */
export type SaveState = 'readOnly' | 'offline' | 'connecting' | 'saving' | 'saved';

export type CollabUser = { id: string; name: string };

export type CollabSessionOptions = {
	documentId: string;
	/** The signed-in person (the server sets the identity others see; this is for our caret). */
	user: CollabUser;
	/** `can(user, 'write', document)` as the page load decided it. */
	canWrite: boolean;
	/** Endpoint base (`ws(s)://host/collab`); derived from the page's location by default. */
	serverUrl?: string;
	/** Keep edits in IndexedDB; on by default where IndexedDB exists (not in Node tests). */
	isOfflineCacheEnabled?: boolean;
	/** Node tests pass `ws`'s WebSocket. */
	WebSocketPolyfill?: typeof WebSocket;
	/** Node tests with several sessions in one process must disable BroadcastChannel. */
	disableBc?: boolean;
	/** The server says the person's rights or session changed: reload the page data. */
	onAccessChanged?: () => void;
	/** After `discardLocalChanges`: start over from the server (reloads the page by default). */
	onLocalChangesDiscarded?: () => void;
	/**
	 * The server refused an edit that changed a locked part (4423) or would break the template's
	 * shape (4422), with that code: this session's state must be thrown away (see
	 * locked-part-recovery.svelte.ts). It does not reconnect by itself.
	 */
	onLockedPart?: (code: number) => void;
};

/**
 * Checking "is everything stored" walks the document, so it runs at most this often while
 * server messages stream in (ten people typing); the first message after a quiet spell is
 * checked at once (see #scheduleSavedCheck).
 */
export const SAVED_CHECK_INTERVAL_MS = 100;

/** Marks transactions that replay the offline cache, so they are not written back to it. */
const CACHE_ORIGIN = Symbol('offline-cache');

/** One open document: Y.Doc, provider, offline cache and presence, as reactive state. */
export class CollabSession {
	/** Write access as the page load decided it (updated after an access change). */
	#canWriteByPage = $state(false);
	/**
	 * Write access as the server treats the current connection, null until known. The server
	 * asks only writers for their state (sync step 1), so a synced connection without that
	 * request is read-only; this catches a change of rights before the page data is reloaded.
	 */
	#canWriteByServer = $state<boolean | null>(null);
	#hasServerAskedForState = false;
	status = $state<CollabStatus>('connecting');
	/** True when the server has confirmed that it stores every edit in this document. */
	isSynced = $state(false);
	/** True when this person may only read; the editor is then not editable. */
	isReadOnly: boolean = $derived(!(this.#canWriteByServer ?? this.#canWriteByPage));
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
	/** Name and colour as the others see them (the colour is derived like the server does). */
	readonly user: CollabUser & { color: string };

	#options: CollabSessionOptions;
	#provider: WebsocketProvider;
	#connector: Connector;
	#serverState = new ServerState();
	#store: OfflineStore | null;
	#isDestroyed = false;
	#loaded: Promise<void> | null = null;
	#checkTimer: ReturnType<typeof setTimeout> | undefined;
	#isCheckPending = false;
	#lastCheckAt = -Infinity;
	#peersKey = '';
	#stopWatchingLogout: () => void;

	constructor(options: CollabSessionOptions) {
		this.#options = options;
		this.documentId = options.documentId;
		this.user = { ...options.user, color: presenceColor(options.user.id) };
		this.#canWriteByPage = options.canWrite;
		this.awareness = new Awareness(this.doc);
		this.awareness.setLocalStateField('user', { ...this.user });
		const isCacheEnabled = options.isOfflineCacheEnabled ?? typeof indexedDB !== 'undefined';
		this.#store = isCacheEnabled
			? new OfflineStore(options.user.id, options.documentId, (code) => (this.lastError = code))
			: null;
		this.#provider = createProvider({
			serverUrl: options.serverUrl ?? collabServerUrl(globalThis.location),
			documentId: options.documentId,
			doc: this.doc,
			awareness: this.awareness,
			WebSocketPolyfill: options.WebSocketPolyfill,
			disableBc: options.disableBc,
			tap: {
				onServerStateVector: (sv) => {
					this.#hasServerAskedForState = true;
					if (this.#provider.synced) this.#canWriteByServer = true;
					this.#onServerState(() => this.#serverState.noteStateVector(sv));
				},
				onServerUpdate: (update) => this.#onServerState(() => this.#serverState.noteUpdate(update))
			}
		});
		this.#connector = new Connector(this.#provider, {
			onStatus: (status) => {
				if (!this.#isDestroyed) this.status = status;
				// The server's step 1 follows the opening of the socket; each connection starts over.
				if (status === 'connected') this.#hasServerAskedForState = false;
				else this.isSynced = false;
			},
			onServerClose: (code) => this.#onServerClose(code),
			onRepeatedFailure: () => this.#recheckAccess()
		});
		this.#provider.on('sync', (isProviderSynced) => {
			if (!isProviderSynced) return;
			// The server sends its step 1 before it answers ours, so by now we know.
			this.#canWriteByServer = this.#hasServerAskedForState;
			this.#scheduleSavedCheck();
		});
		this.doc.on('update', this.#onDocUpdate);
		this.awareness.on('change', this.#updatePeers);
		this.#updatePeers();
		this.#stopWatchingLogout = onLogout(() => void this.destroy());
	}

	/** The shared rich-text field `name` of this document (created on first use). */
	fragment(name: string): Y.XmlFragment {
		return this.doc.getXmlFragment(name);
	}

	/** Resolves once the offline cache is in the document (at once without a cache). */
	get whenLoaded(): Promise<void> {
		this.#loaded ??= this.#loadCache();
		return this.#loaded;
	}

	/**
	 * Connects whenever the browser is online and loads the offline cache at the same time;
	 * resolves once the cache is loaded. Opening IndexedDB took 150-600 ms on a slow laptop, so
	 * the socket no longer waits for it (npm run bench:page). Whichever arrives first fills the
	 * document; cached edits applied after the server's sync are sent like any other edit, and
	 * nothing counts as saved before the cache is in (see #checkSaved).
	 */
	async connect(): Promise<void> {
		const loaded = this.whenLoaded;
		if (!this.#isDestroyed) this.#connector.start();
		await loaded;
	}

	/** Updates write access after the page data was reloaded (e.g. after a phase change). */
	setCanWrite(canWrite: boolean): void {
		this.#canWriteByPage = canWrite;
	}

	/**
	 * Throws away this person's unsaved edits of the document (the way out when the server
	 * refuses them for good, see local-reset.ts): stops the session, deletes the offline cache
	 * and starts over from the server's state.
	 */
	async discardLocalChanges(): Promise<void> {
		await this.destroy();
		if (this.#store) await discardLocalChanges(this.#options.user.id, this.documentId);
		(this.#options.onLocalChangesDiscarded ?? reloadPage)();
	}

	/** Leaves the document: presence disappears at once, pending cache writes finish. */
	async destroy(): Promise<void> {
		if (this.#isDestroyed) return;
		this.#isDestroyed = true;
		this.#stopWatchingLogout();
		clearTimeout(this.#checkTimer);
		this.awareness.off('change', this.#updatePeers);
		// Tell the others we left before the socket closes, not after their awareness timeout.
		removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
		this.#connector.stop();
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
		// The server may have synced meanwhile: whether the cached edits are stored is known only
		// now (they went out as an update when applied, see #onDocUpdate).
		this.#scheduleSavedCheck();
	}

	#onDocUpdate = (update: Uint8Array, origin: unknown): void => {
		// The cache's own content is not written back; applied after the server's sync it may
		// hold edits the server has not got yet (y-websocket sends them as an update).
		if (origin === CACHE_ORIGIN) {
			this.isSynced = false;
			return;
		}
		const isLocal = origin !== this.#provider;
		this.#store?.append(update, isLocal);
		if (isLocal) this.isSynced = false;
	};

	#onServerState(note: () => void): void {
		note();
		this.#scheduleSavedCheck();
	}

	/**
	 * Checks at once (after the message being handled) when the last check is at least
	 * SAVED_CHECK_INTERVAL_MS old, else when it will be: the echo of a lone edit turns into "Gemt"
	 * without waiting, and a stream of messages still costs one check per interval.
	 */
	#scheduleSavedCheck(): void {
		if (this.#isCheckPending || this.#isDestroyed) return;
		this.#isCheckPending = true;
		const check = () => {
			this.#isCheckPending = false;
			this.#checkSaved();
		};
		const wait = this.#lastCheckAt + SAVED_CHECK_INTERVAL_MS - Date.now();
		if (wait <= 0) queueMicrotask(check);
		else this.#checkTimer = setTimeout(check, wait);
	}

	#checkSaved(): void {
		// Before the cache is in, the document may lack edits the server has never seen: saying
		// "saved" (and marking the cache synced) then would lose track of them.
		if (this.#isDestroyed || !this.#provider.synced || !this.isLoaded) return;
		this.#lastCheckAt = Date.now();
		// A read-only connection is never asked for its state: there is nothing of ours to store.
		const isSynced = this.isReadOnly || this.#serverState.hasAllOf(this.doc);
		if (isSynced && !this.isSynced) {
			this.lastError = null;
			this.#store?.markSynced();
		}
		this.isSynced = isSynced;
	}

	#onServerClose(code: number | undefined): { isPermanent: boolean; isImmediate: boolean } {
		const reaction = closeReaction(code);
		if (reaction.error) this.lastError = reaction.error;
		if (reaction.isAccessChange) this.#options.onAccessChanged?.();
		if (code === CLOSE_CODES.lockedPart || code === CLOSE_CODES.brokenShape) {
			this.#options.onLockedPart?.(code);
		}
		return reaction;
	}

	/**
	 * Browsers hide why an upgrade failed (401/403 and "server down" look the same), so after
	 * repeated failures we ask for the page itself: a redirect (to the login page) or a 4xx means
	 * the rights changed; a network error means the server is just not back yet.
	 */
	#recheckAccess(): void {
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

	#updatePeers = (): void => {
		const peers = awarenessToPeers(this.awareness.getStates(), this.doc.clientID);
		// Cursor moves change awareness constantly; only a different list of people re-renders.
		const key = JSON.stringify(peers);
		if (key === this.#peersKey) return;
		this.#peersKey = key;
		this.peers = peers;
	};
}
