/**
 * Server-side document edits (`editDocument`) through the in-process collaboration server: an
 * edit loads the room when nobody has the document open, is stored with the author's id and
 * reaches an open client; a refused operation or a document over its size limit stores nothing;
 * edits of one document run one at a time, each on the state the one before left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '#lib/server/platform/db.ts';
import { loadTemplate } from '#lib/server/documents/documents-state.ts';
import { editDocument } from '#lib/server/documents/document-edits.ts';
import { readTemplate, renameArea } from '#lib/collab/template/template-binding.ts';
import { ConflictError, ValidationError } from '#lib/domain/errors.ts';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';
import { connectClient, waitFor } from '../../support/collab-client.ts';

function logRows(documentId: string): { author_id: string | null }[] {
	return getDb()
		.prepare('SELECT author_id FROM doc_updates WHERE document_id = ? ORDER BY seq')
		.all(documentId) as { author_id: string | null }[];
}

describe('editDocument', () => {
	let fixture: CollabFixture;
	beforeAll(async () => {
		fixture = await startCollabFixture();
	});
	afterAll(async () => {
		await fixture?.close();
	});

	it('loads the room when nobody has the document open, stores the edit as the author, unloads', async () => {
		const { template } = fixture.documents;
		expect(fixture.collab.stats().rooms).toBe(0);
		const areaId = loadTemplate(template).areas[0].id;
		await editDocument(template, fixture.users.facilitator.id, (doc) =>
			renameArea({ doc, origin: 'server' }, { areaId, label: 'Samarbejde' })
		);
		// Resolved means stored: the store already has it.
		expect(loadTemplate(template).areas[0].label).toBe('Samarbejde');
		expect(logRows(template).at(-1)?.author_id).toBe(fixture.users.facilitator.id);
		await waitFor(() => fixture.collab.stats().rooms === 0, 'the room unloaded');
	});

	it('runs edits of one document one at a time, each seeing the one before', async () => {
		const { template } = fixture.documents;
		const seen: number[] = [];
		// Each edit reads a counter and writes the next value: run side by side, they would both
		// read the same value; one at a time, every edit sees the last one's.
		const bump = () =>
			editDocument(template, fixture.users.facilitator.id, (doc) => {
				const counter = doc.getMap<number>('template.keptVotes');
				const value = counter.get('counter') ?? 0;
				seen.push(value);
				counter.set('counter', value + 1);
			});
		await Promise.all([bump(), bump(), bump(), bump()]);
		expect(seen).toEqual([seen[0], seen[0] + 1, seen[0] + 2, seen[0] + 3]);
		// A failing edit does not stop the queue: the next one still runs.
		const failing = editDocument(template, fixture.users.facilitator.id, () => {
			throw new ValidationError('x');
		});
		await expect(failing).rejects.toBeInstanceOf(ValidationError);
		await bump();
		expect(seen.at(-1)).toBe(seen[0] + 4);
	});

	it('reaches a client that has the document open', async () => {
		const { template } = fixture.documents;
		const client = connectClient(fixture.wsBase, template, fixture.users.member.cookie);
		try {
			await client.synced;
			const areaId = readTemplate(client.doc).areas[1].id;
			await editDocument(template, fixture.users.facilitator.id, (doc) =>
				renameArea({ doc, origin: 'server' }, { areaId, label: 'Faglighed' })
			);
			await waitFor(
				() => readTemplate(client.doc).areas[1].label === 'Faglighed',
				'the edit in the open client'
			);
		} finally {
			client.destroy();
		}
	});

	it('stores nothing when the operation refuses, and rethrows its error', async () => {
		const { template } = fixture.documents;
		const before = logRows(template).length;
		const [first, second] = loadTemplate(template).areas;
		const refused = editDocument(template, fixture.users.facilitator.id, (doc) =>
			renameArea({ doc, origin: 'server' }, { areaId: second.id, label: first.label })
		);
		await expect(refused).rejects.toBeInstanceOf(ValidationError);
		expect(logRows(template).length).toBe(before);
	});
});

describe('editDocument on a document at its size limit', () => {
	let fixture: CollabFixture;
	beforeAll(async () => {
		// Smaller than the seeded template, so any edit would outgrow it.
		fixture = await startCollabFixture({ room: { maxDocumentBytes: 1000 } });
	});
	afterAll(async () => {
		await fixture?.close();
	});

	it('refuses with document_too_large and stores nothing', async () => {
		const { template } = fixture.documents;
		const before = logRows(template).length;
		const areaId = loadTemplate(template).areas[0].id;
		const refused = editDocument(template, fixture.users.facilitator.id, (doc) =>
			renameArea({ doc, origin: 'server' }, { areaId, label: 'Samarbejde' })
		);
		await expect(refused).rejects.toBeInstanceOf(ConflictError);
		await expect(refused).rejects.toMatchObject({
			code: 'document_too_large',
			message: 'documentEdit.error.tooLarge'
		});
		expect(logRows(template).length).toBe(before);
		expect(loadTemplate(template).areas[0].label).not.toBe('Samarbejde');
	});
});
