/**
 * CollabSession's start (npm run bench:page): the socket opens while the offline cache is still
 * loading, the cache's edits still reach the server when they come in after the server's sync,
 * nothing is "saved" before they are in, and a lone edit is "saved" as soon as its echo is back.
 * The cache load is held back by a gate around doc-cache's `loadCachedDoc` (a slow IndexedDB).
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CollabSession, SAVED_CHECK_INTERVAL_MS } from '#lib/collab/collab-session.svelte.ts';
import { closeLocalDbs, localDb } from '#lib/db/local-db.ts';
import { docsWithUnsyncedChanges } from '#lib/db/doc-cache.ts';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, socketWithCookie, waitFor } from '../../support/collab-client.ts';

const gate = vi.hoisted(() => ({ isOpen: true, waiting: [] as (() => void)[] }));

vi.mock('#lib/db/doc-cache.ts', async (importOriginal) => {
	const original = await importOriginal<typeof import('#lib/db/doc-cache.ts')>();
	return {
		...original,
		loadCachedDoc: async (...args: Parameters<typeof original.loadCachedDoc>) => {
			if (!gate.isOpen) await new Promise<void>((resolve) => gate.waiting.push(resolve));
			return original.loadCachedDoc(...args);
		}
	};
});

function openGate(): void {
	gate.isOpen = true;
	for (const resolve of gate.waiting.splice(0)) resolve();
}

let fixture: CollabFixture;
let sessions: CollabSession[] = [];

beforeAll(async () => {
	fixture = await startCollabFixture();
});
afterEach(async () => {
	openGate();
	await Promise.all(sessions.map((s) => s.destroy()));
	sessions = [];
	closeLocalDbs();
	vi.restoreAllMocks();
});
afterAll(async () => {
	await fixture.close();
});

function open(person: 'facilitator' | 'member', documentId: string, isCached = true) {
	const user = fixture.users[person];
	const session = new CollabSession({
		documentId,
		user: { id: user.id, name: user.name },
		canWrite: true,
		serverUrl: `${fixture.wsBase}/collab`,
		WebSocketPolyfill: socketWithCookie(user.cookie) as unknown as typeof WebSocket,
		disableBc: true,
		isOfflineCacheEnabled: isCached
	});
	sessions.push(session);
	return session;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CollabSession start', () => {
	it('opens the socket while the cache loads; cached edits arriving after the sync are stored, and only then "saved"', async () => {
		const documentId = fixture.documents.drejebog;
		const offline = open('member', documentId);
		await offline.whenLoaded;
		offline.doc.getText('offline').insert(0, 'Skrevet uden net');
		await offline.destroy();
		closeLocalDbs();
		const frida = connectClient(fixture.wsBase, documentId, fixture.users.facilitator.cookie);
		await frida.synced;
		frida.doc.getText('server').insert(0, 'Fra serveren');

		gate.isOpen = false;
		const reloaded = open('member', documentId);
		const connecting = reloaded.connect();
		await waitFor(
			() =>
				reloaded.status === 'connected' &&
				reloaded.doc.getText('server').toJSON() === 'Fra serveren',
			"the server's copy while the cache is still loading"
		);
		expect(reloaded.isLoaded).toBe(false);
		// The edits in the cache are not in yet: nothing may count as stored.
		await sleep(3 * SAVED_CHECK_INTERVAL_MS);
		expect(reloaded.isSynced).toBe(false);
		expect(reloaded.saveState).toBe('saving');
		expect(await docsWithUnsyncedChanges(localDb(fixture.users.member.id))).toEqual([documentId]);

		openGate();
		await connecting;
		expect(reloaded.doc.getText('offline').toJSON()).toBe('Skrevet uden net');
		await waitFor(() => reloaded.isSynced, 'the cached edits to be stored');
		await waitFor(
			() => frida.doc.getText('offline').toJSON() === 'Skrevet uden net',
			'the other person to see them'
		);
		// The cache is told in a write started when "saved" was found.
		await reloaded.destroy();
		expect(await docsWithUnsyncedChanges(localDb(fixture.users.member.id))).toEqual([]);
		frida.destroy();
	});

	it('a lone edit is "saved" when its echo arrives, without waiting for the next check', async () => {
		const frida = open('facilitator', fixture.documents.template, false);
		await frida.connect();
		await waitFor(() => frida.isSynced, 'connected and saved');
		await sleep(2 * SAVED_CHECK_INTERVAL_MS);
		const timeout = vi.spyOn(globalThis, 'setTimeout');
		frida.doc.getText('lone').insert(0, 'Én rettelse');
		expect(frida.isSynced).toBe(false);
		// Polled without timers, so the only timers are those of the session and the server.
		while (!frida.isSynced) await new Promise((resolve) => setImmediate(resolve));
		const delays = timeout.mock.calls.map(([, delay]) => delay ?? 0);
		expect(delays.filter((delay) => delay > 0 && delay <= SAVED_CHECK_INTERVAL_MS)).toEqual([]);
	});
});
