/**
 * Every way a session ends reaches its open collaboration sockets and run event streams at once,
 * against the real server with real y-websocket clients: logout through the form and the API, a
 * password change (the other sessions), `npm run cli -- reset-password` from another process,
 * idle and absolute expiry, and removal from the workshop. Each test checks that the socket and
 * the stream close within a second of the end, and that an edit sent right after the end is not
 * stored (read back from the database), while one sent before it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { formLogin, runCli } from '../support/cli.ts';
import { demoDocuments, type DemoDocuments } from '../support/demo-documents.ts';
import { connectClient, rawSocket, waitFor, type TestClient } from '../support/collab-client.ts';
import { updateFrame } from '../support/collab-frames.ts';
import { loadStoredDoc } from '../support/stored-doc.ts';
import { openDataDir } from '../support/collab-server.ts';
import { meSchema } from '#lib/domain/api-schemas.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import { hashToken } from '#lib/server/platform/ids.ts';

/** The budget the issue sets: a session's sockets and streams end within a second of its end. */
const WITHIN_MS = 1000;

/** Real time has to pass for a commit that would store a late edit; there is no event to await. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one session holds open: a stock provider, a raw socket and a run event stream. */
type Held = {
	client: TestClient;
	raw: ReturnType<typeof rawSocket>;
	/** When the provider's socket closed, and with which code. */
	closed: () => { at: number; code: number } | null;
	/** When the server ended the event stream. */
	streamEndedAt: () => number | null;
	release: () => void;
};

async function hold(server: TestServer, docs: DemoDocuments, cookie: string): Promise<Held> {
	const wsBase = server.url.replace(/^http/, 'ws');
	const client = connectClient(wsBase, docs.drejebog, cookie, { shouldReconnect: false });
	let closed: { at: number; code: number } | null = null;
	client.provider.on('connection-close', (event) => {
		closed ??= { at: Date.now(), code: event?.code ?? 0 };
	});
	const raw = rawSocket(wsBase, docs.drejebog, cookie);
	const controller = new AbortController();
	const response = await fetch(`${server.url}/api/v1/workshops/${docs.workshopId}/run/events`, {
		headers: { accept: 'text/event-stream', cookie },
		signal: controller.signal
	});
	expect(response.status).toBe(200);
	let streamEndedAt: number | null = null;
	const reader = response.body!.getReader();
	void (async () => {
		try {
			while (!(await reader.read()).done);
			streamEndedAt = Date.now();
		} catch {
			// Aborted by the test.
		}
	})();
	await Promise.all([client.synced, raw.opened]);
	return {
		client,
		raw,
		closed: () => closed,
		streamEndedAt: () => streamEndedAt,
		release: () => {
			client.destroy();
			raw.ws.terminate();
			controller.abort();
		}
	};
}

function storedText(server: TestServer, docs: DemoDocuments): string {
	return loadStoredDoc(server.dataDir, docs.drejebog).getText('t').toJSON();
}

/** An edit through the stock provider, stored before the session ends: the channel works. */
async function editBefore(server: TestServer, docs: DemoDocuments, held: Held, marker: string) {
	held.client.doc.getText('t').insert(0, marker);
	await waitFor(() => storedText(server, docs).includes(marker), `${marker} stored`);
}

/**
 * Right after the end: the provider edits (it sends if it still thinks it is connected) and the
 * raw socket sends an update of its own if the server has not closed it yet.
 */
function editAfter(held: Held, marker: string): void {
	held.client.doc.getText('t').insert(0, `${marker}-provider `);
	const late = new Y.Doc();
	late.getText('t').insert(0, `${marker}-raw `);
	if (held.raw.ws.readyState === held.raw.ws.OPEN) {
		held.raw.ws.send(updateFrame(Y.encodeStateAsUpdate(late)));
	}
}

/**
 * Both the socket and the stream ended within the budget after `endedAt`, and nothing late was
 * stored. `endedAt` is when the request or command that ended the session had answered (the end
 * is its commit, before the answer; the work before the commit, such as hashing a password, is not
 * counted), or the expiry time.
 */
async function expectEnded(
	server: TestServer,
	docs: DemoDocuments,
	held: Held,
	endedAt: number,
	marker: string,
	code: number = CLOSE_CODES.sessionEnded
) {
	await waitFor(() => held.closed() !== null, 'the socket to close', 5000);
	await waitFor(() => held.streamEndedAt() !== null, 'the stream to end', 5000);
	expect(held.closed()!.code).toBe(code);
	expect(held.closed()!.at - endedAt).toBeLessThan(WITHIN_MS);
	expect(held.streamEndedAt()! - endedAt).toBeLessThan(WITHIN_MS);
	expect((await held.raw.closed).code).toBe(code);
	await sleep(300);
	expect(storedText(server, docs)).not.toContain(marker);
	held.release();
}

async function apiLogin(server: TestServer, email: string, password: string): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	expect((await client.login(email, password)).status).toBe(200);
	return client;
}

describe('session ends close sockets and streams at once', () => {
	let server: TestServer;
	let docs: DemoDocuments;
	let member: { email: string; password: string };

	beforeAll(async () => {
		server = await startServer();
		docs = demoDocuments(server);
		member = { ...server.logins.arbejdsgruppe[0] };
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('logout through the API', async () => {
		const session = await apiLogin(server, member.email, member.password);
		const held = await hold(server, docs, session.cookieHeader);
		await editBefore(server, docs, held, 'FØR-API ');
		expect((await session.request('DELETE', '/api/v1/session')).status).toBe(204);
		const endedAt = Date.now();
		editAfter(held, 'EFTER-API');
		await expectEnded(server, docs, held, endedAt, 'EFTER-API');
	});

	it('logout through the form', async () => {
		const cookie = await formLogin(server.url, member.email, member.password);
		expect(cookie).not.toBeNull();
		const held = await hold(server, docs, cookie!);
		await editBefore(server, docs, held, 'FØR-FORM ');
		const response = await fetch(`${server.url}/logout`, {
			method: 'POST',
			headers: {
				cookie: cookie!,
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: '',
			redirect: 'manual'
		});
		await response.arrayBuffer();
		expect(response.status).toBe(303);
		const endedAt = Date.now();
		editAfter(held, 'EFTER-FORM');
		await expectEnded(server, docs, held, endedAt, 'EFTER-FORM');
	});

	it('a password change ends the other sessions, not the one that changed it', async () => {
		const other = await apiLogin(server, member.email, member.password);
		const changer = await apiLogin(server, member.email, member.password);
		const held = await hold(server, docs, other.cookieHeader);
		const kept = await hold(server, docs, changer.cookieHeader);
		await editBefore(server, docs, held, 'FØR-SKIFT ');
		const newPassword = 'et-helt-nyt-kodeord-1';
		const response = await changer.request('POST', '/api/v1/me/password', {
			currentPassword: member.password,
			newPassword,
			confirmPassword: newPassword
		});
		expect(response.status).toBe(204);
		const endedAt = Date.now();
		member.password = newPassword;
		editAfter(held, 'EFTER-SKIFT');
		await expectEnded(server, docs, held, endedAt, 'EFTER-SKIFT');
		// The session that changed the password keeps its socket, and its edits are stored.
		expect(kept.closed()).toBeNull();
		expect(kept.streamEndedAt()).toBeNull();
		await editBefore(server, docs, kept, 'BEHOLDT ');
		kept.release();
	});

	it('npm run cli -- reset-password, from another process', async () => {
		const session = await apiLogin(server, member.email, member.password);
		const held = await hold(server, docs, session.cookieHeader);
		await editBefore(server, docs, held, 'FØR-CLI ');
		const newPassword = 'nulstillet-kodeord-1';
		const result = await runCli(server.dataDir, ['reset-password', '--email', member.email], {
			stdin: `${newPassword}\n`
		});
		const exitedAt = Date.now();
		expect(result.code, result.stderr).toBe(0);
		member.password = newPassword;
		// Sent at once: the server may not have looked at the sessions since the CLI's commit.
		editAfter(held, 'EFTER-CLI');
		await expectEnded(server, docs, held, exitedAt, 'EFTER-CLI');
		expect((await session.request('GET', '/api/v1/me')).status).toBe(401);
	});

	it('removal from the workshop', async () => {
		const { email, password } = server.logins.arbejdsgruppe[1];
		const session = await apiLogin(server, email, password);
		const held = await hold(server, docs, session.cookieHeader);
		await editBefore(server, docs, held, 'FØR-FJERNET ');
		const me = meSchema.parse((await session.request('GET', '/api/v1/me')).body);
		const facilitator = await apiLogin(
			server,
			server.logins.facilitator[0].email,
			server.logins.facilitator[0].password
		);
		const removal = await facilitator.request(
			'DELETE',
			`/api/v1/workshops/${docs.workshopId}/members/${me.id}`
		);
		expect(removal.status).toBe(204);
		const endedAt = Date.now();
		editAfter(held, 'EFTER-FJERNET');
		await expectEnded(server, docs, held, endedAt, 'EFTER-FJERNET', CLOSE_CODES.accessRevoked);
	});
});

describe('session expiry closes sockets and streams at the expiry time', () => {
	const IDLE_SECONDS = 3;
	const ABSOLUTE_SECONDS = 8;
	let server: TestServer;
	let docs: DemoDocuments;

	beforeAll(async () => {
		server = await startServer({
			env: {
				FORMVAERK_SESSION_IDLE_SECONDS: String(IDLE_SECONDS),
				FORMVAERK_SESSION_ABSOLUTE_SECONDS: String(ABSOLUTE_SECONDS)
			}
		});
		docs = demoDocuments(server);
	});
	afterAll(async () => {
		await server?.stop();
	});

	/** The session behind `cookie` as the database holds it now, and when it expires. */
	function sessionTimes(cookie: string) {
		const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
		const db = openDataDir(server.dataDir);
		try {
			const row = db
				.prepare('SELECT created_at, last_seen_at FROM sessions WHERE token_hash = ?')
				.get(hashToken(token)) as { created_at: number; last_seen_at: number };
			const absolute = row.created_at + ABSOLUTE_SECONDS * 1000;
			return { absolute, expiresAt: Math.min(row.last_seen_at + IDLE_SECONDS * 1000, absolute) };
		} finally {
			db.close();
		}
	}

	it('an idle session: open sockets and streams do not keep it alive', async () => {
		const { email, password } = server.logins.arbejdsgruppe[0];
		const session = await apiLogin(server, email, password);
		const held = await hold(server, docs, session.cookieHeader);
		await editBefore(server, docs, held, 'FØR-INAKTIV ');
		// The edit counted as use; from now on nothing touches the session.
		const deadline = sessionTimes(session.cookieHeader).expiresAt;
		await sleep(deadline - Date.now() + 5);
		editAfter(held, 'EFTER-INAKTIV');
		await expectEnded(server, docs, held, deadline, 'EFTER-INAKTIV');
		expect(held.closed()!.at).toBeGreaterThanOrEqual(deadline - 50);
		expect((await session.request('GET', '/api/v1/me')).status).toBe(401);
	});

	it('an active session at its absolute lifetime', async () => {
		const { email, password } = server.logins.arbejdsgruppe[1];
		const session = await apiLogin(server, email, password);
		const held = await hold(server, docs, session.cookieHeader);
		await editBefore(server, docs, held, 'FØR-LEVETID ');
		const { absolute } = sessionTimes(session.cookieHeader);
		// In use all along (a request every half second), so only the absolute lifetime ends it.
		while (Date.now() < absolute - 600) {
			expect((await session.request('GET', '/api/v1/me')).status).toBe(200);
			await sleep(500);
		}
		expect(sessionTimes(session.cookieHeader).expiresAt).toBe(absolute);
		await sleep(absolute - Date.now() + 5);
		editAfter(held, 'EFTER-LEVETID');
		await expectEnded(server, docs, held, absolute, 'EFTER-LEVETID');
		expect(held.closed()!.at).toBeGreaterThanOrEqual(absolute - 50);
	});
});
