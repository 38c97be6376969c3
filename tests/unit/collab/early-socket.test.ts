/**
 * The document page's early socket (src/lib/collab/early-socket.ts): the inline script the
 * server puts into the page runs here as it would in the browser (with `ws` as the socket, which
 * can send the cookie), against the real collaboration server; a CollabSession then adopts its
 * socket. The browser side is covered by tests/e2e/collab-early-socket.spec.ts.
 */
import vm from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CollabSession } from '#lib/collab/collab-session.svelte.ts';
import {
	EARLY_SOCKET_KEY,
	EARLY_SOCKET_TTL_MS,
	EMPTY_SYNC_STEP_1,
	adoptEarlySocket,
	earlySocketScript,
	type EarlySocket
} from '#lib/collab/early-socket.ts';
import { withEarlySocket } from '#lib/server/http/early-socket-tag.ts';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, socketWithCookie, waitFor } from '../../support/collab-client.ts';

let fixture: CollabFixture;
let sessions: CollabSession[] = [];
/** Every socket the code under test created, and the frames it sent. */
let created: { url: string; sent: number[][] }[] = [];
const fakeWindow: Record<string, unknown> = {
	addEventListener: () => undefined,
	removeEventListener: () => undefined
};

beforeAll(async () => {
	fixture = await startCollabFixture();
});
afterEach(async () => {
	await Promise.all(sessions.map((s) => s.destroy()));
	sessions = [];
	early()?.socket.close();
	delete fakeWindow[EARLY_SOCKET_KEY];
	created = [];
	vi.unstubAllGlobals();
	vi.useRealTimers();
});
afterAll(async () => {
	await fixture.close();
});

/** The page's globals as the inline script and the provider see them, signed in as `cookie`. */
function browserGlobals(cookie: string): void {
	const Cookied = socketWithCookie(cookie);
	class Recorded extends Cookied {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols);
			const record = { url: String(url), sent: [] as number[][] };
			created.push(record);
			const send = this.send.bind(this);
			this.send = ((data: Uint8Array) => {
				record.sent.push([...data]);
				send(data);
			}) as typeof this.send;
		}
	}
	vi.stubGlobal('window', fakeWindow);
	vi.stubGlobal('location', { protocol: 'http:', host: new URL(fixture.wsBase).host });
	vi.stubGlobal('WebSocket', Recorded);
}

function runScript(documentId: string): void {
	// As the browser runs the inline script: in the page's global scope.
	vm.runInThisContext(earlySocketScript(documentId));
}

function early(): EarlySocket | undefined {
	return fakeWindow[EARLY_SOCKET_KEY] as EarlySocket | undefined;
}

function openSession(documentId: string): CollabSession {
	const user = fixture.users.facilitator;
	const session = new CollabSession({
		documentId,
		user: { id: user.id, name: user.name },
		canWrite: true,
		serverUrl: `${fixture.wsBase}/collab`,
		disableBc: true,
		isOfflineCacheEnabled: false
	});
	sessions.push(session);
	return session;
}

const isSyncStep = (frame: number[], step: number) => frame[0] === 0 && frame[1] === step;
const messages = (e: EarlySocket) => e.events.filter((event) => event.type === 'message');

describe('early socket', () => {
	it("is y-websocket's own sync step 1 of an empty document", () => {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 0);
		syncProtocol.writeSyncStep1(encoder, new Y.Doc());
		expect([...encoding.toUint8Array(encoder)]).toEqual([...EMPTY_SYNC_STEP_1]);
	});

	it('is adopted by the session: the server answered before it existed, nothing is asked twice, edits flow', async () => {
		const documentId = fixture.documents.drejebog;
		const other = connectClient(fixture.wsBase, documentId, fixture.users.member.cookie);
		await other.synced;
		other.doc.getText('early').insert(0, 'Fra serveren');
		browserGlobals(fixture.users.facilitator.cookie);

		runScript(documentId);
		const kept = early()!;
		expect(kept.url).toBe(`${fixture.wsBase}/collab/${documentId}`);
		// The server's step 2 arrives with nobody to apply it yet.
		await waitFor(
			() =>
				messages(kept).some((m) => isSyncStep([...new Uint8Array((m as MessageEvent).data)], 1)),
			"the server's sync step 2"
		);

		const session = openSession(documentId);
		await session.connect();
		await waitFor(() => session.saveState === 'saved', 'the session to be saved');
		expect(session.doc.getText('early').toJSON()).toBe('Fra serveren');
		expect(early()).toBeUndefined();
		// One socket, one step 1: the provider's own (the same bytes) was not sent again.
		expect(created).toHaveLength(1);
		expect(created[0].sent.filter((frame) => isSyncStep(frame, 0))).toEqual([
			[...EMPTY_SYNC_STEP_1]
		]);

		session.doc.getText('early').insert(0, 'Min rettelse. ');
		await waitFor(
			() => other.doc.getText('early').toJSON() === 'Min rettelse. Fra serveren',
			'the edit at the other client'
		);
		other.doc.getText('early').insert(0, 'Svar. ');
		await waitFor(
			() => session.doc.getText('early').toJSON() === 'Svar. Min rettelse. Fra serveren',
			"the other client's edit"
		);
		await waitFor(() => session.saveState === 'saved', 'saved again');
		other.destroy();
	});

	it('that closed before the session came is dropped: the session opens its own', async () => {
		const documentId = fixture.documents.template;
		browserGlobals(fixture.users.facilitator.cookie);
		runScript(documentId);
		const kept = early()!;
		await waitFor(() => kept.hasSentStep1, 'the early socket open');
		kept.socket.close();
		await waitFor(() => kept.events.some((e) => e.type === 'close'), 'the early socket closed');

		const session = openSession(documentId);
		await session.connect();
		await waitFor(() => session.saveState === 'saved', 'the session to be saved');
		expect(created).toHaveLength(2);
	});

	it('for another document is left alone, and closed when nobody adopts it', () => {
		vi.useFakeTimers({ toFake: ['setTimeout'] });
		const closed: number[] = [];
		class Fake {
			readyState = 0;
			binaryType = 'blob';
			onopen = null;
			onmessage = null;
			onerror = null;
			onclose = null;
			constructor(readonly url: string) {}
			send() {}
			close() {
				closed.push(1);
			}
		}
		vi.stubGlobal('window', fakeWindow);
		vi.stubGlobal('location', { protocol: 'https:', host: 'formvaerk.example' });
		vi.stubGlobal('WebSocket', Fake);
		runScript('abcdefgh12345678');
		expect(early()!.url).toBe('wss://formvaerk.example/collab/abcdefgh12345678');
		expect(early()!.socket.binaryType).toBe('arraybuffer');
		expect(adoptEarlySocket('wss://formvaerk.example/collab/anotherdoc123')).toBeNull();
		expect(early()).toBeDefined();
		vi.advanceTimersByTime(EARLY_SOCKET_TTL_MS);
		expect(early()).toBeUndefined();
		expect(closed).toEqual([1]);
	});

	it('goes only into a page whose load named its document, with the page nonce', () => {
		const html = '<head><script nonce="abc" data-early-socket></script></head>';
		expect(withEarlySocket(html, undefined)).toBe('<head></head>');
		const page = withEarlySocket(html, 'abcdefgh12345678');
		expect(page).toMatch(/^<head><script nonce="abc">\(function\(\)\{.*<\/script><\/head>$/);
		expect(page).toContain("'/collab/abcdefgh12345678'");
		expect(() => earlySocketScript('"</script><script>alert(1)')).toThrow();
	});
});
