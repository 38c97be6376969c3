/**
 * The run-event stream (`GET /api/v1/workshops/{id}/run/events`) against the real server: it
 * needs a session and access to the workshop, announces timer, agenda, follow and phase changes to
 * everyone in the workshop, ends at logout, when the person is removed from the workshop and when
 * the session's lifetime is over, and does not hold up a graceful shutdown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { demoDocuments, type DemoDocuments } from '../support/demo-documents.ts';
import { meSchema, workshopDetailSchema } from '#lib/domain/api-schemas.ts';

/** An open event stream: what has arrived so far and whether the server ended it. */
type Stream = {
	status: number;
	contentType: string | null;
	text: () => string;
	/** Resolves once the server has ended the stream. */
	ended: Promise<void>;
	close: () => void;
};

async function openStream(server: TestServer, workshopId: string, cookie: string) {
	const controller = new AbortController();
	const response = await fetch(`${server.url}/api/v1/workshops/${workshopId}/run/events`, {
		headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) },
		signal: controller.signal
	});
	let received = '';
	const decoder = new TextDecoder();
	const reader = response.body!.getReader();
	const ended = (async () => {
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) return;
				received += decoder.decode(value, { stream: true });
			}
		} catch {
			// Aborted by the test.
		}
	})();
	return {
		status: response.status,
		contentType: response.headers.get('content-type'),
		text: () => received,
		ended,
		close: () => controller.abort()
	} satisfies Stream;
}

/** The kinds of the `change` events received so far. */
function kinds(stream: Stream): string[] {
	return [...stream.text().matchAll(/^event: change\ndata: (.*)$/gm)].map(
		([, data]) => (JSON.parse(data) as { kind: string }).kind
	);
}

/** The stamps of the stream's `hello` and `change` events so far, in order. */
function stamps(stream: Stream): string[] {
	return [...stream.text().matchAll(/^event: (?:hello|change)\ndata: (.*)$/gm)].map(
		([, data]) => (JSON.parse(data) as { stamp: string }).stamp
	);
}

/** The run-state stamp in a page's server-rendered data (`RunRoomView.stamp`). */
async function pageStamp(client: ApiClient, path: string): Promise<string> {
	const response = await fetch(`${client.baseUrl}${path}`, {
		headers: { cookie: client.cookieHeader }
	});
	expect(response.status).toBe(200);
	const match = /stamp:"([^"]+)"/.exec(await response.text());
	if (!match) throw new Error(`no stamp in ${path}`);
	return match[1];
}

/** Waits for `condition`, polling; the stream delivers asynchronously. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** Resolves to true when `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
	const result = await Promise.race([promise.then(() => true as const), timeout]);
	clearTimeout(timer);
	return result;
}

async function loggedIn(server: TestServer, key: string, index = 0): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	const { email, password } = server.logins[key][index];
	expect((await client.login(email, password)).status).toBe(200);
	return client;
}

describe('the run-event stream', () => {
	let server: TestServer;
	let docs: DemoDocuments;
	let facilitator: ApiClient;
	let member: ApiClient;
	let staff: ApiClient;
	const streams: Stream[] = [];

	beforeAll(async () => {
		server = await startServer();
		docs = demoDocuments(server);
		[facilitator, member, staff] = await Promise.all(
			['facilitator', 'arbejdsgruppe', 'medarbejder'].map((key) => loggedIn(server, key))
		);
	});
	afterAll(async () => {
		for (const stream of streams) stream.close();
		await server?.stop();
	});

	it('needs a session (401) and a workshop one may read (404)', async () => {
		const anonymous = await openStream(server, docs.workshopId, '');
		expect(anonymous.status).toBe(401);
		expect(anonymous.contentType).toMatch(/application\/json/);
		const unknown = await openStream(server, 'abcdefghijklmnopqrstuv', member.cookieHeader);
		expect(unknown.status).toBe(404);
	});

	it('opens at the stamp a page just read, and each change moves it to a later page’s', async () => {
		const documentPage = `/workshops/${docs.workshopId}/documents/${docs.template}`;
		const loaded = await pageStamp(member, documentPage);
		const stream = await openStream(server, docs.workshopId, member.cookieHeader);
		streams.push(stream);
		await waitFor(() => stamps(stream).length === 1, 'the hello');
		// Nothing happened between the page's load and the stream: the page has nothing to reload.
		expect(stamps(stream)).toEqual([loaded]);
		expect(await pageStamp(member, `/workshops/${docs.workshopId}/run`)).toBe(loaded);

		const base = `/api/v1/workshops/${docs.workshopId}/run`;
		expect((await facilitator.request('POST', `${base}/timer`, { action: 'start' })).status).toBe(
			200
		);
		await waitFor(() => stamps(stream).length === 2, 'the change');
		const [, changed] = stamps(stream);
		expect(changed).not.toBe(loaded);
		expect(await pageStamp(member, documentPage)).toBe(changed);

		// A phase change (access) moves it too, and the `access` event carries the new stamp.
		const phase = `/api/v1/workshops/${docs.workshopId}/phase`;
		expect((await facilitator.request('POST', phase, { phase: 'drejebog' })).status).toBe(200);
		await waitFor(() => kinds(stream).includes('access'), 'the access event');
		// The phase change may announce more than `access`: the stream's last stamp reaches the page's.
		const afterPhase = await pageStamp(member, documentPage);
		expect(afterPhase).not.toBe(changed);
		await waitFor(() => stamps(stream).at(-1) === afterPhase, 'the page’s stamp on the stream');
		expect((await facilitator.request('POST', phase, { phase: 'format' })).status).toBe(200);
		expect((await facilitator.request('POST', `${base}/timer`, { action: 'pause' })).status).toBe(
			200
		);
	});

	it('announces timer, agenda and follow changes to everyone in the workshop', async () => {
		const memberStream = await openStream(server, docs.workshopId, member.cookieHeader);
		const staffStream = await openStream(server, docs.workshopId, staff.cookieHeader);
		streams.push(memberStream, staffStream);
		expect(memberStream.status).toBe(200);
		expect(memberStream.contentType).toMatch(/^text\/event-stream/);
		await waitFor(() => memberStream.text().includes(': connected'), 'the first line');

		const base = `/api/v1/workshops/${docs.workshopId}/run`;
		expect((await facilitator.request('POST', `${base}/timer`, { action: 'start' })).status).toBe(
			200
		);
		expect(
			(
				await facilitator.request('PUT', `${base}/follow`, {
					documentId: docs.template,
					elementId: 'section-header'
				})
			).status
		).toBe(200);
		expect((await facilitator.request('DELETE', `${base}/follow`)).status).toBe(204);
		for (const stream of [memberStream, staffStream]) {
			await waitFor(() => kinds(stream).length === 3, 'three events');
			expect(kinds(stream)).toEqual(['timer', 'follow', 'follow']);
		}

		// A refused change announces nothing.
		expect((await member.request('POST', `${base}/timer`, { action: 'pause' })).status).toBe(403);
		expect((await member.request('DELETE', `${base}/follow`)).status).toBe(403);
		expect((await facilitator.request('POST', `${base}/timer`, { action: 'pause' })).status).toBe(
			200
		);
		await waitFor(() => kinds(memberStream).length === 4, 'the pause');
		expect(kinds(memberStream)).toEqual(['timer', 'follow', 'follow', 'timer']);
	});

	it('tells everyone in the workshop when its phase changes (`access`), and keeps going', async () => {
		const stream = await openStream(server, docs.workshopId, member.cookieHeader);
		streams.push(stream);
		await waitFor(() => stream.text().includes(': connected'), 'the first line');
		const phase = `/api/v1/workshops/${docs.workshopId}/phase`;
		expect((await facilitator.request('POST', phase, { phase: 'drejebog' })).status).toBe(200);
		await waitFor(() => kinds(stream).includes('access'), 'the access event');
		expect((await facilitator.request('POST', phase, { phase: 'format' })).status).toBe(200);
		await waitFor(() => kinds(stream).length === 2, 'the second access event');
		expect(kinds(stream)).toEqual(['access', 'access']);
	});

	it('ends at logout', async () => {
		const other = await loggedIn(server, 'arbejdsgruppe');
		const stream = await openStream(server, docs.workshopId, other.cookieHeader);
		streams.push(stream);
		await waitFor(() => stream.text().includes(': connected'), 'the first line');
		expect((await other.request('DELETE', '/api/v1/session')).status).toBe(204);
		expect(await settlesWithin(stream.ended, 2000)).toBe(true);
	});

	it('ends when the person is removed from the workshop', async () => {
		const signe = await loggedIn(server, 'arbejdsgruppe', 1);
		const stream = await openStream(server, docs.workshopId, signe.cookieHeader);
		streams.push(stream);
		await waitFor(() => stream.text().includes(': connected'), 'the first line');
		const detail = workshopDetailSchema.parse(
			(await facilitator.request('GET', `/api/v1/workshops/${docs.workshopId}`)).body
		);
		const me = meSchema.parse((await signe.request('GET', '/api/v1/me')).body);
		expect(detail.members.map((m) => m.userId)).toContain(me.id);
		const removal = await facilitator.request(
			'DELETE',
			`/api/v1/workshops/${docs.workshopId}/members/${me.id}`
		);
		expect(removal.status).toBe(204);
		expect(await settlesWithin(stream.ended, 2000)).toBe(true);
		expect((await openStream(server, docs.workshopId, signe.cookieHeader)).status).toBe(404);
	});
});

describe('the run-event stream and the session lifetime', () => {
	let server: TestServer | undefined;
	afterAll(async () => {
		await server?.stop();
	});

	it('ends when the session reaches its absolute lifetime', async () => {
		server = await startServer({
			env: {
				FORMVAERK_SESSION_ABSOLUTE_SECONDS: '3',
				FORMVAERK_RUN_EVENTS_HEARTBEAT_MS: '200'
			}
		});
		const docs = demoDocuments(server);
		const member = await loggedIn(server, 'arbejdsgruppe');
		const stream = await openStream(server, docs.workshopId, member.cookieHeader);
		expect(stream.status).toBe(200);
		await waitFor(() => stream.text().includes(': heartbeat'), 'a heartbeat');
		// The lifetime is counted from the login; the stream must end shortly after it.
		expect(await settlesWithin(stream.ended, 5000)).toBe(true);
		const again = await openStream(server, docs.workshopId, member.cookieHeader);
		expect(again.status).toBe(401);
	});
});

describe('graceful shutdown with a stream open', () => {
	it('ends the stream and exits promptly with code 0', async () => {
		// A long grace period: if the open stream held the shutdown, the exit would take this long.
		const server = await startServer({ env: { FORMVAERK_SHUTDOWN_GRACE_SECONDS: '30' } });
		try {
			const docs = demoDocuments(server);
			const member = await loggedIn(server, 'arbejdsgruppe');
			const stream = await openStream(server, docs.workshopId, member.cookieHeader);
			await waitFor(() => stream.text().includes(': connected'), 'the first line');
			const started = Date.now();
			expect(await server.stop('SIGTERM')).toBe(0);
			expect(Date.now() - started).toBeLessThan(5000);
			expect(await settlesWithin(stream.ended, 1000)).toBe(true);
		} finally {
			await server.stop('SIGKILL');
		}
	});
});
