/**
 * A database written before shape versions, served by the real built server: the demo template
 * is stored in the old shape (plain strings), the server reads it as it is (comments name their
 * element), and when two people open it at the same moment the server upgrades it exactly once,
 * as one update logged by the system, before either is answered; both then type in the same
 * field and keep every character.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { connectClient, loginCookie, waitFor, type TestClient } from '../support/collab-client.ts';
import { listDocuments, openDataDir, readStoredDocument } from '../support/collab-server.ts';
import { oldShapeDoc } from '../support/template-shape-v1.ts';
import { TEMPLATE_ROOTS, readTemplate } from '#lib/collab/template/template-binding.ts';
import { shapeVersionOf, TEMPLATE_SHAPE_VERSION } from '#lib/collab/template/template-shape.ts';

let server: TestServer;
let templateId: string;
let workshopId: string;
const clients: TestClient[] = [];
const OLD = oldShapeDoc('detail');

/** Replaces the stored template with `OLD` while the server is stopped (as an old version left it). */
function storeOldShape(dataDir: string): void {
	const db = openDataDir(dataDir, false);
	try {
		db.prepare('DELETE FROM doc_updates WHERE document_id = ?').run(templateId);
		db.prepare('DELETE FROM doc_snapshots WHERE document_id = ?').run(templateId);
		db.prepare(
			'INSERT INTO doc_updates (document_id, data, author_id, created_at) VALUES (?, ?, ?, ?)'
		).run(templateId, Y.encodeStateAsUpdate(OLD), null, Date.now());
	} finally {
		db.close();
	}
}

function authors(dataDir: string): (string | null)[] {
	const db = openDataDir(dataDir);
	try {
		const rows = db
			.prepare('SELECT author_id FROM doc_updates WHERE document_id = ? ORDER BY seq')
			.all(templateId) as { author_id: string | null }[];
		return rows.map((row) => row.author_id);
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	const first = await startServer();
	const template = listDocuments(first.dataDir).find((d) => d.kind === 'template')!;
	templateId = template.id;
	workshopId = template.workshopId;
	await first.stop();
	storeOldShape(first.dataDir);
	server = await startServer({ dataDir: first.dataDir });
	// Logins are printed by the first start only.
	server.logins = first.logins;
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

describe('an old stored template on the real server', () => {
	it('is read as it is by the server before anyone opened it', async () => {
		const { email, password } = server.logins.arbejdsgruppe[0];
		const api = new ApiClient(server.url);
		expect((await api.login(email, password)).status).toBe(200);
		const statement = readTemplate(OLD).areas[0].statements[0];
		const created = await api.request(
			'POST',
			`/api/v1/workshops/${workshopId}/documents/${templateId}/comments`,
			{ elementId: statement.id, text: 'Kan vi sige det enklere?' }
		);
		expect(created.status).toBe(201);
		expect(JSON.stringify(created.body)).toContain(statement.text);
		expect(authors(server.dataDir)).toEqual([null]);
	});

	it('is upgraded once for two people opening it at once, who then type together', async () => {
		const cookies = await Promise.all(
			server.logins.arbejdsgruppe
				.slice(0, 2)
				.map(({ email, password }) => loginCookie(server.url, email, password))
		);
		const wsBase = server.url.replace('http', 'ws');
		const [a, b] = cookies.map((cookie) => connectClient(wsBase, templateId, cookie));
		clients.push(a, b);
		await Promise.all([a.synced, b.synced]);
		expect(authors(server.dataDir)).toEqual([null, 'system']);
		for (const client of [a, b]) {
			expect(shapeVersionOf(client.doc)).toBe(TEMPLATE_SHAPE_VERSION);
			expect(readTemplate(client.doc)).toEqual(readTemplate(OLD));
		}
		// Both type into the title at once, character by character, each at their own end.
		const title = (doc: Y.Doc) => doc.getMap(TEMPLATE_ROOTS.meta).get('title') as Y.Text;
		const original = title(a.doc).toJSON();
		for (const char of 'AB') {
			title(a.doc).insert(0, char.toLowerCase());
			title(b.doc).insert(title(b.doc).length, char);
		}
		const expected = `ba${original}AB`;
		await waitFor(
			() => title(a.doc).toJSON() === expected && title(b.doc).toJSON() === expected,
			'both titles merged'
		);
		await waitFor(() => authors(server.dataDir).length === 6, 'every keystroke stored');
		const stored = readStoredDocument(server.dataDir, templateId);
		expect(readTemplate(stored).title).toBe(expected);
		expect(authors(server.dataDir).filter((author) => author === 'system')).toHaveLength(1);
	});
});
