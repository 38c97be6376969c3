/**
 * Locks on a drejebog in the room's pipeline (memory store, both room cores): the room reads its
 * document's kind and checks locked stages and rule sections on the drejebog's reading. A
 * member's update to a locked stage (a step's title, a step moved into it) or to a locked "CV og
 * Min Plan" is refused with 4423 and never stored; an edit of an unlocked stage is stored; the
 * facilitator (who may bypass locks) edits the locked stage.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromStored } from '../../support/stored-doc.ts';
import { drejebogDoc } from '../../support/drejebog-docs.ts';
import { Room, type RoomMember } from '../../../server/collab/room.ts';
import { MemoryDocStore } from '../../../server/collab/memory-store.ts';
import { CollabMetrics } from '../../../server/collab/metrics.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import { log } from '#lib/server/platform/log.ts';
import {
	bindDrejebog,
	readDrejebog,
	type BoundDrejebogOperations
} from '#lib/collab/drejebog/drejebog-binding.ts';
import { resolveDrejebogText } from '#lib/collab/drejebog/drejebog-binding.ts';
import type { LockTarget } from '#lib/domain/template/locks.ts';
import type { DocumentKind } from '#lib/domain/workshop.ts';

const DOC = 'drejebog-locks-doc';

type TestMember = RoomMember & { closedWith: number | null };

function member(id: string, canBypassLocks = false): TestMember {
	const m: TestMember = {
		user: { id, name: id },
		awarenessIds: new Set(),
		canBypassLocks,
		closedWith: null,
		send: () => {},
		fail: (code) => (m.closedWith ??= code)
	};
	return m;
}

async function roomWithDrejebog(workerCoreBytes: number, kind: DocumentKind | null = 'drejebog') {
	const store = new MemoryDocStore();
	const seed = drejebogDoc();
	await store.append(DOC, Y.encodeStateAsUpdate(seed), { userId: 'seed' });
	let locks: LockTarget[] = [];
	const room = await Room.load(DOC, {
		store,
		log: log.child({}, { level: 'silent' }),
		metrics: new CollabMetrics(),
		lockedTargets: () => locks,
		documentKind: () => kind,
		limits: {
			maxDocumentBytes: 16 * 1024 * 1024,
			compactAfterUpdates: 1000,
			compactAfterBytes: 4 * 1024 * 1024,
			maxAwarenessClients: 100,
			workerCoreBytes
		}
	});
	const stored = async () => readDrejebog(docFromStored(await store.load(DOC)));
	return { room, seed, stored, setLocks: (next: LockTarget[]) => (locks = next) };
}

/** A client's copy of `seed` and the update `edit` makes on it. */
function clientOf(seed: Y.Doc) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed));
	return {
		doc,
		update(edit: (ops: BoundDrejebogOperations, doc: Y.Doc) => void): Uint8Array {
			const before = Y.encodeStateVector(doc);
			edit(bindDrejebog(doc, 'client'), doc);
			return Y.encodeStateAsUpdate(doc, before);
		}
	};
}

/** Types `text` at the end of a step's title, as the text binding does. */
function typeTitle(doc: Y.Doc, stepId: string, text: string): void {
	const slot = resolveDrejebogText(doc, { field: 'stepTitle', stepId });
	const title = slot?.map.get(slot.key);
	if (!(title instanceof Y.Text)) throw new Error('no title to type in');
	doc.transact(() => title.insert(title.length, text), 'client');
}

describe.each([
	['in this thread', Number.MAX_SAFE_INTEGER],
	['in a worker thread', 1]
])('drejebog lock checks, core %s', (_, workerCoreBytes) => {
	it('refuses a member’s edit of a locked stage and stores one of an open stage', async () => {
		const { room, seed, stored, setLocks } = await roomWithDrejebog(workerCoreBytes);
		const [open, locked] = readDrejebog(seed).stages;
		setLocks([{ kind: 'stage', targetId: locked.id }]);

		const jonas = clientOf(seed);
		const allowed = member('jonas');
		room.submitUpdate(
			jonas.update((_ops, doc) => typeTitle(doc, open.steps[0].id, ' (aftalt)')),
			allowed
		);
		await room.whenIdle();
		expect(allowed.closedWith).toBeNull();
		expect((await stored()).stages[0].steps[0].title).toBe(`${open.steps[0].title} (aftalt)`);

		const signe = clientOf(seed);
		const refused = member('signe');
		room.submitUpdate(
			signe.update((_ops, doc) => typeTitle(doc, locked.steps[0].id, ' ændret')),
			refused
		);
		await room.whenIdle();
		expect(refused.closedWith).toBe(CLOSE_CODES.lockedPart);
		expect((await stored()).stages[1]).toEqual(locked);
		await room.unload();
	});

	it('refuses moving a step into a locked stage, and a change of locked CV og Min Plan', async () => {
		const { room, seed, stored, setLocks } = await roomWithDrejebog(workerCoreBytes);
		const [first, locked] = readDrejebog(seed).stages;
		setLocks([
			{ kind: 'stage', targetId: locked.id },
			{ kind: 'cvPlan', targetId: DOC }
		]);
		const mover = member('jonas');
		room.submitUpdate(
			clientOf(seed).update((ops) =>
				ops.moveStep({ stepId: first.steps[0].id, stageId: locked.id, toIndex: 0 })
			),
			mover
		);
		const planner = member('signe');
		room.submitUpdate(
			clientOf(seed).update((ops) => ops.setCvPlan({ minPlanIncludesNotRated: true })),
			planner
		);
		await room.whenIdle();
		expect(mover.closedWith).toBe(CLOSE_CODES.lockedPart);
		expect(planner.closedWith).toBe(CLOSE_CODES.lockedPart);
		expect(await stored()).toEqual(readDrejebog(seed));
		await room.unload();
	});

	it('lets the facilitator edit a locked stage', async () => {
		const { room, seed, stored, setLocks } = await roomWithDrejebog(workerCoreBytes);
		const locked = readDrejebog(seed).stages[1];
		setLocks([{ kind: 'stage', targetId: locked.id }]);
		const frida = member('frida', true);
		room.submitUpdate(
			clientOf(seed).update((_ops, doc) => typeTitle(doc, locked.steps[0].id, '!')),
			frida
		);
		await room.whenIdle();
		expect(frida.closedWith).toBeNull();
		expect((await stored()).stages[1].steps[0].title).toBe(`${locked.steps[0].title}!`);
		await room.unload();
	});
});

it('reads a room of unknown kind as a template, where a stage lock protects nothing', async () => {
	const { room, seed, stored, setLocks } = await roomWithDrejebog(Number.MAX_SAFE_INTEGER, null);
	const locked = readDrejebog(seed).stages[1];
	setLocks([{ kind: 'stage', targetId: locked.id }]);
	const jonas = member('jonas');
	room.submitUpdate(
		clientOf(seed).update((_ops, doc) => typeTitle(doc, locked.steps[0].id, '?')),
		jonas
	);
	await room.whenIdle();
	expect(jonas.closedWith).toBeNull();
	expect((await stored()).stages[1].steps[0].title).toBe(`${locked.steps[0].title}?`);
	await room.unload();
});
