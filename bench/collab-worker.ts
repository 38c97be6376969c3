/**
 * Benchmark clients, run in worker threads (typists) or a process of their own (a loader, see
 * client-handle.ts) so that client-side work (fifty providers applying every update, or one
 * loading 5 MB) does not sit in the same event loop as the clock that measures them. Each client
 * is a stock y-websocket provider over `ws` with a session cookie.
 *
 * Jobs:
 * - `typists`: clients in given documents make one edit (`edits[<client>:<seq>] = sentAt`) at a
 *   human rate; every other client records `receivedAt - sentAt` (the propagation latency).
 * - `loader`: connects to a document `times` times, measuring connect-to-synced.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { socketWithCookie } from '../tests/support/collab-client.ts';

export type TypistsJob = {
	kind: 'typists';
	wsBase: string;
	cookie: string;
	docs: { id: string; clients: number }[];
	/** Mean edits per second per client. */
	rateHz: number;
	durationMs: number;
};
export type LoaderJob = {
	kind: 'loader';
	wsBase: string;
	cookie: string;
	documentId: string;
	times: number;
	/** Pause between loads, longer than the server's unload delay so each load is cold. */
	pauseMs: number;
};
export type Job = TypistsJob | LoaderJob;

export type TypistsResult = {
	latencies: Float64Array;
	sentAt: Float64Array;
	delivered: number;
	expected: number;
};
export type LoadSample = { startedAt: number; endedAt: number; ms: number; bytes: number };

/** Wall-clock milliseconds with sub-millisecond precision, comparable across threads. */
const now = () => performance.timeOrigin + performance.now();
/** A message from the bench (`start`, `totals`). */
type Listener = (message: { type: string; value: never }) => void;
/** The bench: a worker thread's port, or the IPC channel of a child process. */
type Port = {
	postMessage(message: unknown): void;
	on(event: 'message', listener: Listener): unknown;
	off(event: 'message', listener: Listener): unknown;
};
const port: Port = parentPort ?? {
	postMessage: (message) => process.send!(message),
	on: (_event, listener) => process.on('message', listener as (message: unknown) => void),
	off: (_event, listener) => process.off('message', listener as (message: unknown) => void)
};

type Client = { doc: Y.Doc; provider: WebsocketProvider; docId: string; seq: number };

function connect(job: { wsBase: string; cookie: string }, documentId: string): Client {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${job.wsBase}/collab`, documentId, doc, {
		disableBc: true,
		WebSocketPolyfill: socketWithCookie(job.cookie) as unknown as typeof globalThis.WebSocket
	});
	return { doc, provider, docId: documentId, seq: 0 };
}

function destroy(client: Client): void {
	client.provider.destroy();
	client.provider.awareness.destroy();
	client.doc.destroy();
}

function message<T>(type: string): Promise<T> {
	return new Promise((resolve) => {
		const listener = (data: { type: string; value: T }) => {
			if (data.type !== type) return;
			port.off('message', listener);
			resolve(data.value);
		};
		port.on('message', listener);
	});
}

async function untilSynced(clients: Client[]): Promise<void> {
	await Promise.all(
		clients.map(
			(c) =>
				new Promise<void>((resolve) =>
					c.provider.synced ? resolve() : c.provider.once('sync', () => resolve())
				)
		)
	);
}

async function runTypists(job: TypistsJob): Promise<void> {
	const clients: Client[] = [];
	for (const d of job.docs) {
		for (let i = 0; i < d.clients; i++) clients.push(connect(job, d.id));
	}
	await untilSynced(clients);
	const latencies: number[] = [];
	const sentAts: number[] = [];
	for (const client of clients) {
		// A map keyed by `<writer clientID>:<seq>`: its events list the changed keys directly,
		// where an array's delta walks the whole array on every event (quadratic client cost).
		const edits = client.doc.getMap<number>('edits');
		edits.observe((event) => {
			if (event.transaction.local) return;
			const receivedAt = now();
			// Yjs types keysChanged as Set<any>; the keys of a map are strings.
			for (const key of event.keysChanged as Set<string>) {
				const sentAt = edits.get(key)!;
				latencies.push(receivedAt - sentAt);
				sentAts.push(sentAt);
			}
		});
	}
	port.postMessage({ type: 'ready' });
	await message<null>('start');
	const stopAt = now() + job.durationMs;
	const meanGap = 1000 / job.rateHz;
	await Promise.all(
		clients.map(async (client) => {
			// Random phase, then gaps of 0.5-1.5x the mean: people do not type in lockstep.
			await new Promise((resolve) => setTimeout(resolve, Math.random() * meanGap));
			while (now() < stopAt) {
				client.doc.getMap('edits').set(`${client.doc.clientID}:${client.seq++}`, now());
				await new Promise((resolve) => setTimeout(resolve, meanGap * (0.5 + Math.random())));
			}
		})
	);
	const produced: Record<string, number> = {};
	for (const c of clients) produced[c.docId] = (produced[c.docId] ?? 0) + c.seq;
	port.postMessage({ type: 'typed', value: produced });
	const totals = await message<Record<string, number>>('totals');
	const deadline = now() + 15_000;
	const isDelivered = () => clients.every((c) => c.doc.getMap('edits').size === totals[c.docId]);
	while (!isDelivered() && now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	const expected = clients.reduce((sum, c) => sum + totals[c.docId] - c.seq, 0);
	const result: TypistsResult = {
		latencies: Float64Array.from(latencies),
		sentAt: Float64Array.from(sentAts),
		delivered: latencies.length,
		expected
	};
	for (const client of clients) destroy(client);
	port.postMessage({ type: 'result', value: result });
}

async function runLoader(job: LoaderJob): Promise<void> {
	// The loading client stands for another laptop: it runs niced in a process of its own
	// (client-handle.ts), so its 5 MB apply only takes CPU the server and typists leave.
	const samples: LoadSample[] = [];
	port.postMessage({ type: 'ready' });
	await message<null>('start');
	for (let i = 0; i < job.times; i++) {
		const startedAt = now();
		const client = connect(job, job.documentId);
		await untilSynced([client]);
		const endedAt = now();
		samples.push({
			startedAt,
			endedAt,
			ms: endedAt - startedAt,
			bytes: Y.encodeStateAsUpdate(client.doc).length
		});
		destroy(client);
		await new Promise((resolve) => setTimeout(resolve, job.pauseMs));
	}
	port.postMessage({ type: 'result', value: samples });
}

const job = (workerData ?? JSON.parse(process.env.BENCH_JOB!)) as Job;
await (job.kind === 'typists' ? runTypists(job) : runLoader(job));
