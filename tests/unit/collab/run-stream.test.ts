/**
 * The browser's run-event stream with a stand-in EventSource: everything on a page that listens
 * (clock, follow me, locks, comments) shares one connection per workshop; each listener fetches
 * its state when the stream opens (the server's `hello`), when it joins an open stream and when
 * the browser comes back online, unless it holds the state as of the stream's stamp; a change
 * reaches every listener with its document; the last listener to stop closes the connection, and
 * so does logging out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class FakeEventSource {
	static readonly CONNECTING = 0;
	static readonly OPEN = 1;
	static readonly CLOSED = 2;
	static made: FakeEventSource[] = [];
	readyState = FakeEventSource.CONNECTING;
	readonly listeners = new Map<string, ((event: { data?: string }) => void)[]>();
	constructor(readonly url: string) {
		FakeEventSource.made.push(this);
	}
	addEventListener(type: string, listener: (event: { data?: string }) => void): void {
		this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
	}
	emit(type: string, data?: string): void {
		if (type === 'open') this.readyState = FakeEventSource.OPEN;
		for (const listener of this.listeners.get(type) ?? []) listener({ data });
	}
	close(): void {
		this.readyState = FakeEventSource.CLOSED;
	}
}

const windowEvents = new EventTarget();

beforeEach(() => {
	FakeEventSource.made = [];
	vi.stubGlobal('EventSource', FakeEventSource);
	vi.stubGlobal('window', windowEvents);
	vi.resetModules();
});
afterEach(() => {
	vi.unstubAllGlobals();
});

function listener() {
	return { onChange: vi.fn(), onSync: vi.fn() };
}

describe('the run-event stream in the browser', () => {
	it('shares one connection per workshop; each listener syncs on open and hears every change', async () => {
		const { watchRunEvents } = await import('#lib/collab/run-stream.ts');
		const [clock, locks] = [listener(), listener()];
		const stopClock = watchRunEvents('w1', clock);
		const stopLocks = watchRunEvents('w1', locks);
		expect(FakeEventSource.made).toHaveLength(1);
		expect(FakeEventSource.made[0].url).toBe('/api/v1/workshops/w1/run/events');
		const source = FakeEventSource.made[0];
		source.emit('open');
		// Connected is not yet greeted: the server's `hello` comes with the first bytes.
		expect(clock.onSync).not.toHaveBeenCalled();
		source.emit('hello', JSON.stringify({ stamp: 's1' }));
		expect(clock.onSync).toHaveBeenCalledTimes(1);
		expect(locks.onSync).toHaveBeenCalledTimes(1);

		source.emit('change', JSON.stringify({ kind: 'lock', documentId: 'd1' }));
		expect(locks.onChange).toHaveBeenCalledWith('lock', 'd1');
		expect(clock.onChange).toHaveBeenCalledWith('lock', 'd1');
		source.emit('change', JSON.stringify({ kind: 'timer' }));
		expect(clock.onChange).toHaveBeenLastCalledWith('timer', undefined);

		// A listener joining the open stream fetches its state at once.
		const comments = listener();
		const stopComments = watchRunEvents('w1', comments);
		await Promise.resolve();
		expect(comments.onSync).toHaveBeenCalledTimes(1);
		expect(FakeEventSource.made).toHaveLength(1);

		// Back online, everyone fetches again (a change announced offline may not have arrived).
		windowEvents.dispatchEvent(new Event('online'));
		expect(clock.onSync).toHaveBeenCalledTimes(2);
		expect(comments.onSync).toHaveBeenCalledTimes(2);

		stopClock();
		stopLocks();
		expect(source.readyState).toBe(FakeEventSource.OPEN);
		stopComments();
		expect(source.readyState).toBe(FakeEventSource.CLOSED);
		// A new listener later opens a new connection.
		const stopAgain = watchRunEvents('w1', listener());
		expect(FakeEventSource.made).toHaveLength(2);
		stopAgain();
	});

	it('opens one connection per workshop and closes them all at logout', async () => {
		const { watchRunEvents } = await import('#lib/collab/run-stream.ts');
		const { announceLogout } = await import('#lib/collab/logout-signal.ts');
		watchRunEvents('w1', listener());
		watchRunEvents('w2', listener());
		expect(FakeEventSource.made.map((s) => s.url)).toEqual([
			'/api/v1/workshops/w1/run/events',
			'/api/v1/workshops/w2/run/events'
		]);
		announceLogout();
		expect(FakeEventSource.made.every((s) => s.readyState === FakeEventSource.CLOSED)).toBe(true);
	});

	it('fetches everything when a change cannot be read', async () => {
		const { watchRunEvents } = await import('#lib/collab/run-stream.ts');
		const one = listener();
		const stop = watchRunEvents('w1', one);
		FakeEventSource.made[0].emit('change', 'not json');
		expect(one.onSync).toHaveBeenCalledTimes(1);
		expect(one.onChange).not.toHaveBeenCalled();
		stop();
	});
});

describe('stamps: a listener whose state came with the page', () => {
	function held(stamp: string | undefined) {
		let current = stamp;
		return {
			...listener(),
			heldStamp: () => current,
			hold: (next: string) => (current = next)
		};
	}

	it('fetches nothing when the stream opens at the stamp it holds, and fetches when it differs', async () => {
		const { watchRunEvents } = await import('#lib/collab/run-stream.ts');
		const [page, stale, plain] = [held('s1'), held('s0'), listener()];
		const stops = [page, stale, plain].map((l) => watchRunEvents('w1', l));
		const source = FakeEventSource.made[0];
		source.emit('open');
		source.emit('hello', JSON.stringify({ stamp: 's1' }));
		expect(page.onSync).not.toHaveBeenCalled();
		expect(stale.onSync).toHaveBeenCalledTimes(1);
		// A listener without a stamp (its state is fetched, not in the page) always syncs.
		expect(plain.onSync).toHaveBeenCalledTimes(1);
		for (const stop of stops) stop();
	});

	it('a listener joining the open stream syncs unless it holds the latest change’s stamp', async () => {
		const { watchRunEvents } = await import('#lib/collab/run-stream.ts');
		const first = listener();
		const stopFirst = watchRunEvents('w1', first);
		const source = FakeEventSource.made[0];
		source.emit('open');
		source.emit('hello', JSON.stringify({ stamp: 's1' }));
		source.emit('change', JSON.stringify({ kind: 'timer', stamp: 's2' }));

		const current = held('s2');
		const stopCurrent = watchRunEvents('w1', current);
		const behind = held('s1');
		const stopBehind = watchRunEvents('w1', behind);
		await Promise.resolve();
		expect(current.onSync).not.toHaveBeenCalled();
		expect(behind.onSync).toHaveBeenCalledTimes(1);

		// A change without a stamp (an older server) leaves the stamp unknown: everyone joining syncs.
		source.emit('change', JSON.stringify({ kind: 'timer' }));
		const later = held('s2');
		const stopLater = watchRunEvents('w1', later);
		await Promise.resolve();
		expect(later.onSync).toHaveBeenCalledTimes(1);
		for (const stop of [stopFirst, stopCurrent, stopBehind, stopLater]) stop();
	});

	it('after a dropped connection, the new hello decides again; an unreadable hello syncs everyone', async () => {
		const { watchRunEvents } = await import('#lib/collab/run-stream.ts');
		const page = held('s1');
		const stop = watchRunEvents('w1', page);
		const source = FakeEventSource.made[0];
		source.emit('open');
		source.emit('hello', JSON.stringify({ stamp: 's1' }));
		expect(page.onSync).not.toHaveBeenCalled();

		// The browser reconnects by itself (readyState back to CONNECTING, then open).
		source.readyState = FakeEventSource.CONNECTING;
		source.emit('error');
		// Joining while reconnecting: nothing yet, the next hello decides.
		const joining = held('s1');
		const stopJoining = watchRunEvents('w1', joining);
		await Promise.resolve();
		expect(joining.onSync).not.toHaveBeenCalled();
		source.emit('open');
		source.emit('hello', JSON.stringify({ stamp: 's3' }));
		expect(page.onSync).toHaveBeenCalledTimes(1);
		expect(joining.onSync).toHaveBeenCalledTimes(1);

		page.hold('s3');
		source.emit('hello', 'not json');
		expect(page.onSync).toHaveBeenCalledTimes(2);
		stop();
		stopJoining();
	});
});
