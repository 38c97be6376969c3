/**
 * The server upgrades a drejebog stored before the structured model (one rich-text fragment,
 * `body`) once, when it loads the room and before any client is answered, through the room's own
 * pipeline (one update by the system), on the main thread and in a worker-thread core alike. Two
 * clients connecting at once cause exactly one upgrade, the old text is kept as the introduction,
 * and the drejebog can then be started through the server-side edit (which keeps it too). The
 * template's shape is never applied to a drejebog, nor the drejebog's to a template.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '#lib/server/platform/db.ts';
import { seedDocumentUpdate } from '#lib/server/documents/documents-state.ts';
import { startDrejebog } from '#lib/server/drejebog/drejebog-start.ts';
import {
	DREJEBOG_ROOTS,
	isDrejebogEmpty,
	readDrejebog
} from '#lib/collab/drejebog/drejebog-binding.ts';
import {
	DREJEBOG_SHAPE_VERSION,
	drejebogShapeVersionOf
} from '#lib/collab/drejebog/drejebog-shape.ts';
import { TEMPLATE_ROOTS } from '#lib/collab/template/template-doc.ts';
import { shapeVersionOf, TEMPLATE_SHAPE_VERSION } from '#lib/collab/template/template-shape.ts';
import { textToRichText } from '#lib/domain/template/index.ts';
import { validateDrejebog } from '#lib/domain/drejebog/index.ts';
import { loadTemplate } from '#lib/server/documents/documents-state.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';
import type { CollabOptions } from '../../../server/collab/attach.ts';
import { SYSTEM_AUTHOR_ID } from '../../../server/collab/system-member.ts';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, waitFor, type TestClient } from '../../support/collab-client.ts';
import { docFromStored } from '../../support/stored-doc.ts';

const OLD_TEXT = 'Vi ringer til virksomheden inden første dag.';

/** A drejebog as stored before the structured model: its whole text in the `body` fragment. */
function oldDrejebog(): Y.Doc {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	doc.getXmlFragment('body').insert(0, [paragraph]);
	paragraph.insert(0, [new Y.XmlText(OLD_TEXT)]);
	return doc;
}

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

describe.each<[string, CollabOptions, boolean]>([
	['main-thread core, log tail', {}, false],
	['worker-thread core, stored snapshot', { room: { workerCoreBytes: 1 } }, true]
])('drejebog shape upgrade on load (%s)', (_name, options, asSnapshot) => {
	let fixture: CollabFixture;
	const clients: TestClient[] = [];
	const connect = (documentId: string) => {
		const client = connectClient(fixture.wsBase, documentId, fixture.users.member.cookie);
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

	it('upgrades an old drejebog once for two clients connecting at once, keeping its text', async () => {
		const documentId = fixture.documents.drejebog;
		await storeOnly(documentId, oldDrejebog(), asSnapshot);
		expect(drejebogShapeVersionOf(oldDrejebog())).toBe(1);

		const a = connect(documentId);
		const b = connect(documentId);
		// Nothing of the old shape ever reaches a client: the first sync already has the version.
		for (const client of [a, b]) {
			client.doc.on('update', () => {
				if (client.doc.getXmlFragment('body').length > 0) {
					expect(drejebogShapeVersionOf(client.doc)).toBe(DREJEBOG_SHAPE_VERSION);
				}
			});
		}
		await Promise.all([a.synced, b.synced]);
		for (const client of [a, b]) {
			expect(drejebogShapeVersionOf(client.doc)).toBe(DREJEBOG_SHAPE_VERSION);
			expect(readDrejebog(client.doc).introduction).toEqual(textToRichText(OLD_TEXT));
			// Still to be started: the chooser is offered, the old text stays above it.
			expect(isDrejebogEmpty({ doc: client.doc })).toBe(true);
			expect(client.doc.share.has(TEMPLATE_ROOTS.meta)).toBe(false);
		}
		expect(await systemEntries(documentId)).toBe(1);
		expect(fixture.collab.stats().roomsInWorkers).toBe(asSnapshot ? 1 : 0);

		// Started from the starter through the server-side edit: the text is still the introduction.
		await startDrejebog(fixture.users.member.actor(), fixture.workshopId, documentId, {
			starter: 'star'
		});
		await waitFor(() => !isDrejebogEmpty({ doc: a.doc }), 'started drejebog arrives');
		const started = readDrejebog(a.doc);
		expect(started.introduction).toEqual(textToRichText(OLD_TEXT));
		expect(validateDrejebog(started, loadTemplate(fixture.documents.template))).toEqual([]);
		expect(readDrejebog(b.doc)).toEqual(started);

		// Loaded again (compacted on unload): nothing more to upgrade.
		await unloadAll();
		const again = connect(documentId);
		await again.synced;
		expect(readDrejebog(again.doc)).toEqual(started);
		expect(await systemEntries(documentId)).toBe(0);
		expect(drejebogShapeVersionOf(docFromStored(await store.load(documentId)))).toBe(2);
		await unloadAll();
	});

	it('never applies the drejebog’s shape to a template, nor the template’s to a drejebog', async () => {
		const template = connect(fixture.documents.template);
		await template.synced;
		expect(template.doc.share.has(DREJEBOG_ROOTS.meta)).toBe(false);
		expect(shapeVersionOf(template.doc)).toBe(TEMPLATE_SHAPE_VERSION);
		const drejebog = new Y.Doc();
		drejebog.getXmlFragment('default').insert(0, [new Y.XmlText('Ikke en drejebog')]);
		await storeOnly(fixture.documents.drejebog, drejebog, asSnapshot);
		const client = connect(fixture.documents.drejebog);
		await client.synced;
		expect(await systemEntries(fixture.documents.drejebog)).toBe(0);
		expect(client.doc.share.has(TEMPLATE_ROOTS.meta)).toBe(false);
		expect(client.doc.share.has(DREJEBOG_ROOTS.meta)).toBe(false);
		await unloadAll();
	});
});
