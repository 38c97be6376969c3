/**
 * The server upgrades a template stored in the old shape once, when it loads the room and before
 * any client is answered, through the room's own pipeline (stored as one update by the system),
 * on the main thread and in a worker-thread core alike. Two clients connecting at once to an old
 * document cause exactly one upgrade; a client on old code that writes a plain string after the
 * upgrade converges with everyone and the next load repairs the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '#lib/server/platform/db.ts';
import { seedDocumentUpdate } from '#lib/server/documents/documents-state.ts';
import { TEMPLATE_ROOTS, readTemplate } from '#lib/collab/template/template-binding.ts';
import { TEMPLATE_SHAPE_VERSION, shapeVersionOf } from '#lib/collab/template/template-shape.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';
import type { CollabOptions } from '../../../server/collab/attach.ts';
import { SYSTEM_AUTHOR_ID } from '../../../server/collab/system-member.ts';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, waitFor, type TestClient } from '../../support/collab-client.ts';
import { oldShapeDoc } from '../../support/template-shape-v1.ts';
import { v2ShapeDoc } from '../../support/template-shape-v2.ts';
import { docFromStored } from '../../support/stored-doc.ts';
import { cloneDoc } from '../../support/template-docs.ts';

/** The store the fixture's server uses (made per fixture: it binds the fixture's database). */
let store: SqliteDocStore;

/** Replaces everything stored for `documentId` (no room may hold it) with `doc`'s state. */
async function storeOnly(documentId: string, doc: Y.Doc, asSnapshot: boolean): Promise<void> {
	getDb().prepare('DELETE FROM doc_updates WHERE document_id = ?').run(documentId);
	getDb().prepare('DELETE FROM doc_snapshots WHERE document_id = ?').run(documentId);
	seedDocumentUpdate(documentId, Y.encodeStateAsUpdate(doc), 'an-old-version');
	if (asSnapshot) {
		const [entry] = await store.entries(documentId);
		await store.compact(documentId, entry.data, entry.seq);
	}
}

async function systemEntries(documentId: string): Promise<number> {
	return (await store.entries(documentId)).filter((e) => e.userId === SYSTEM_AUTHOR_ID).length;
}

const titleOf = (doc: Y.Doc): unknown => doc.getMap(TEMPLATE_ROOTS.meta).get('title');

describe.each<[string, CollabOptions, boolean]>([
	['main-thread core, log tail', {}, false],
	['worker-thread core, stored snapshot', { room: { workerCoreBytes: 1 } }, true]
])('shape upgrade on load (%s)', (_name, options, asSnapshot) => {
	let fixture: CollabFixture;
	const clients: TestClient[] = [];
	const connect = (doc?: Y.Doc) => {
		const client = connectClient(
			fixture.wsBase,
			fixture.documents.template,
			fixture.users.member.cookie,
			{ doc }
		);
		clients.push(client);
		return client;
	};
	const unloadAll = async () => {
		for (const client of clients.splice(0)) client.destroy();
		await waitFor(() => fixture.collab.stats().rooms === 0, 'rooms unloaded', 3000);
	};

	beforeAll(async () => {
		fixture = await startCollabFixture(options);
		store = new SqliteDocStore();
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		await fixture.close();
	});

	it.each([
		['shape 1', oldShapeDoc],
		['shape 2', v2ShapeDoc]
	])(
		'upgrades the demo template of %s once, before two clients connecting at once are answered',
		async (_shape, storedDoc) => {
			const old = storedDoc('detail');
			const content = readTemplate(old);
			await storeOnly(fixture.documents.template, old, asSnapshot);

			const a = connect();
			const b = connect();
			// Nothing of the old shape ever reaches a client: the first sync already has the upgrade.
			for (const client of [a, b]) {
				client.doc.on('update', () => {
					if (titleOf(client.doc) === undefined) return;
					expect(titleOf(client.doc)).toBeInstanceOf(Y.Text);
					expect(client.doc.getMap(TEMPLATE_ROOTS.signerList).size).toBeGreaterThan(0);
				});
			}
			await Promise.all([a.synced, b.synced]);
			for (const client of [a, b]) {
				expect(titleOf(client.doc)).toBeInstanceOf(Y.Text);
				expect(shapeVersionOf(client.doc)).toBe(TEMPLATE_SHAPE_VERSION);
				expect(readTemplate(client.doc)).toEqual(content);
			}
			expect(await systemEntries(fixture.documents.template)).toBe(1);
			expect(fixture.collab.stats().roomsInWorkers).toBe(asSnapshot ? 1 : 0);

			// Loaded again (compacted on unload): nothing more to upgrade.
			await unloadAll();
			const again = connect();
			await again.synced;
			expect(readTemplate(again.doc)).toEqual(content);
			expect(await store.entries(fixture.documents.template)).toHaveLength(0);
			const stored = docFromStored(await store.load(fixture.documents.template));
			expect(shapeVersionOf(stored)).toBe(TEMPLATE_SHAPE_VERSION);
			await unloadAll();
		}
	);

	it('leaves a document without a template alone', async () => {
		const drejebog = new Y.Doc();
		drejebog.getXmlFragment('default').insert(0, [new Y.XmlText('Drejebog')]);
		await storeOnly(fixture.documents.drejebog, drejebog, asSnapshot);
		const client = connectClient(
			fixture.wsBase,
			fixture.documents.drejebog,
			fixture.users.member.cookie
		);
		clients.push(client);
		await client.synced;
		expect(await systemEntries(fixture.documents.drejebog)).toBe(0);
		expect(client.doc.share.has(TEMPLATE_ROOTS.meta)).toBe(false);
		await unloadAll();
	});

	it('converges with a client that wrote an old-shape string offline, and repairs it on the next load', async () => {
		const old = oldShapeDoc('detail');
		await storeOnly(fixture.documents.template, old, asSnapshot);
		// Old code, offline with the old state: a statement renamed by writing the whole string.
		// Its client id is the highest there is, so its write wins over the concurrent upgrade.
		const offline = cloneDoc(old, 0xffffffff);
		const statementId = readTemplate(old).areas[0].statements[0].id;
		const statement = offline.getMap(TEMPLATE_ROOTS.statements).get(statementId) as Y.Map<unknown>;
		statement.set('text', 'Kan tale med kunderne i butikken');

		const fresh = connect();
		await fresh.synced;
		expect(await systemEntries(fixture.documents.template)).toBe(1);
		const stale = connect(offline);
		await stale.synced;
		const statementText = (doc: Y.Doc) =>
			readTemplate(doc).areas[0].statements.find((s) => s.id === statementId)?.text;
		await waitFor(
			() => statementText(fresh.doc) === 'Kan tale med kunderne i butikken',
			'stale edit arrives'
		);
		expect(readTemplate(fresh.doc)).toEqual(readTemplate(stale.doc));

		await unloadAll();
		const next = connect();
		await next.synced;
		// The next load converted the stale string back into a Y.Text with the same content.
		expect(await systemEntries(fixture.documents.template)).toBe(1);
		const repaired = (
			next.doc.getMap(TEMPLATE_ROOTS.statements).get(statementId) as Y.Map<unknown>
		).get('text');
		expect(repaired).toBeInstanceOf(Y.Text);
		expect(statementText(next.doc)).toBe('Kan tale med kunderne i butikken');
		await unloadAll();
	});
});
