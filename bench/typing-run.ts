/**
 * One typing phase of the collaboration benchmarks: starts jobs of typing clients
 * (collab-worker.ts) against a server, lets them type, and gathers what they measured. Shared by
 * `bench/collab.ts` (Formværk's server) and `bench/reference-compare.ts` (the same clients
 * against the reference y-websocket server, for a same-machine comparison).
 */
import { cpuSeconds, percentiles } from './proc-stats.ts';
import { spawnClients } from './client-handle.ts';
import type { Job, LoadSample, TypistsJob, TypistsResult } from './collab-worker.ts';

/** Client threads per typing scenario: fifty stock providers applying 200 updates/s each are
 * more client work than one thread keeps up with, and clients would be fifty laptops anyway. */
export const CLIENT_THREADS = 5;

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Typing = Omit<TypistsJob, 'kind' | 'docs'>;

/** 1 document × 50 clients: ten in each client thread. */
export function oneByFifty(typing: Typing, documentId: string): TypistsJob[] {
	return Array.from({ length: CLIENT_THREADS }, () => ({
		kind: 'typists',
		...typing,
		docs: [{ id: documentId, clients: 10 }]
	}));
}

/** 10 documents × 10 clients: two whole documents in each client thread. */
export function tenByTen(typing: Typing, documentIds: string[]): TypistsJob[] {
	return Array.from({ length: CLIENT_THREADS }, (_, t) => ({
		kind: 'typists',
		...typing,
		docs: documentIds.slice(2 * t, 2 * t + 2).map((id) => ({ id, clients: 10 }))
	}));
}

export type TypingRun = {
	latencyMs: ReturnType<typeof percentiles>;
	delivered: number;
	expected: number;
	edits: number;
	serverCpuSeconds: number;
	benchClientCpuSeconds: number;
	/** Wall-clock bounds of the phase, to pick the server's own metric lines. */
	startedAt: number;
	endedAt: number;
	results: TypistsResult[];
	/** The samples of the `during` loader (none without one). */
	loads: LoadSample[];
};

/**
 * Runs typists jobs together against the server process `serverPid`; `during` (a loader job)
 * starts `delayMs` after them.
 */
export async function runTyping(
	serverPid: number,
	jobs: TypistsJob[],
	during?: { job: Job; delayMs: number }
): Promise<TypingRun> {
	const handles = jobs.map(spawnClients);
	await Promise.all(handles.map((h) => h.next('ready')));
	const loader = during ? spawnClients(during.job) : undefined;
	if (loader) await loader.next('ready');
	const startedAt = Date.now();
	const serverCpu = cpuSeconds(serverPid);
	const clientCpu = cpuSeconds(process.pid);
	for (const h of handles) h.send({ type: 'start' });
	const loads = loader
		? sleep(during!.delayMs).then(() => {
				loader.send({ type: 'start' });
				return loader.next<LoadSample[]>('result');
			})
		: Promise.resolve([]);
	const typed = await Promise.all(handles.map((h) => h.next<Record<string, number>>('typed')));
	const totals: Record<string, number> = {};
	for (const t of typed) {
		for (const [doc, n] of Object.entries(t)) totals[doc] = (totals[doc] ?? 0) + n;
	}
	for (const h of handles) h.send({ type: 'totals', value: totals });
	const results = await Promise.all(handles.map((h) => h.next<TypistsResult>('result')));
	const loadSamples = await loads;
	const endedAt = Date.now();
	const run: TypingRun = {
		latencyMs: percentiles(results.flatMap((r) => [...r.latencies])),
		delivered: results.reduce((s, r) => s + r.delivered, 0),
		expected: results.reduce((s, r) => s + r.expected, 0),
		edits: Object.values(totals).reduce((s, n) => s + n, 0),
		serverCpuSeconds: round(cpuSeconds(serverPid) - serverCpu),
		benchClientCpuSeconds: round(cpuSeconds(process.pid) - clientCpu),
		startedAt,
		endedAt,
		results,
		loads: loadSamples
	};
	await Promise.all([...handles, ...(loader ? [loader] : [])].map((h) => h.stop()));
	return run;
}
