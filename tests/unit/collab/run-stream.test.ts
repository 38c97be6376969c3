/**
 * The browser's run-event stream with a stand-in EventSource: everything on a page that listens
 * (clock, follow me, locks, comments) shares one connection per workshop; each listener fetches
 * its state when the stream opens, when it joins an open stream and when the browser comes back
 * online; a change reaches every listener with its document; the last listener to stop closes
 * the connection, and so does logging out.
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
