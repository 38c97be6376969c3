/**
 * Keeps a provider connected the way a shaky municipal Wi-Fi needs: reconnects with jittered
 * exponential backoff (y-websocket's own retry is switched off, see provider.ts), pauses while
 * the browser says it is offline and reconnects at once when it is back, and lets the session
 * decide what a server close means.
 */
import type { WebsocketProvider } from 'y-websocket';
import { reconnectDelay } from './backoff.ts';

export type ConnectorStatus = 'connecting' | 'connected' | 'offline' | 'closed';

export type ConnectorHooks = {
	onStatus: (status: ConnectorStatus) => void;
	/** A socket closed (code undefined when we closed it); returns how to go on. */
	onServerClose: (code: number | undefined) => { isPermanent: boolean; isImmediate: boolean };
	/** Several attempts in a row failed before the socket opened (refused, or server down). */
	onRepeatedFailure: () => void;
};

/** Failed openings in a row after which (and every so many after) `onRepeatedFailure` runs. */
export const FAILED_OPENS_BEFORE_CHECK = 3;

/** Opens, watches and reopens one provider's socket. */
export class Connector {
	#provider: WebsocketProvider;
	#hooks: ConnectorHooks;
	#wantsConnection = false;
	#attempt = 0;
	#failedOpens = 0;
	#hasOpened = false;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(provider: WebsocketProvider, hooks: ConnectorHooks) {
		this.#provider = provider;
		this.#hooks = hooks;
		provider.on('status', ({ status }) => {
			if (status !== 'connected') return;
			this.#hasOpened = true;
			this.#failedOpens = 0;
			hooks.onStatus('connected');
		});
		// Only a connection that synced did useful work; a server that accepts and closes at once
		// keeps backing off.
		provider.on('sync', (isSynced) => {
			if (isSynced) this.#attempt = 0;
		});
		provider.on('connection-close', (event) => this.#onClose(event));
	}

	/** Starts connecting (now if the browser is online, else when it comes online). */
	start(): void {
		this.#wantsConnection = true;
		if (typeof window !== 'undefined') {
			window.addEventListener('online', this.#onOnline);
			window.addEventListener('offline', this.#onOffline);
		}
		this.#open();
	}

	/** Stops for good: no more reconnects; the caller destroys the provider. */
	stop(): void {
		this.#wantsConnection = false;
		clearTimeout(this.#timer);
		if (typeof window !== 'undefined') {
			window.removeEventListener('online', this.#onOnline);
			window.removeEventListener('offline', this.#onOffline);
		}
		this.#hooks.onStatus('closed');
	}

	#isBrowserOffline(): boolean {
		return typeof navigator !== 'undefined' && navigator.onLine === false;
	}

	#open(): void {
		clearTimeout(this.#timer);
		if (!this.#wantsConnection) return;
		if (this.#isBrowserOffline()) {
			this.#hooks.onStatus('offline');
			return;
		}
		this.#hasOpened = false;
		this.#provider.connect();
	}

	#schedule(delayMs: number): void {
		clearTimeout(this.#timer);
		if (!this.#wantsConnection || this.#isBrowserOffline()) return;
		this.#timer = setTimeout(() => this.#open(), delayMs);
	}

	#onClose(event: CloseEvent | null): void {
		// y-websocket retries closes it initiated itself (its watchdog) without jitter; stop that:
		// its pending retry finds `shouldConnect` false and does nothing.
		this.#provider.shouldConnect = false;
		if (!this.#wantsConnection) return;
		this.#hooks.onStatus('offline');
		if (!event) {
			// We closed it: the browser went offline (see #onOffline) or the watchdog fired.
			this.#schedule(reconnectDelay(this.#attempt++));
			return;
		}
		const reaction = this.#hooks.onServerClose(event.code);
		if (reaction.isPermanent) {
			this.#wantsConnection = false;
			this.#hooks.onStatus('closed');
			return;
		}
		if (!this.#hasOpened) {
			this.#failedOpens++;
			if (this.#failedOpens % FAILED_OPENS_BEFORE_CHECK === 0) this.#hooks.onRepeatedFailure();
		}
		if (reaction.isImmediate) this.#attempt = 0;
		this.#schedule(reconnectDelay(this.#attempt++));
	}

	#onOffline = (): void => {
		// Chromium keeps a dead socket "open" long after the network is gone; the browser knows
		// better, so close it now and show "offline" instead of pretending to save.
		const wanted = this.#wantsConnection;
		this.#wantsConnection = false;
		this.#provider.disconnect();
		this.#wantsConnection = wanted;
		clearTimeout(this.#timer);
		if (wanted) this.#hooks.onStatus('offline');
	};

	#onOnline = (): void => {
		this.#attempt = 0;
		this.#open();
	};
}
