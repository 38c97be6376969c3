/**
 * A refused edit to a locked part, end to end in the client: the real collaboration server (in
 * process) closes the member's CollabSession with 4423, the session stops reconnecting, and
 * LockedPartRecovery throws away the session and its offline cache (fake-indexeddb), so a new
 * session, built the way the document page does it, shows the locked content as the server has it.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CollabSession } from '#lib/collab/collab-session.svelte.ts';
import { closeReaction } from '#lib/collab/close-codes.ts';
import { CLOSE_CODES, isPermanentClose } from '#lib/domain/collab-close-codes.ts';
import { LockedPartRecovery } from '#lib/collab/locked-part-recovery.svelte.ts';
import { bindTemplate, readTemplate } from '#lib/collab/template/template-binding.ts';
import { closeLocalDbs, localDb } from '#lib/db/local-db.ts';
import { loadCachedDoc } from '#lib/db/doc-cache.ts';
import { loadTemplate } from '#lib/server/documents/documents-state.ts';
import { lockTarget } from '#lib/server/run/locks.ts';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { socketWithCookie, waitFor } from '../../support/collab-client.ts';

let fixture: CollabFixture;
let sessions: CollabSession[] = [];

beforeAll(async () => {
	fixture = await startCollabFixture();
});
afterEach(async () => {
	await Promise.all(sessions.map((s) => s.destroy()));
	sessions = [];
	closeLocalDbs();
});
afterAll(async () => {
	await fixture.close();
});

/** The member's session as the page creates it, with the offline cache on. */
function memberSession(onLockedPart?: (code: number) => void): CollabSession {
	const user = fixture.users.member;
	const session = new CollabSession({
		documentId: fixture.documents.template,
		user: { id: user.id, name: user.name },
		canWrite: true,
		serverUrl: `${fixture.wsBase}/collab`,
		WebSocketPolyfill: socketWithCookie(user.cookie) as unknown as typeof WebSocket,
		disableBc: true,
		isOfflineCacheEnabled: true,
		onLockedPart
	});
	sessions.push(session);
	return session;
}

describe('close codes 4423 and 4422', () => {
	it('are permanent (resending the same state would be refused again) and no access change', () => {
		for (const code of [CLOSE_CODES.lockedPart, CLOSE_CODES.brokenShape]) {
			expect(closeReaction(code)).toEqual({
				error: null,
				isAccessChange: false,
				isPermanent: true,
				isImmediate: false
			});
			expect(isPermanentClose(code)).toBe(true);
		}
	});
});

describe('LockedPartRecovery', () => {
	it('discards a refused edit and its offline copy, and a new session restores the locked text', async () => {
		const documentId = fixture.documents.template;
		const area = loadTemplate(documentId).areas[0];
		const recovery = new LockedPartRecovery();
		let refused = 0;
		const session: CollabSession = memberSession(() => {
			refused++;
			void recovery.recover(session);
		});
		await session.connect();
		await waitFor(() => session.isSynced, 'first session synced');
		lockTarget(fixture.users.facilitator.actor(), fixture.workshopId, documentId, {
			kind: 'area',
			targetId: area.id
		});

		// The editor would not offer this; a stale tab or a crafted client would.
		bindTemplate(session.doc, 'bypass').renameArea({ areaId: area.id, label: 'Ændret alligevel' });
		await waitFor(() => recovery.generation === 1, 'recovery after the refusal');
		expect(refused).toBe(1);
		expect(session.status).toBe('closed');
		expect(recovery.notice).toBe('locks.restored');
		const cached = await loadCachedDoc(localDb(fixture.users.member.id), documentId);
		expect(cached).toBeNull();
		expect(loadTemplate(documentId).areas[0].label).toBe(area.label);

		const fresh = memberSession();
		await fresh.connect();
		await waitFor(() => fresh.isSynced && !fresh.isReadOnly, 'fresh session synced');
		expect(readTemplate(fresh.doc).areas[0].label).toBe(area.label);
		// Nothing of the refused edit is left to resend: an allowed edit is stored normally.
		const open = readTemplate(fresh.doc).areas[1];
		bindTemplate(fresh.doc, 'ui').renameArea({ areaId: open.id, label: 'Tilladt ændring' });
		await waitFor(() => fresh.isSynced, 'allowed edit saved');
		expect(loadTemplate(documentId).areas[1].label).toBe('Tilladt ændring');
		expect(fresh.status).toBe('connected');
		recovery.dismiss();
		expect(recovery.notice).toBeNull();
	});

	it('discards an edit that broke the template’s shape (4422) and says why', async () => {
		const documentId = fixture.documents.template;
		const area = loadTemplate(documentId).areas[0];
		const recovery = new LockedPartRecovery();
		const codes: number[] = [];
		const session: CollabSession = memberSession((code) => {
			codes.push(code);
			void recovery.recover(session, code);
		});
		await session.connect();
		await waitFor(() => session.isSynced, 'first session synced');
		// A tab on other code: a number where the area's category (a word) belongs.
		const areaMap = session.doc.getMap('template.areas').get(area.id) as Y.Map<unknown>;
		areaMap.set('category', 7);
		await waitFor(() => recovery.generation === 1, 'recovery after the refusal');
		expect(codes).toEqual([CLOSE_CODES.brokenShape]);
		expect(recovery.notice).toBe('templateShape.refused');
		expect(await loadCachedDoc(localDb(fixture.users.member.id), documentId)).toBeNull();
		const fresh = memberSession();
		await fresh.connect();
		await waitFor(() => fresh.isSynced, 'fresh session synced');
		expect(readTemplate(fresh.doc).areas[0].category).toBe(area.category);
	});
});
