/**
 * Comments on template elements through the JSON API against the real server. The template's
 * content is written into the collaboration engine's log the way the sync server stores it, so
 * the comment checks run against real stored state: a comment on an element that does not exist
 * is refused, replies and resolving work, staff may only read, and a thread outlives its element
 * (then counted as resolved).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { ctxOf } from '../support/template-docs.ts';
import { loadStoredDoc } from '../support/stored-doc.ts';
import { readTemplate, removeArea } from '#lib/collab/template/template-binding.ts';
import { apiErrorSchema, commentsSchema, meSchema } from '#lib/domain/api-schemas.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let base: string;
let as: Record<'facilitator' | 'member' | 'staff', ApiClient>;
let doc: Y.Doc;

/** Appends a Yjs update to the document's log, as the sync server does for a client's edit. */
function storeUpdate(documentId: string, update: Uint8Array): void {
	const db = new DatabaseSync(path.join(server.dataDir, 'formvaerk.db'));
	try {
		db.exec('PRAGMA busy_timeout = 5000');
		db.prepare(
			'INSERT INTO doc_updates (document_id, data, author_id, created_at) VALUES (?, ?, NULL, ?)'
		).run(documentId, update, Date.now());
	} finally {
		db.close();
	}
}

async function loggedIn(login: { email: string; password: string }): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	expect((await client.login(login.email, login.password)).status).toBe(200);
	return client;
}

beforeAll(async () => {
	server = await startServer();
	const [facilitator, member, staff] = await Promise.all([
		loggedIn(server.logins.facilitator[0]),
		loggedIn(server.logins.arbejdsgruppe[0]),
		loggedIn(server.logins.medarbejder[0])
	]);
	as = { facilitator, member, staff };
	const demo = demoDocuments(server);
	base = `/api/v1/workshops/${demo.workshopId}/documents/${demo.template}/comments`;
	// The demo template is seeded at first start; build on it rather than writing a second starter
	// over it (two starters in one document resolve by Yjs client ids, which made this flaky).
	doc = loadStoredDoc(server.dataDir, demo.template);
	expect(readTemplate(doc).areas.length).toBeGreaterThan(1);
});
afterAll(async () => {
	await server?.stop();
});

async function comments(client: ApiClient) {
	const response = await client.request('GET', base);
	expect(response.status).toBe(200);
	return commentsSchema.parse(response.body);
}

describe('comments over the API', () => {
	it('lists the stored template’s areas, statements and levels as commentable', async () => {
		const template = readTemplate(doc);
		const view = await comments(as.staff);
		const ids = view.elements.map((e) => e.id);
		expect(ids).toContain(template.areas[0].id);
		expect(ids).toContain(template.areas[0].statements[0].id);
		expect(ids).toContain(template.areas[0].scale.levels[0].id);
		expect(view).toMatchObject({ threads: [], unresolvedCount: 0 });
	});

	it('refuses a comment on an element that does not exist; nothing is saved', async () => {
		const response = await as.member.request('POST', base, {
			elementId: 'noSuchElement1',
			text: 'Hvad med det her?'
		});
		expect(response.status).toBe(400);
		expect(apiErrorSchema.parse(response.body).error.message).toBe(da.comment.error.unknownElement);
		expect((await comments(as.facilitator)).threads).toEqual([]);
	});

	it('refuses control characters, bidi overrides and invisible-only text', async () => {
		const area = readTemplate(doc).areas[0];
		for (const [text, message] of [
			['Se her\u0000', da.field.invalidCharacters],
			['\u001b]8;;https://evil.example\u001b\\klik', da.field.invalidCharacters],
			['Godkendt \u202Etket', da.field.invalidCharacters],
			['\u200B\n\u2060', da.field.required]
		] as const) {
			const response = await as.member.request('POST', base, { elementId: area.id, text });
			expect(response.status, JSON.stringify(text)).toBe(400);
			expect(apiErrorSchema.parse(response.body).error.fields, JSON.stringify(text)).toEqual({
				text: message
			});
		}
		expect((await comments(as.facilitator)).threads).toEqual([]);
	});

	it('refuses comments from staff, who may only read', async () => {
		const area = readTemplate(doc).areas[0];
		const response = await as.staff.request('POST', base, { elementId: area.id, text: 'Hej' });
		expect(response.status).toBe(403);
		expect((await comments(as.facilitator)).threads).toEqual([]);
	});

	it('keeps author, time, text and replies; the facilitator sees the unresolved count', async () => {
		const statement = readTemplate(doc).areas[0].statements[0];
		const created = await as.member.request('POST', base, {
			elementId: statement.id,
			// A comment is multi-line: its line breaks survive, only the ends are trimmed.
			text: '  Kan vi sige det enklere?\r\nFx i to sætninger.  '
		});
		expect(created.status).toBe(201);
		const [thread] = commentsSchema.parse(created.body).threads;
		expect(thread).toMatchObject({
			elementId: statement.id,
			elementKind: 'statement',
			elementLabel: statement.text,
			text: 'Kan vi sige det enklere?\r\nFx i to sætninger.',
			isResolved: false
		});
		const me = meSchema.parse((await as.member.request('GET', '/api/v1/me')).body);
		expect(thread.authorName).toBe(me.name);
		expect(Date.now() - Date.parse(thread.createdAt)).toBeLessThan(60_000);
		const reply = await as.facilitator.request('POST', base, {
			elementId: statement.id,
			parentId: thread.id,
			text: 'Ja, lad os prøve.'
		});
		expect(reply.status).toBe(201);
		const view = await comments(as.facilitator);
		expect(view.unresolvedCount).toBe(1);
		expect(view.threads[0].replies.map((r) => [r.authorName, r.text])).toEqual([
			['Frida Facilitator', 'Ja, lad os prøve.']
		]);
		const unknownThread = await as.member.request('POST', base, {
			elementId: statement.id,
			parentId: 'abcdefghijklmnop',
			text: 'Svar'
		});
		expect(unknownThread.status).toBe(404);
		expect(apiErrorSchema.parse(unknownThread.body).error.message).toBe(
			da.comment.error.unknownThread
		);
	});

	it('lets a member resolve a thread; staff cannot', async () => {
		const [thread] = (await comments(as.member)).threads;
		expect((await as.staff.request('POST', `${base}/${thread.id}/resolve`)).status).toBe(403);
		const resolved = await as.member.request('POST', `${base}/${thread.id}/resolve`);
		expect(resolved.status).toBe(200);
		expect(commentsSchema.parse(resolved.body)).toMatchObject({
			unresolvedCount: 0,
			threads: [{ id: thread.id, isResolved: true }]
		});
	});

	it('keeps a thread, resolved, when its element is deleted', async () => {
		const area = readTemplate(doc).areas[1];
		await as.member.request('POST', base, { elementId: area.id, text: 'Området er for bredt.' });
		expect((await comments(as.facilitator)).unresolvedCount).toBe(1);

		const before = Y.encodeStateVector(doc);
		removeArea(ctxOf(doc), { areaId: area.id });
		storeUpdate(demoDocuments(server).template, Y.encodeStateAsUpdate(doc, before));

		const view = await comments(as.facilitator);
		const kept = view.threads.find((t) => t.elementId === area.id);
		expect(kept).toMatchObject({
			text: 'Området er for bredt.',
			elementLabel: null,
			isResolved: true
		});
		expect(view.unresolvedCount).toBe(0);
		expect(view.elements.map((e) => e.id)).not.toContain(area.id);
	});
});
