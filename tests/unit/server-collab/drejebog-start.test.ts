/**
 * The server-side start of a drejebog through the collaboration server's edit bridge: two starts
 * issued in the same moment (the same event-loop turn, the tightest race there is) are run one
 * after the other on the room, so the second sees the first and is refused; exactly one drejebog
 * is stored. A third edit queued behind a failing one still runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#lib/domain/errors.ts';
import { startDrejebog } from '#lib/server/drejebog/drejebog-start.ts';
import { editDocument } from '#lib/server/documents/document-edits.ts';
import { loadDocument } from '#lib/server/documents/documents-state.ts';
import { readDrejebog } from '#lib/collab/drejebog/drejebog-binding.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite-store.ts';
import { startCollabFixture, type CollabFixture } from '../../support/collab-fixture.ts';

let fixture: CollabFixture;

beforeAll(async () => {
	fixture = await startCollabFixture();
});
afterAll(async () => {
	await fixture.close();
});

describe('starting a drejebog through the edit bridge', () => {
	it('runs two starts of the same moment one after the other: one stored, one refused', async () => {
		const { workshopId } = fixture;
		const documentId = fixture.documents.drejebog;
		const results = await Promise.allSettled([
			startDrejebog(fixture.users.facilitator.actor(), workshopId, documentId, { starter: 'star' }),
			startDrejebog(fixture.users.member.actor(), workshopId, documentId, { starter: 'empty' })
		]);
		expect(results[0]).toEqual({ status: 'fulfilled', value: { starterId: 'star' } });
		expect(results[1].status).toBe('rejected');
		expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
		const entries = await new SqliteDocStore().entries(documentId);
		expect(entries.map((e) => e.userId)).toEqual([fixture.users.facilitator.id]);
		expect(readDrejebog(loadDocument(documentId)).starterId).toBe('star');

		// An edit queued behind a refused one still runs.
		const edits = await Promise.allSettled([
			editDocument(documentId, fixture.users.member.id, () => {
				throw new Error('refused');
			}),
			// A key of the drejebog's layout: the server refuses keys the layout does not have.
			editDocument(documentId, fixture.users.member.id, (doc) =>
				doc.getMap('drejebog.keptVotes').set('vote-after', 2)
			)
		]);
		expect(edits.map((e) => e.status)).toEqual(['rejected', 'fulfilled']);
		expect(loadDocument(documentId).getMap('drejebog.keptVotes').get('vote-after')).toBe(2);
	});
});
