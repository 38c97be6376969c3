/**
 * The room's lock pipeline on its own (memory store, both room cores), where the timing that a
 * socket test cannot pin down is under control: updates submitted in one tick are still waiting
 * for their commit when the next one is checked.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromStored } from '../../support/stored-doc.ts';
import { Room, type RoomMember } from '../../../server/collab/room.ts';
import { MemoryDocStore } from '../../../server/collab/memory-store.ts';
import { CollabMetrics } from '../../../server/collab/metrics.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import { log } from '#lib/server/platform/log.ts';
import {
	bindTemplate,
	readTemplate,
	type TemplateHandle
} from '#lib/collab/template/template-binding.ts';
import type { LockTarget } from '#lib/domain/template/locks.ts';
import { docFromStarter } from '../../support/template-docs.ts';
import { applyServerFrames } from '../../support/collab-frames.ts';

const DOC = 'room-locks-doc';

type TestMember = RoomMember & { closedWith: number | null; received: Uint8Array[] };

function member(id: string, canBypassLocks = false): TestMember {
	const m: TestMember = {
		user: { id, name: id },
		awarenessIds: new Set(),
		canBypassLocks,
		closedWith: null,
		received: [],
		send: (message) => m.received.push(message),
		fail: (code) => (m.closedWith ??= code)
	};
	return m;
}

async function roomWithTemplate(workerCoreBytes: number) {
	const store = new MemoryDocStore();
	const seed = docFromStarter('detail', 1);
	await store.append(DOC, Y.encodeStateAsUpdate(seed), { userId: 'seed' });
	let locks: LockTarget[] = [];
	const room = await Room.load(DOC, {
		store,
		log: log.child({}, { level: 'silent' }),
		metrics: new CollabMetrics(),
		lockedTargets: () => locks,
		limits: {
			maxDocumentBytes: 16 * 1024 * 1024,
			compactAfterUpdates: 1000,
			compactAfterBytes: 4 * 1024 * 1024,
			maxAwarenessClients: 100,
			workerCoreBytes
		}
	});
	/** The stored template (snapshot + log), as the next load would see it. */
	async function stored() {
		return readTemplate(docFromStored(await store.load(DOC)));
	}
	return { room, seed, stored, setLocks: (next: LockTarget[]) => (locks = next) };
}

/** The update `edit` makes on `doc` (which keeps it, as the sending client would). */
function updateOf(doc: Y.Doc, edit: (ops: TemplateHandle) => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	edit(bindTemplate(doc, 'client'));
	return Y.encodeStateAsUpdate(doc, before);
}

describe.each([
	['in this thread', Number.MAX_SAFE_INTEGER],
	['in a worker thread', 1]
])('room lock checks, core %s', (_, workerCoreBytes) => {
	it('checks an update against earlier ones that wait for their commit (pending, not applied)', async () => {
		const { room, seed, stored, setLocks } = await roomWithTemplate(workerCoreBytes);
		const [locked, open] = readTemplate(seed).areas;
		const sender = member('jonas');
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(seed));
		let statementId = '';
		// A (no lock yet, so not checked): a new statement in the open area.
		const a = updateOf(client, (ops) => {
			statementId = ops.addStatement({ areaId: open.id, text: 'Helt nyt udsagn' });
		});
		expect(room.submitUpdate(a, sender)).toBe('accepted');
		// Now the area is locked; B moves A's statement into it, in the same tick: A is stored
		// but not applied yet, so only the pending list lets the check see what B does.
		setLocks([{ kind: 'area', targetId: locked.id }]);
		const b = updateOf(client, (ops) =>
			ops.moveStatement({ statementId, toAreaId: locked.id, toIndex: 0 })
		);
		room.submitUpdate(b, sender);
		await room.whenIdle();
		expect(sender.closedWith).toBe(CLOSE_CODES.lockedPart);
		const template = await stored();
		expect(template.areas[1].statements.map((s) => s.id)).toContain(statementId);
		expect(template.areas[0].statements.map((s) => s.id)).not.toContain(statementId);
		await room.unload();
	});

	it('stores and broadcasts the facilitator update between checked member updates, never the refused one', async () => {
		const { room, seed, stored, setLocks } = await roomWithTemplate(workerCoreBytes);
		const [locked, open] = readTemplate(seed).areas;
		setLocks([{ kind: 'area', targetId: locked.id }]);
		const jonas = member('jonas');
		const frida = member('frida', true);
		room.addMember(frida);
		const jonasDoc = new Y.Doc();
		Y.applyUpdate(jonasDoc, Y.encodeStateAsUpdate(seed));
		const fridaDoc = new Y.Doc();
		Y.applyUpdate(fridaDoc, Y.encodeStateAsUpdate(seed));
		room.submitUpdate(
			updateOf(jonasDoc, (ops) => ops.renameArea({ areaId: open.id, label: 'Jonas' })),
			jonas
		);
		room.submitUpdate(
			updateOf(fridaDoc, (ops) => ops.renameArea({ areaId: locked.id, label: 'Frida' })),
			frida
		);
		room.submitUpdate(
			updateOf(jonasDoc, (ops) => ops.addStatement({ areaId: locked.id, text: 'Ikke Jonas' })),
			jonas
		);
		await room.whenIdle();
		expect(frida.closedWith).toBeNull();
		expect(jonas.closedWith).toBe(CLOSE_CODES.lockedPart);
		const template = await stored();
		expect(template.areas.map((a) => a.label).slice(0, 2)).toEqual(['Frida', 'Jonas']);
		// What was broadcast, applied to the seed: Jonas's first update and Frida's, not the refused one.
		const seen = new Y.Doc();
		Y.applyUpdate(seen, Y.encodeStateAsUpdate(seed));
		applyServerFrames(seen, frida.received);
		expect(
			readTemplate(seen)
				.areas.map((a) => a.label)
				.slice(0, 2)
		).toEqual(['Frida', 'Jonas']);
		await room.unload();
	});
});
