/**
 * Graceful shutdown of the real server: SIGTERM closes sockets with "going away", finishes
 * pending appends, compacts every room into its snapshot and exits 0.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { connectClient, loginCookie, waitFor } from '../support/collab-client.ts';
import { listDocuments, openDataDir, readStoredDocument } from '../support/collab-server.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';

let server: TestServer | undefined;
afterAll(async () => {
	await server?.stop('SIGKILL');
});

describe('graceful shutdown', () => {
	it('stores and compacts everything, tells clients it is going away, and exits 0', async () => {
		server = await startServer();
		const login = server.logins.facilitator[0];
		const cookie = await loginCookie(server.url, login.email, login.password);
		const documentId = listDocuments(server.dataDir).find((d) => d.kind === 'drejebog')!.id;
		const client = connectClient(server.url.replace('http', 'ws'), documentId, cookie, {
			shouldReconnect: false
		});
		await client.synced;
		for (let i = 0; i < 50; i++) client.doc.getArray('items').push([i]);
		// All fifty are in the log; the shutdown must fold them into the snapshot.
		await waitFor(
			() => readStoredDocument(server!.dataDir, documentId).getArray('items').length === 50,
			'stored'
		);

		expect(await server.stop('SIGTERM')).toBe(0);
		await waitFor(() => client.closeCodes.length > 0, 'socket closed');
		expect(client.closeCodes).toContain(CLOSE_CODES.goingAway);
		const db = openDataDir(server.dataDir);
		const { n } = db
			.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE document_id = ?')
			.get(documentId) as {
			n: number;
		};
		db.close();
		expect(n).toBe(0);
		expect(readStoredDocument(server.dataDir, documentId).getArray('items').toJSON()).toEqual(
			Array.from({ length: 50 }, (_, i) => i)
		);
		client.destroy();
	});
});
