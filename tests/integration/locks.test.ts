/**
 * Locks against the real built server: only the facilitator can lock and unlock (a work-group
 * member gets 403 and nothing changes), bad lock targets are refused with 400, and the
 * collaboration server enforces locks on raw updates from a member (hand-made frames and a
 * stock y-websocket provider): an update touching a locked part is neither stored nor broadcast
 * and closes the socket with 4423, while an update to an unlocked part is stored and broadcast.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import { locksResponseSchema, type LockTarget } from '#lib/domain/template/locks.ts';
import {
	bindTemplate,
	readTemplate,
	type TemplateHandle
} from '#lib/collab/template/template-binding.ts';

let server: TestServer;
let facilitator: ApiClient;
let member: ApiClient;
let workshopId: string;
let templateId: string;
let drejebogId: string;
let cookies: { facilitator: string; member: string; member2: string };
const clients: TestClient[] = [];
const sockets: RawSocket[] = [];

beforeAll(async () => {
	server = await startServer();
	const login = async (role: string, index = 0) => {
		const { email, password } = server.logins[role][index];
		const client = new ApiClient(server.url);
		expect((await client.login(email, password)).status).toBe(200);
		return { client, cookie: await loginCookie(server.url, email, password) };
	};
	const [f, m, m2] = await Promise.all([
		login('facilitator'),
		login('arbejdsgruppe'),
		login('arbejdsgruppe', 1)
	]);
	facilitator = f.client;
	member = m.client;
	cookies = { facilitator: f.cookie, member: m.cookie, member2: m2.cookie };
	const documents = listDocuments(server.dataDir);
	const template = documents.find((d) => d.kind === 'template')!;
	templateId = template.id;
	workshopId = template.workshopId;
	drejebogId = documents.find((d) => d.kind === 'drejebog' && d.workshopId === workshopId)!.id;
});
beforeEach(async () => {
	// Every test starts without locks.
	for (const lock of await currentLocks()) {
		expect((await setLock(facilitator, 'DELETE', lock)).status).toBe(200);
	}
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	for (const socket of sockets) socket.ws.terminate();
	await server?.stop();
});

const wsBase = () => server.url.replace('http', 'ws');
const locksUrl = (docId = templateId) => `/api/v1/workshops/${workshopId}/documents/${docId}/locks`;

function setLock(client: ApiClient, method: 'PUT' | 'DELETE', target: LockTarget, docId?: string) {
	return client.request(method, `${locksUrl(docId)}/${target.kind}/${target.targetId}`);
}

async function currentLocks(): Promise<LockTarget[]> {
	const response = await facilitator.request('GET', locksUrl());
	expect(response.status).toBe(200);
	return locksResponseSchema
		.parse(response.body)
		.locks.map(({ kind, targetId }) => ({ kind, targetId }));
}

/** The template as the server has stored it. */
function storedTemplate() {
	const doc = readStoredDocument(server.dataDir, templateId);
	try {
		return readTemplate(doc);
	} finally {
		doc.destroy();
	}
}

/** A hand-made update frame: `edit` applied to a copy of the stored document. */
function frameFrom(edit: (ops: TemplateHandle) => void): Uint8Array {
	const doc = readStoredDocument(server.dataDir, templateId);
	const before = Y.encodeStateVector(doc);
	edit(bindTemplate(doc, 'raw'));
	return updateFrame(Y.encodeStateAsUpdate(doc, before));
}

async function openSocket(cookie: string): Promise<RawSocket> {
	const socket = rawSocket(wsBase(), templateId, cookie);
	sockets.push(socket);
	await socket.opened;
	return socket;
}

async function connect(cookie: string): Promise<TestClient> {
	const client = connectClient(wsBase(), templateId, cookie);
	clients.push(client);
	await client.synced;
	return client;
}

describe('the locks API', () => {
	it('lists locks for a member, who may not change them', async () => {
		const area = storedTemplate().areas[0];
		expect((await setLock(facilitator, 'PUT', { kind: 'area', targetId: area.id })).status).toBe(
			200
		);
		const response = await member.request('GET', locksUrl());
		expect(response.status).toBe(200);
		const body = locksResponseSchema.parse(response.body);
		expect(body.canChange).toBe(false);
		expect(body.locks.map(({ kind, targetId }) => ({ kind, targetId }))).toEqual([
			{ kind: 'area', targetId: area.id }
		]);
		expect(body.locks[0].lockedByName).toBeTruthy();
	});

	it('refuses a member who tries to lock or unlock with 403, and nothing changes', async () => {
		const [first, second] = storedTemplate().areas;
		await setLock(facilitator, 'PUT', { kind: 'area', targetId: first.id });
		const before = await currentLocks();
		for (const [method, target] of [
			['PUT', { kind: 'area', targetId: second.id }],
			['PUT', { kind: 'template', targetId: templateId }],
			['DELETE', { kind: 'area', targetId: first.id }]
		] as const) {
			const response = await setLock(member, method, target);
			expect(response.status, `${method} ${target.kind}`).toBe(403);
			expect(apiErrorSchema.parse(response.body).error.code).toBe('forbidden');
		}
		expect(await currentLocks()).toEqual(before);
	});

	it('lets the facilitator lock and unlock an area, a scale and the whole template', async () => {
		const area = storedTemplate().areas[1];
		const targets: LockTarget[] = [
			{ kind: 'area', targetId: area.id },
			{ kind: 'scale', targetId: area.id },
			{ kind: 'template', targetId: templateId }
		];
		for (const target of targets) {
			const response = await setLock(facilitator, 'PUT', target);
			expect(response.status).toBe(200);
			expect(locksResponseSchema.parse(response.body).canChange).toBe(true);
		}
		// Locking again changes nothing.
		expect((await setLock(facilitator, 'PUT', targets[0])).status).toBe(200);
		expect(await currentLocks()).toEqual(targets);
		expect((await setLock(facilitator, 'DELETE', targets[1])).status).toBe(200);
		expect(await currentLocks()).toEqual([targets[0], targets[2]]);
	});

	it('refuses bad targets with 400 and a Danish message, and locks nothing', async () => {
		const cases: [LockTarget | { kind: string; targetId: string }, string | undefined][] = [
			[{ kind: 'statement', targetId: 'abc' }, undefined],
			[{ kind: 'area', targetId: 'findes-ikke' }, undefined],
			[{ kind: 'template', targetId: 'andet-dokument' }, undefined],
			[{ kind: 'area', targetId: storedTemplate().areas[0].id }, drejebogId]
		];
		for (const [target, docId] of cases) {
			const response = await setLock(facilitator, 'PUT', target as LockTarget, docId);
			expect(response.status, JSON.stringify(target)).toBe(400);
			expect(apiErrorSchema.parse(response.body).error.message).toMatch(/[æøå]|skabelon/i);
		}
		expect(await currentLocks()).toEqual([]);
	});
});

describe('raw updates from a member', () => {
	it('are refused when they touch a locked area: not stored, not broadcast, closed with 4423', async () => {
		const area = storedTemplate().areas[0];
		await setLock(facilitator, 'PUT', { kind: 'area', targetId: area.id });
		const watcher = await connect(cookies.member2);
		const socket = await openSocket(cookies.member);
		socket.ws.send(frameFrom((ops) => ops.renameArea({ areaId: area.id, label: 'Trods låsen' })));
		expect(await socket.closed).toEqual({ code: CLOSE_CODES.lockedPart });

		// A later allowed update arrives; the refused one, sent before it, never did.
		const frida = await openSocket(cookies.facilitator);
		frida.ws.send(frameFrom((ops) => ops.renameTemplate({ title: 'Efter den afviste ændring' })));
		await waitFor(
			() => readTemplate(watcher.doc).title === 'Efter den afviste ændring',
			'the later update'
		);
		expect(readTemplate(watcher.doc).areas[0].label).toBe(area.label);
		expect(storedTemplate().areas[0].label).toBe(area.label);
	});

	it('are stored and broadcast when they touch only unlocked parts', async () => {
		const [locked, open] = storedTemplate().areas;
		await setLock(facilitator, 'PUT', { kind: 'area', targetId: locked.id });
		await setLock(facilitator, 'PUT', { kind: 'scale', targetId: open.id });
		const watcher = await connect(cookies.member2);
		const socket = await openSocket(cookies.member);
		socket.ws.send(frameFrom((ops) => ops.renameArea({ areaId: open.id, label: 'Åbent område' })));
		await waitFor(() => readTemplate(watcher.doc).areas[1].label === 'Åbent område', 'broadcast');
		expect(storedTemplate().areas[1].label).toBe('Åbent område');
		expect(socket.ws.readyState).toBe(socket.ws.OPEN);
	});

	it('are refused under a template lock, from a stock provider too, which then stays away', async () => {
		await setLock(facilitator, 'PUT', { kind: 'template', targetId: templateId });
		const jonas = await connect(cookies.member);
		const raters = storedTemplate().raters.length;
		bindTemplate(jonas.doc, 'jonas').addRater({ label: 'Mentor' });
		await waitFor(() => jonas.closeCodes.includes(CLOSE_CODES.lockedPart), '4423');
		// y-websocket treats 4400-4499 as permanent: it does not come back and resend.
		await new Promise((resolve) => setTimeout(resolve, 500)); // longer than its 300 ms backoff
		expect(jonas.provider.wsconnected).toBe(false);
		expect(jonas.closeCodes).toEqual([CLOSE_CODES.lockedPart]);
		expect(storedTemplate().raters).toHaveLength(raters);
	});
});
