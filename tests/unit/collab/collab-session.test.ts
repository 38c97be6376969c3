/**
 * CollabSession against the real collaboration server (in process, SQLite store, port 0) with
 * `ws` sockets carrying real session cookies, and the offline cache on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CollabSession, type CollabSessionOptions } from '#lib/collab/collab-session.svelte.ts';
import { presenceColor } from '#lib/domain/presence-color.ts';
import { changePhase } from '#lib/server/workshops/workshops.ts';
import { closeLocalDbs } from '#lib/db/local-db.ts';
import { isDiscardOffered } from '#lib/collab/local-reset.ts';
import * as Y from 'yjs';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, socketWithCookie, waitFor } from '../../support/collab-client.ts';

/** Small enough to overflow in a test, large enough for every other test's text. */
const MAX_DOCUMENT_BYTES = 64 * 1024;

let fixture: CollabFixture;
let sessions: CollabSession[] = [];

beforeAll(async () => {
	fixture = await startCollabFixture({ room: { maxDocumentBytes: MAX_DOCUMENT_BYTES } });
});
afterEach(async () => {
	await Promise.all(sessions.map((s) => s.destroy()));
	sessions = [];
	closeLocalDbs();
});
afterAll(async () => {
	await fixture.close();
});

type Person = keyof CollabFixture['users'];

/** A session as the document page creates it, but with a cookie-carrying `ws` socket. */
function open(
	person: Person,
	documentId: string,
	options: Partial<CollabSessionOptions> = {}
): CollabSession {
	const user = fixture.users[person];
	const session = new CollabSession({
		documentId,
		user: { id: user.id, name: user.name },
		canWrite: person !== 'staff',
		serverUrl: `${fixture.wsBase}/collab`,
		// y-websocket types the option as the DOM WebSocket; ws's class is API-compatible.
		WebSocketPolyfill: socketWithCookie(user.cookie) as unknown as typeof WebSocket,
		disableBc: true,
		isOfflineCacheEnabled: false,
		...options
	});
	sessions.push(session);
	return session;
}

async function connected(...list: CollabSession[]): Promise<void> {
	await Promise.all(list.map((s) => s.connect()));
	await waitFor(
		() => list.every((s) => s.status === 'connected' && s.isSynced),
		'sessions to be connected and saved'
	);
}

/**
 * The session has stopped for good: it stays closed, and no socket of it reaches the server,
 * for longer than the first two reconnect delays (250-500 ms, then 500-1000 ms).
 */
async function staysClosed(session: CollabSession): Promise<void> {
	// The client may see the close frame before the server has finished closing its end of the
	// refused socket; that one must go first (a reconnect would bring the count back up below).
	await waitFor(
		() => fixture.collab.stats().connections === 0,
		'the refused socket to close',
		1000
	);
	const until = Date.now() + 2000;
	while (Date.now() < until) {
		expect(session.status).toBe('closed');
		expect(fixture.collab.stats().connections).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** After discarding, a fresh session (a page reload) holds exactly what the server stored. */
async function expectServerStateOnly(person: Person, documentId: string): Promise<void> {
	const fresh = open(person, documentId, { isOfflineCacheEnabled: true });
	await fresh.whenLoaded;
	expect(fresh.doc.getText('big').length).toBe(0);
	await connected(fresh);
	const server = connectClient(fixture.wsBase, documentId, fixture.users.facilitator.cookie);
	await server.synced;
	expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(server.doc));
	server.destroy();
}

describe('CollabSession', () => {
	it('two sessions converge, see each other as the server names them, and report saved', async () => {
		const frida = open('facilitator', fixture.documents.drejebog);
		const jonas = open('member', fixture.documents.drejebog);
		await connected(frida, jonas);
		expect(frida.status).toBe('connected');

		frida.doc.getText('t').insert(0, 'Hej fra Frida. ');
		expect(frida.isSynced).toBe(false);
		expect(frida.saveState).toBe('saving');
		jonas.doc.getText('t').insert(0, 'Hej fra Jonas. ');
		await waitFor(
			() => frida.doc.getText('t').length === 30 && jonas.doc.getText('t').length === 30,
			'both edits everywhere'
		);
		await waitFor(() => frida.isSynced && jonas.isSynced, 'both saved');
		expect(frida.doc.getText('t').toJSON()).toBe(jonas.doc.getText('t').toJSON());

		await waitFor(() => frida.peers.length === 2, 'presence');
		expect(frida.peers).toEqual([
			expect.objectContaining({
				name: 'Frida Facilitator',
				isSelf: true,
				color: presenceColor(fixture.users.facilitator.id)
			}),
			expect.objectContaining({
				name: 'Jonas Jobkonsulent',
				isSelf: false,
				userId: fixture.users.member.id,
				color: presenceColor(fixture.users.member.id)
			})
		]);
		await jonas.destroy();
		await waitFor(() => frida.peers.length === 1, 'Jonas to leave the presence list');
	});

	it('"saved" means stored: the edit survives a server restart, and the session reconnects', async () => {
		const frida = open('facilitator', fixture.documents.template);
		await connected(frida);
		frida.doc.getText('t').insert(0, 'Gemt på serveren');
		await waitFor(() => frida.isSynced, 'saved');

		await fixture.restartCollab();
		await waitFor(() => frida.status === 'offline', 'the session to notice the restart');
		const fresh = connectClient(
			fixture.wsBase,
			fixture.documents.template,
			fixture.users.member.cookie
		);
		await fresh.synced;
		expect(fresh.doc.getText('t').toJSON()).toBe('Gemt på serveren');
		fresh.destroy();
		await waitFor(() => frida.saveState === 'saved', 'the session to reconnect', 10_000);
	});

	it('keeps offline edits in the cache through a "reload" and merges them when connected', async () => {
		const documentId = fixture.documents.drejebog;
		const frida = open('facilitator', documentId);
		await connected(frida);
		const offline = open('member', documentId, { isOfflineCacheEnabled: true });
		await offline.whenLoaded;
		// Never connected: these edits exist only in this "tab" and its IndexedDB cache.
		offline.doc.getText('offline').insert(0, 'Skrevet uden net');
		expect(offline.saveState).toBe('connecting');
		await offline.destroy();
		closeLocalDbs();

		const reloaded = open('member', documentId, { isOfflineCacheEnabled: true });
		await reloaded.whenLoaded;
		expect(reloaded.doc.getText('offline').toJSON()).toBe('Skrevet uden net');
		await reloaded.connect();
		await waitFor(() => reloaded.isSynced, 'the cached edits to be stored');
		await waitFor(
			() => frida.doc.getText('offline').toJSON() === 'Skrevet uden net',
			'the other person to see them'
		);
	});

	it('a reader is read-only as the server treats it, even when the page data says otherwise', async () => {
		// Stale page data (rights changed since the page loaded): the server decides.
		const mads = open('staff', fixture.documents.drejebog, { canWrite: true });
		expect(mads.isReadOnly).toBe(false);
		await connected(mads);
		expect(mads.isReadOnly).toBe(true);
		expect(mads.saveState).toBe('readOnly');
		const frida = open('facilitator', fixture.documents.drejebog, { canWrite: false });
		await connected(frida);
		expect(frida.isReadOnly).toBe(false);
	});

	it('a refused oversized edit is explained and not retried forever', async () => {
		const frida = open('facilitator', fixture.documents.template);
		await connected(frida);
		frida.doc.getText('big').insert(0, 'x'.repeat(MAX_DOCUMENT_BYTES + 1024));
		await waitFor(() => frida.lastError === 'documentTooLarge', 'the explanation');
		expect(frida.status).toBe('closed');
		expect(frida.isSynced).toBe(false);
	});

	it('a document at its maximum size: after a reload the cached edit is refused once, not in a loop, and can be discarded', async () => {
		const documentId = fixture.documents.template;
		const first = open('facilitator', documentId, { isOfflineCacheEnabled: true });
		await connected(first);
		first.doc.getText('big').insert(0, 'x'.repeat(MAX_DOCUMENT_BYTES + 1024));
		await waitFor(() => first.lastError === 'documentTooLarge', 'the explanation');
		await first.destroy();
		closeLocalDbs();

		// A reload: the cache still holds the refused edit, and the session sends it again.
		let startedOver = 0;
		const reloaded = open('facilitator', documentId, {
			isOfflineCacheEnabled: true,
			onLocalChangesDiscarded: () => startedOver++
		});
		await reloaded.whenLoaded;
		expect(reloaded.doc.getText('big').length).toBe(MAX_DOCUMENT_BYTES + 1024);
		await reloaded.connect();
		await waitFor(() => reloaded.lastError === 'documentTooLarge', 'the explanation again');
		await staysClosed(reloaded);
		expect(isDiscardOffered(reloaded.lastError)).toBe(true);

		await reloaded.discardLocalChanges();
		expect(startedOver).toBe(1);
		closeLocalDbs();
		await expectServerStateOnly('facilitator', documentId);
	});

	it('changes over the frame limit (a long offline session) stop the reconnects and can be discarded', async () => {
		const documentId = fixture.documents.drejebog;
		const offline = open('member2', documentId, {
			isOfflineCacheEnabled: true,
			onLocalChangesDiscarded: () => undefined
		});
		await offline.whenLoaded;
		// Written while offline: more than the 2 MiB frame limit, so ws itself closes with 1009.
		offline.doc.getText('big').insert(0, 'x'.repeat(2 * 1024 * 1024 + 1024));
		await offline.connect();
		await waitFor(() => offline.lastError === 'updateTooLarge', 'the explanation');
		await staysClosed(offline);
		expect(isDiscardOffered(offline.lastError)).toBe(true);

		await offline.discardLocalChanges();
		closeLocalDbs();
		await expectServerStateOnly('member2', documentId);
	});

	it('a change of rights closes the socket; the session reloads rights and reconnects', async () => {
		const jonas = open('member', fixture.documents.template, {
			onAccessChanged: () => accessChanges++
		});
		let accessChanges = 0;
		await connected(jonas);
		// Dag 2 locks the template for the work group: the server closes with "access changed".
		changePhase(fixture.users.facilitator.actor(), fixture.workshopId, 'drejebog');
		await waitFor(() => accessChanges === 1, 'onAccessChanged');
		await waitFor(() => jonas.isReadOnly, 'the reconnect under the new rights');
		expect(jonas.status).toBe('connected');
		expect(jonas.saveState).toBe('readOnly');
		changePhase(fixture.users.facilitator.actor(), fixture.workshopId, 'format');
	});
});
