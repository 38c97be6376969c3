/**
 * Knows whether the server has everything this client wrote, using only the stock protocol.
 *
 * y-websocket has no acknowledgement, but the server handles one connection's messages in order
 * and stores an update before it answers anything after it. So: whenever local state goes out
 * (an update, or our sync step 2 that carries offline edits), we later send a sync step 1 (a
 * "probe") and remember which local version it follows. When the server's step 2 answer arrives,
 * every local change up to that version is stored. Answers come back in the order probes went
 * out, so a FIFO of versions is enough. A new connection starts a new FIFO.
 */
export class SaveTracker {
	/** Bumped for every local change that has to reach the server. */
	private localVersion = 0;
	/** The highest local version the server has confirmed. */
	private confirmedVersion = 0;
	/** Versions of the probes in flight on the current connection, oldest first. */
	private inFlight: number[] = [];

	/** True when the server has confirmed every local change. */
	get isConfirmed(): boolean {
		return this.confirmedVersion === this.localVersion;
	}

	/** True when a probe sent now would confirm something not yet confirmed or asked about. */
	get needsProbe(): boolean {
		const newest = this.inFlight.at(-1) ?? this.confirmedVersion;
		return newest < this.localVersion;
	}

	/** A local change happened (it is sent, or will be on reconnect). */
	noteLocalChange(): void {
		this.localVersion++;
	}

	/**
	 * A step 1 went out on the current connection; `isProbe` is false for the one the provider
	 * sends by itself when a socket opens, which follows nothing we could confirm.
	 */
	noteStep1Sent(isProbe: boolean): void {
		this.inFlight.push(isProbe ? this.localVersion : -1);
	}

	/** The server answered the oldest step 1 in flight; returns true when that confirmed changes. */
	noteStep2Received(): boolean {
		const version = this.inFlight.shift();
		if (version === undefined || version <= this.confirmedVersion) return false;
		this.confirmedVersion = version;
		return true;
	}

	/** The connection closed: answers to its probes will never come. */
	noteDisconnected(): void {
		this.inFlight = [];
	}

	/**
	 * Marks local changes restored from the offline cache as unconfirmed, so they count as
	 * pending until a probe after the next sync confirms them.
	 */
	noteRestoredUnsyncedChanges(): void {
		this.noteLocalChange();
	}
}
