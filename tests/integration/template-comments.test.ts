/**
 * Comments stay with their element, against the real server with a real y-websocket provider
 * editing the template: a statement moved to another position and area keeps its thread (element
 * ids are stable), a deleted statement's thread is kept and shown as resolved, and undoing the
 * delete brings the thread back as it was. "Resolved because the element is gone" is derived when
 * the comments are listed (compared with the stored template), never written, which is what
 * makes the undo case right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { loadStoredDoc } from '../support/stored-doc.ts';
import { connectClient, waitFor, type TestClient } from '../support/collab-client.ts';
import {
	createTemplateUndoManager,
	moveStatement,
	readTemplate,
	removeStatement
} from '#lib/collab/template/template-binding.ts';
import { commentsSchema } from '#lib/domain/api-schemas.ts';

let server: TestServer;
let member: ApiClient;
let editor: TestClient;
let base: string;
let templateId: string;

const ORIGIN = 'anna-editor';

beforeAll(async () => {
	server = await startServer();
	member = new ApiClient(server.url);
	const login = server.logins.arbejdsgruppe[0];
	expect((await member.login(login.email, login.password)).status).toBe(200);
	const demo = demoDocuments(server);
	templateId = demo.template;
	base = `/api/v1/workshops/${demo.workshopId}/documents/${demo.template}/comments`;
	editor = connectClient(server.url.replace(/^http/, 'ws'), demo.template, member.cookieHeader);
	await editor.synced;
});
afterAll(async () => {
	editor?.destroy();
	await server?.stop();
});

async function comments() {
	const response = await member.request('GET', base);
	expect(response.status).toBe(200);
	return commentsSchema.parse(response.body);
}

/** Where a statement is in the stored template: area label and position. */
function storedPlace(statementId: string): { area: string; index: number } | null {
	const doc = loadStoredDoc(server.dataDir, templateId);
	try {
		for (const area of readTemplate(doc).areas) {
			const index = area.statements.findIndex((s) => s.id === statementId);
			if (index >= 0) return { area: area.label, index };
		}
		return null;
	} finally {
		doc.destroy();
	}
}

function ctx(doc: Y.Doc) {
	return { doc, origin: ORIGIN };
}

describe('comments follow their element', () => {
	let statement: { id: string; text: string };
	let threadId: string;

	it('stays on a statement moved to another position and another area', async () => {
		const [first, second] = readTemplate(editor.doc).areas;
		statement = first.statements[0];
		const created = await member.request('POST', base, {
			elementId: statement.id,
			text: 'Skal det stå under et andet område?'
		});
		expect(created.status).toBe(201);
		threadId = commentsSchema.parse(created.body).threads.at(-1)!.id;

		moveStatement(ctx(editor.doc), { statementId: statement.id, toIndex: 2 });
		await waitFor(() => storedPlace(statement.id)?.index === 2, 'the move stored');
		moveStatement(ctx(editor.doc), {
			statementId: statement.id,
			toAreaId: second.id,
			toIndex: 1
		});
		await waitFor(
			() =>
				JSON.stringify(storedPlace(statement.id)) ===
				JSON.stringify({ area: second.label, index: 1 }),
			'the move to another area stored'
		);

		const view = await comments();
		expect(view.threads.find((t) => t.id === threadId)).toMatchObject({
			elementId: statement.id,
			elementLabel: statement.text,
			isResolved: false
		});
		// It is listed where the statement now is: among the second area's elements.
		const ids = view.elements.map((e) => e.id);
		expect(ids.indexOf(statement.id)).toBeGreaterThan(ids.indexOf(second.id));
		expect(view.unresolvedCount).toBe(1);
	});

	it('is kept, shown as resolved, when the statement is deleted, and comes back with an undo', async () => {
		const undo = createTemplateUndoManager(editor.doc, ORIGIN);
		removeStatement(ctx(editor.doc), { statementId: statement.id });
		await waitFor(() => storedPlace(statement.id) === null, 'the delete stored');

		const afterDelete = await comments();
		// The thread still says what it was about: the statement's text as last seen.
		expect(afterDelete.threads.find((t) => t.id === threadId)).toMatchObject({
			text: 'Skal det stå under et andet område?',
			elementLabel: null,
			elementText: statement.text,
			isResolved: true
		});
		expect(afterDelete.unresolvedCount).toBe(0);

		undo.undo();
		await waitFor(() => storedPlace(statement.id) !== null, 'the undo stored');
		const afterUndo = await comments();
		expect(afterUndo.threads.find((t) => t.id === threadId)).toMatchObject({
			elementLabel: statement.text,
			isResolved: false
		});
		expect(afterUndo.unresolvedCount).toBe(1);
		undo.destroy();
	});
});
