/**
 * Locks enforced by the collaboration server on raw updates, with the room's document in this
 * thread and in a worker thread: a work-group member's update that changes a locked part is
 * neither stored nor broadcast and closes the socket with 4423; an update to an unlocked part is
 * stored and broadcast; the facilitator's updates are not checked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import {
	connectClient,
	rawSocket,
	waitFor,
	type RawSocket,
	type TestClient
} from '../../support/collab-client.ts';
import { updateFrame } from '../../support/collab-frames.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import {
	bindTemplate,
	readTemplate,
	type TemplateHandle
} from '#lib/collab/template/template-binding.ts';
import { loadDocument, loadTemplate } from '#lib/server/documents/documents-state.ts';
import { lockTarget, unlockTarget } from '#lib/server/run/locks.ts';
import type { LockTarget } from '#lib/domain/template/locks.ts';
import type { Template } from '#lib/domain/template/index.ts';

describe.each([
	['in this thread', {}],
	['in a worker thread', { workerCoreBytes: 1 }]
])('locks on raw updates, room core %s', (_, room) => {
	let fixture: CollabFixture;
	let clients: TestClient[] = [];
	let sockets: RawSocket[] = [];
	let template: Template;

	beforeAll(async () => {
		fixture = await startCollabFixture({ room });
		template = loadTemplate(fixture.documents.template);
	});
	afterEach(() => {
		for (const client of clients) client.destroy();
		for (const socket of sockets) socket.ws.terminate();
		clients = [];
		sockets = [];
		for (const lock of [
			{ kind: 'area', targetId: template.areas[0].id },
			{ kind: 'template', targetId: fixture.documents.template }
		] as const) {
			unlockTarget(fixture.users.facilitator.actor(), fixture.workshopId, docId(), lock);
		}
	});
	afterAll(async () => {
		await fixture.close();
	});

	const docId = () => fixture.documents.template;

	function lock(target: LockTarget): void {
		lockTarget(fixture.users.facilitator.actor(), fixture.workshopId, docId(), target);
	}

	/** An update made on a copy of the stored document by `edit` (with its own client id). */
	function updateFrom(edit: (ops: TemplateHandle, doc: Y.Doc) => void, base?: Y.Doc): Uint8Array {
		const doc = base ?? loadDocument(docId());
		const before = Y.encodeStateVector(doc);
		edit(bindTemplate(doc, 'raw'), doc);
		return Y.encodeStateAsUpdate(doc, before);
	}

	/** The frame a client sends for the update `edit` makes. */
	function frameFrom(edit: (ops: TemplateHandle) => void): Uint8Array {
		return updateFrame(updateFrom(edit));
	}

	async function openSocket(user: keyof CollabFixture['users']): Promise<RawSocket> {
		const socket = rawSocket(fixture.wsBase, docId(), fixture.users[user].cookie);
		sockets.push(socket);
		await socket.opened;
		return socket;
	}

	async function observer(): Promise<TestClient> {
		const client = connectClient(fixture.wsBase, docId(), fixture.users.member2.cookie, {
			shouldReconnect: false
		});
		clients.push(client);
		await client.synced;
		return client;
	}

	it('refuses a member update to a locked area: not stored, not broadcast, socket closed 4423', async () => {
		const area = template.areas[0];
		lock({ kind: 'area', targetId: area.id });
		const watcher = await observer();
		const member = await openSocket('member');
		member.ws.send(
			frameFrom((ops) => ops.renameArea({ areaId: area.id, label: 'Ændret trods lås' }))
		);
		expect(await member.closed).toEqual({ code: CLOSE_CODES.lockedPart });

		// A later, allowed update reaches the watcher; the refused one, sent earlier, never did.
		const facilitator = await openSocket('facilitator');
		facilitator.ws.send(frameFrom((ops) => ops.renameTemplate({ title: 'Efter afvisningen' })));
		await waitFor(() => readTemplate(watcher.doc).title === 'Efter afvisningen', 'later update');
		expect(readTemplate(watcher.doc).areas[0].label).toBe(area.label);
		expect(loadTemplate(docId()).areas[0].label).toBe(area.label);
		expect(loadTemplate(docId()).title).toBe('Efter afvisningen');
	});

	it('stores and broadcasts a member update to an unlocked part while another part is locked', async () => {
		const [locked, open] = template.areas;
		lock({ kind: 'area', targetId: locked.id });
		const watcher = await observer();
		const member = await openSocket('member');
		member.ws.send(frameFrom((ops) => ops.renameArea({ areaId: open.id, label: 'Nyt navn' })));
		await waitFor(() => readTemplate(watcher.doc).areas[1].label === 'Nyt navn', 'broadcast');
		expect(loadTemplate(docId()).areas[1].label).toBe('Nyt navn');
		expect(member.ws.readyState).toBe(member.ws.OPEN);
	});

	it('does not check the facilitator, even under a template lock', async () => {
		lock({ kind: 'template', targetId: docId() });
		const watcher = await observer();
		const facilitator = await openSocket('facilitator');
		facilitator.ws.send(
			frameFrom((ops) => ops.renameArea({ areaId: template.areas[0].id, label: 'Facilitator' }))
		);
		await waitFor(() => readTemplate(watcher.doc).areas[0].label === 'Facilitator', 'broadcast');
		expect(loadTemplate(docId()).areas[0].label).toBe('Facilitator');
		const member = await openSocket('member');
		member.ws.send(frameFrom((ops) => ops.addRater({ label: 'Mentor' })));
		expect(await member.closed).toEqual({ code: CLOSE_CODES.lockedPart });
		expect(loadTemplate(docId()).raters.map((r) => r.label)).not.toContain('Mentor');
	});

	it('checks an update against updates accepted just before it but not yet applied', async () => {
		const [locked, open] = loadTemplate(docId()).areas;
		lock({ kind: 'area', targetId: locked.id });
		const base = loadDocument(docId());
		let statementId = '';
		// A: a new statement in the open area (allowed). B builds on A: it moves that statement
		// into the locked area. Sent back to back, B is checked while A still waits for its commit.
		const a = updateFrom((ops) => {
			statementId = ops.addStatement({ areaId: open.id, text: 'Helt nyt udsagn' });
		}, base);
		const b = updateFrom(
			(ops) => ops.moveStatement({ statementId, toAreaId: locked.id, toIndex: 0 }),
			base
		);
		const member = await openSocket('member');
		member.ws.send(updateFrame(a));
		member.ws.send(updateFrame(b));
		expect(await member.closed).toEqual({ code: CLOSE_CODES.lockedPart });
		const stored = loadTemplate(docId());
		expect(stored.areas[0].statements.map((s) => s.id)).not.toContain(statementId);
		expect(stored.areas[1].statements.map((s) => s.id)).toContain(statementId);
	});

	it('lets a member edit again once the part is unlocked', async () => {
		const area = loadTemplate(docId()).areas[0];
		lock({ kind: 'area', targetId: area.id });
		unlockTarget(fixture.users.facilitator.actor(), fixture.workshopId, docId(), {
			kind: 'area',
			targetId: area.id
		});
		const watcher = await observer();
		const member = await openSocket('member');
		member.ws.send(frameFrom((ops) => ops.renameArea({ areaId: area.id, label: 'Låst op' })));
		await waitFor(() => readTemplate(watcher.doc).areas[0].label === 'Låst op', 'broadcast');
	});
});
