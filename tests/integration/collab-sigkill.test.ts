/**
 * SIGKILL durability against the real server process: clients type continuously, the server is
 * killed at a random moment, and every edit any client had received from it must be in the
 * database found on disk afterwards. Then the server restarts on the same data directory and
 * the clients resend what was never acknowledged, so in the end nothing at all is lost.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../support/server.ts';
import { loginCookie, socketWithCookie, waitFor } from '../support/collab-client.ts';
import { listDocuments, readStoredDocument } from '../support/collab-server.ts';

const ROUNDS = 4;
const WRITERS = 3;

let server: TestServer | undefined;
afterAll(async () => {
	await server?.stop('SIGKILL');
});

function connect(
	wsBase: string,
	documentId: string,
	cookie: string,
	doc: Y.Doc
): WebsocketProvider {
	return new WebsocketProvider(`${wsBase}/collab`, documentId, doc, {
		disableBc: true,
		WebSocketPolyfill: socketWithCookie(cookie) as unknown as typeof globalThis.WebSocket,
		maxBackoffTime: 200
	});
}

function teardown(provider: WebsocketProvider): void {
	provider.destroy();
	// The awareness timer keeps Node alive; the doc lives on into the next round.
	provider.awareness.destroy();
}

describe('SIGKILL durability', () => {
	it('loses no edit any client had received, over several kills at random moments', async () => {
		server = await startServer();
		const dataDir = server.dataDir;
		const logins = [server.logins.facilitator[0], ...server.logins.arbejdsgruppe];
		const cookies = await Promise.all(
			logins.map((l) => loginCookie(server!.url, l.email, l.password))
		);
		const documentId = listDocuments(dataDir).find((d) => d.kind === 'template')!.id;
		const docs = Array.from({ length: WRITERS }, () => new Y.Doc());
		/** Items each writer has produced (its own array w<i> holds 0..n-1). */
		const produced = docs.map(() => 0);
		let receivedSomethingInRounds = 0;

		for (let round = 0; round < ROUNDS; round++) {
			const wsBase = server.url.replace('http', 'ws');
			const providers = docs.map((doc, i) => connect(wsBase, documentId, cookies[i], doc));
			await waitFor(() => providers.every((p) => p.synced), 'providers synced', 10_000);
			let isTyping = true;
			const typists = docs.map(async (doc, i) => {
				while (isTyping) {
					doc.getArray<number>(`w${i}`).push([produced[i]++]);
					await new Promise((resolve) => setTimeout(resolve, 3 + Math.random() * 10));
				}
			});
			await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 900));
			await server.stop('SIGKILL');
			isTyping = false;
			await Promise.all(typists);
			await waitFor(() => providers.every((p) => !p.wsconnected), 'sockets closed');

			// What each writer's items were seen by the others (they can only have them from the server).
			const stored = readStoredDocument(dataDir, documentId);
			for (let i = 0; i < WRITERS; i++) {
				const seen = Math.max(
					...docs.filter((_, j) => j !== i).map((doc) => doc.getArray(`w${i}`).length)
				);
				if (seen > 0) receivedSomethingInRounds++;
				const recovered = stored.getArray<number>(`w${i}`).toArray();
				expect(recovered.length, `round ${round}, writer ${i}`).toBeGreaterThanOrEqual(seen);
				expect(recovered.slice(0, seen)).toEqual(Array.from({ length: seen }, (_, k) => k));
			}
			for (const provider of providers) teardown(provider);
			server = await startServer({ dataDir });
		}
		expect(receivedSomethingInRounds).toBeGreaterThan(ROUNDS);

		// After the last restart the writers resend what was never acknowledged: all is there.
		const wsBase = server.url.replace('http', 'ws');
		const providers = docs.map((doc, i) => connect(wsBase, documentId, cookies[i], doc));
		const check = new Y.Doc();
		const checker = connect(wsBase, documentId, cookies[0], check);
		await waitFor(
			() => docs.every((_, i) => check.getArray(`w${i}`).length === produced[i]),
			'every edit on the server',
			15_000
		);
		for (let i = 0; i < WRITERS; i++) {
			expect(check.getArray(`w${i}`).toArray()).toEqual(
				Array.from({ length: produced[i] }, (_, k) => k)
			);
		}
		for (const provider of [...providers, checker]) teardown(provider);
	}, 120_000);
});
