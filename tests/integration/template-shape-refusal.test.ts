/**
 * The real built server refuses raw updates that would break the template's shape, from anyone
 * (the facilitator too): a wrong value type, a wrong Yjs type at a known key, an item without an
 * id. Such an update is neither stored nor broadcast, and the socket is closed with 4422; an
 * update with a mere content problem (an empty area name while typing) is stored and broadcast.
 * Locks on the new parts hold the same way: with the rating plan or the goals locked, a member's
 * update to them is closed with 4423, while the rest of the template stays open.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import {
	connectClient,
	loginCookie,
	rawSocket,
	waitFor,
	type RawSocket,
	type TestClient
} from '../support/collab-client.ts';
import { updateFrame } from '../support/collab-frames.ts';
import { listDocuments, readStoredDocument } from '../support/collab-server.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import {
	bindTemplate,
	readTemplate,
	TEMPLATE_ROOTS,
	type TemplateHandle
} from '#lib/collab/template/template-binding.ts';
import type { LockTarget } from '#lib/domain/template/locks.ts';

let server: TestServer;
let facilitator: ApiClient;
let workshopId: string;
let templateId: string;
let cookies: { facilitator: string; member: string; member2: string };
const clients: TestClient[] = [];
const sockets: RawSocket[] = [];

beforeAll(async () => {
	server = await startServer();
	const cookie = (role: string, index = 0) => {
		const { email, password } = server.logins[role][index];
		return loginCookie(server.url, email, password);
	};
	cookies = {
		facilitator: await cookie('facilitator'),
		member: await cookie('arbejdsgruppe'),
		member2: await cookie('arbejdsgruppe', 1)
	};
	facilitator = new ApiClient(server.url);
	const login = server.logins.facilitator[0];
	expect((await facilitator.login(login.email, login.password)).status).toBe(200);
	const template = listDocuments(server.dataDir).find((d) => d.kind === 'template')!;
	templateId = template.id;
	workshopId = template.workshopId;
});
afterEach(async () => {
	for (const lock of [
		{ kind: 'ratingPlan', targetId: templateId },
		{ kind: 'goals', targetId: templateId }
	] as const) {
		await setLock('DELETE', lock);
	}
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	for (const socket of sockets) socket.ws.terminate();
	await server?.stop();
});

const wsBase = () => server.url.replace('http', 'ws');

function setLock(method: 'PUT' | 'DELETE', target: LockTarget) {
	const url = `/api/v1/workshops/${workshopId}/documents/${templateId}/locks`;
	return facilitator.request(method, `${url}/${target.kind}/${target.targetId}`);
}

function stored(): Y.Doc {
	return readStoredDocument(server.dataDir, templateId);
}

/** A raw update frame: `edit` applied to a copy of the stored document. */
function frameFrom(edit: (doc: Y.Doc, ops: TemplateHandle) => void): Uint8Array {
	const doc = stored();
	const before = Y.encodeStateVector(doc);
	edit(doc, bindTemplate(doc, 'raw'));
	return updateFrame(Y.encodeStateAsUpdate(doc, before));
}

async function openSocket(cookie: string): Promise<RawSocket> {
	const socket = rawSocket(wsBase(), templateId, cookie);
	sockets.push(socket);
	await socket.opened;
	return socket;
}

async function watcher(): Promise<TestClient> {
	const client = connectClient(wsBase(), templateId, cookies.member2);
	clients.push(client);
	await client.synced;
	return client;
}

const itemMap = (doc: Y.Doc, root: keyof typeof TEMPLATE_ROOTS, id: string) =>
	doc.getMap(TEMPLATE_ROOTS[root]).get(id) as Y.Map<unknown>;

describe('updates that break the shape', () => {
	it('are refused from a member and from the facilitator: closed 4422, not stored, not broadcast', async () => {
		const t = readTemplate(stored());
		const area = t.areas[0];
		const watching = await watcher();
		const broken: [string, (doc: Y.Doc) => void][] = [
			['member', (doc) => itemMap(doc, 'areas', area.id).set('category', 5)],
			[
				'facilitator',
				(doc) => itemMap(doc, 'statements', area.statements[0].id).set('kind', new Y.Text('formal'))
			],
			['member', (doc) => doc.getMap(TEMPLATE_ROOTS.raters).set('ikke et id!', new Y.Map())],
			[
				'facilitator',
				(doc) => itemMap(doc, 'statements', area.statements[0].id).set('cvPhrase', 17)
			]
		];
		for (const [who, edit] of broken) {
			const socket = await openSocket(who === 'member' ? cookies.member : cookies.facilitator);
			socket.ws.send(frameFrom(edit));
			expect(await socket.closed).toEqual({ code: CLOSE_CODES.brokenShape });
		}
		// A later good update arrives; none of the refused ones did, or was stored.
		const later = await openSocket(cookies.facilitator);
		later.ws.send(frameFrom((_doc, ops) => ops.renameTemplate({ title: 'Efter de afviste' })));
		await waitFor(() => readTemplate(watching.doc).title === 'Efter de afviste', 'later update');
		for (const doc of [watching.doc, stored()]) {
			expect(itemMap(doc, 'areas', area.id).get('category')).toBe(area.category);
			expect(doc.getMap(TEMPLATE_ROOTS.raters).has('ikke et id!')).toBe(false);
			expect(readTemplate(doc).areas[0].statements[0]).toEqual(area.statements[0]);
		}
	});

	it('lets a content problem through: an empty area name while someone types', async () => {
		const area = readTemplate(stored()).areas[1];
		const watching = await watcher();
		const socket = await openSocket(cookies.member);
		socket.ws.send(
			frameFrom((doc) => {
				const label = itemMap(doc, 'areas', area.id).get('label') as Y.Text;
				label.delete(0, label.length);
			})
		);
		await waitFor(() => readTemplate(watching.doc).areas[1].label === '', 'the empty name');
		expect(readTemplate(stored()).areas[1].label).toBe('');
		expect(socket.ws.readyState).toBe(socket.ws.OPEN);
		socket.ws.send(
			frameFrom((_doc, ops) => ops.renameArea({ areaId: area.id, label: area.label }))
		);
		await waitFor(() => readTemplate(watching.doc).areas[1].label === area.label, 'name back');
	});
});

describe('locks on the rating plan and the goals', () => {
	it('refuse a member’s change to the locked part (4423), not to the rest', async () => {
		const t = readTemplate(stored());
		const cell = {
			measurementPointId: t.measurementPoints[0].id,
			raterId: t.raters[2].id,
			areaId: t.areas[0].id,
			rates: true
		};
		expect((await setLock('PUT', { kind: 'ratingPlan', targetId: templateId })).status).toBe(200);
		expect((await setLock('PUT', { kind: 'goals', targetId: templateId })).status).toBe(200);
		const edits: ((ops: TemplateHandle) => void)[] = [
			(ops) => ops.setRatingPlanCell(cell),
			(ops) => ops.addSubGoal({ text: 'Trods låsen' }),
			(ops) =>
				ops.setGoalPoint({
					measurementPointId: cell.measurementPointId,
					isFollowed: !t.goals.measurementPointIds.includes(cell.measurementPointId)
				})
		];
		for (const edit of edits) {
			const socket = await openSocket(cookies.member);
			socket.ws.send(frameFrom((_doc, ops) => edit(ops)));
			expect(await socket.closed).toEqual({ code: CLOSE_CODES.lockedPart });
		}
		const after = readTemplate(stored());
		expect(after.ratingPlan).toEqual(t.ratingPlan);
		expect(after.goals).toEqual(t.goals);

		// The rest stays open, and the facilitator may change the locked parts.
		const watching = await watcher();
		const member = await openSocket(cookies.member);
		member.ws.send(
			frameFrom((_doc, ops) => ops.setAreaCategory({ areaId: t.areas[0].id, category: 'other' }))
		);
		const frida = await openSocket(cookies.facilitator);
		frida.ws.send(frameFrom((_doc, ops) => ops.setRatingPlanCell(cell)));
		await waitFor(
			() =>
				readTemplate(watching.doc).areas[0].category === 'other' &&
				readTemplate(watching.doc).ratingPlan.some((e) => e.raterId === cell.raterId && e.rates),
			'allowed changes'
		);
		member.ws.send(
			frameFrom((_doc, ops) =>
				ops.setAreaCategory({ areaId: t.areas[0].id, category: t.areas[0].category })
			)
		);
		await waitFor(
			() => readTemplate(watching.doc).areas[0].category === t.areas[0].category,
			'category back'
		);
	});
});
