/**
 * `npm run bench:collab`: starts the real server (server/index.ts, temporary data directory)
 * and measures the collaboration engine end to end with stock y-websocket clients.
 *
 * Reports, as text and as one JSON line: propagation latency with 1 document × 50 clients and
 * 10 × 10 (each client ~4 edits/s), delivered/expected edits, server peak RSS and CPU seconds,
 * the cold load of a document whose log holds 10,000 updates, and a small document's latency
 * while another client cold-loads a 5 MB document. `BENCH_SECONDS` sets the typing phases (20).
 */
import { Worker } from 'node:worker_threads';
import { startServer } from '../tests/support/server.ts';
import { loginCookie } from '../tests/support/collab-client.ts';
import { cpuSeconds, machine, memory, percentiles } from './proc-stats.ts';
import {
	createDocuments,
	ensureBuild,
	writeLargeSnapshot,
	writeUpdateLog
} from './collab-setup.ts';
import type { Job, LoadSample, TypistsJob, TypistsResult } from './collab-worker.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE_HZ = 4;
const WORKER = new URL('./collab-worker.ts', import.meta.url);

type Handle = { worker: Worker; next: <T>(type: string) => Promise<T> };

function spawn(job: Job): Handle {
	const worker = new Worker(WORKER, { workerData: job });
	const queue: { type: string; value: unknown }[] = [];
	const waiting: { type: string; resolve: (value: unknown) => void }[] = [];
	worker.on('message', (m: { type: string; value: unknown }) => {
		const i = waiting.findIndex((w) => w.type === m.type);
		if (i >= 0) waiting.splice(i, 1)[0].resolve(m.value);
		else queue.push(m);
	});
	worker.on('error', (error) => {
		process.stderr.write(`bench worker failed: ${error.stack ?? String(error)}\n`);
		process.exit(1);
	});
	const next = <T>(type: string) =>
		new Promise<T>((resolve) => {
			const i = queue.findIndex((m) => m.type === type);
			if (i >= 0) resolve(queue.splice(i, 1)[0].value as T);
			else waiting.push({ type, resolve: resolve as (value: unknown) => void });
		});
	return { worker, next };
}

/** Runs typists jobs together; `during` starts at the same moment (the 5 MB loader). */
async function typing(jobs: TypistsJob[], pid: number, during?: { job: Job; delayMs: number }) {
	const handles = jobs.map(spawn);
	await Promise.all(handles.map((h) => h.next('ready')));
	const loader = during ? spawn(during.job) : undefined;
	if (loader) await loader.next('ready');
	const cpuBefore = cpuSeconds(pid);
	const clientCpuBefore = cpuSeconds(process.pid);
	for (const h of handles) h.worker.postMessage({ type: 'start' });
	const loads = loader
		? new Promise<LoadSample[]>((resolve) =>
				setTimeout(() => {
					loader.worker.postMessage({ type: 'start' });
					void loader.next<LoadSample[]>('result').then(resolve);
				}, during!.delayMs)
			)
		: Promise.resolve([]);
	const typed = await Promise.all(handles.map((h) => h.next<Record<string, number>>('typed')));
	const totals: Record<string, number> = {};
	for (const t of typed)
		for (const [doc, n] of Object.entries(t)) totals[doc] = (totals[doc] ?? 0) + n;
	for (const h of handles) h.worker.postMessage({ type: 'totals', value: totals });
	const results = await Promise.all(handles.map((h) => h.next<TypistsResult>('result')));
	const loadSamples = await loads;
	const cpu = cpuSeconds(pid) - cpuBefore;
	const clientCpu = cpuSeconds(process.pid) - clientCpuBefore;
	await Promise.all([...handles, ...(loader ? [loader] : [])].map((h) => h.worker.terminate()));
	const latencies = results.flatMap((r) => [...r.latencies]);
	const sentAt = results.flatMap((r) => [...r.sentAt]);
	return {
		latencies,
		sentAt,
		delivered: results.reduce((s, r) => s + r.delivered, 0),
		expected: results.reduce((s, r) => s + r.expected, 0),
		edits: Object.values(totals).reduce((s, n) => s + n, 0),
		cpuSeconds: Math.round(cpu * 100) / 100,
		benchClientCpuSeconds: Math.round(clientCpu * 100) / 100,
		loads: loadSamples
	};
}

function serverLoadMs(output: string, documentId: string): number | null {
	for (const line of output.split('\n')) {
		if (!line.includes('"room loaded"') || !line.includes(documentId)) continue;
		return Math.round((JSON.parse(line) as { ms: number }).ms * 100) / 100;
	}
	return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

ensureBuild();
const startedAt = Date.now();
// info level: the server logs each room load with its duration ("room loaded").
const server = await startServer({ env: { LOG_LEVEL: 'info' } });
const pid = server.process.pid!;
try {
	const login = server.logins.facilitator[0];
	const cookie = await loginCookie(server.url, login.email, login.password);
	const wsBase = server.url.replace('http', 'ws');
	const docs = createDocuments(server.dataDir, login.email, 16);
	const base = {
		kind: 'typists' as const,
		wsBase,
		cookie,
		rateHz: RATE_HZ,
		durationMs: SECONDS * 1000
	};
	const idleBefore = memory(pid);

	// 1 × 50: one document, its fifty clients split over five worker threads (fifty stock
	// providers applying 200 updates/s each are more client work than one thread keeps up with).
	const one = await typing(
		[0, 1, 2, 3, 4].map((): TypistsJob => ({ ...base, docs: [{ id: docs[0], clients: 10 }] })),
		pid
	);
	const afterOne = memory(pid);
	// 10 × 10: five documents per worker thread.
	const ten = await typing(
		[0, 1].map((w): TypistsJob => ({
			...base,
			docs: docs.slice(1 + w * 5, 6 + w * 5).map((id) => ({ id, clients: 10 }))
		})),
		pid
	);
	const afterTen = memory(pid);

	// Cold load of 10,000 logged updates, three documents.
	const authorId = (await import('#lib/server/accounts.ts')).findUserByEmail(login.email)!.id;
	const cold = [];
	for (const documentId of docs.slice(11, 14)) {
		const logBytes = writeUpdateLog(documentId, authorId, 10_000);
		const loader = spawn({ kind: 'loader', wsBase, cookie, documentId, times: 1, pauseMs: 0 });
		await loader.next('ready');
		loader.worker.postMessage({ type: 'start' });
		const [sample] = await loader.next<LoadSample[]>('result');
		await loader.worker.terminate();
		cold.push({
			clientMs: Math.round(sample.ms * 100) / 100,
			serverMs: serverLoadMs(server.output(), documentId),
			logBytes
		});
	}

	// A small document's latency while another client cold-loads a 5 MB one (four times).
	const bigBytes = writeLargeSnapshot(docs[14], 5 * 1024 * 1024);
	const big = await typing([{ ...base, docs: [{ id: docs[15], clients: 10 }] }], pid, {
		job: { kind: 'loader', wsBase, cookie, documentId: docs[14], times: 4, pauseMs: 2600 },
		delayMs: Math.min(6000, (SECONDS * 1000) / 4)
	});
	const isDuringLoad = (t: number) =>
		big.loads.some((l) => t >= l.startedAt && t <= l.endedAt + 50);
	const baseline = big.latencies.filter((_, i) => !isDuringLoad(big.sentAt[i]));
	const whileLoading = big.latencies.filter((_, i) => isDuringLoad(big.sentAt[i]));

	await sleep(4000); // every room is empty; the unload delay is 2 s
	const report = {
		bench: 'collab',
		machine: machine(),
		seconds: SECONDS,
		rateHz: RATE_HZ,
		oneDocFiftyClients: {
			latencyMs: percentiles(one.latencies),
			delivered: one.delivered,
			expected: one.expected,
			edits: one.edits,
			serverCpuSeconds: one.cpuSeconds
		},
		tenDocsTenClients: {
			latencyMs: percentiles(ten.latencies),
			delivered: ten.delivered,
			expected: ten.expected,
			edits: ten.edits,
			serverCpuSeconds: ten.cpuSeconds
		},
		coldLoad10kUpdates: cold,
		smallDocWhileLoading5MB: {
			documentBytes: bigBytes,
			loads: big.loads.map((l) => ({ clientMs: Math.round(l.ms), bytes: l.bytes })),
			serverLoadMs: serverLoadMs(server.output(), docs[14]),
			baselineMs: percentiles(baseline),
			whileLoadingMs: percentiles(whileLoading),
			delivered: big.delivered,
			expected: big.expected
		},
		serverMemoryMiB: {
			idleAtStart: round(idleBefore.rssMiB),
			afterOneByFifty: round(afterOne.rssMiB),
			afterTenByTen: round(afterTen.rssMiB),
			peak: round(memory(pid).peakMiB),
			idleAtEnd: round(memory(pid).rssMiB)
		},
		serverCpuSecondsTotal: Math.round(cpuSeconds(pid) * 100) / 100,
		wallSeconds: Math.round((Date.now() - startedAt) / 1000)
	};
	printText(report);
	process.stdout.write(`${JSON.stringify(report)}\n`);
	const lost =
		report.oneDocFiftyClients.expected -
		report.oneDocFiftyClients.delivered +
		report.tenDocsTenClients.expected -
		report.tenDocsTenClients.delivered;
	if (lost !== 0) process.exitCode = 1;
} finally {
	await server.stop('SIGTERM');
}

function round(x: number): number {
	return Math.round(x * 10) / 10;
}

function printText(r: {
	machine: ReturnType<typeof machine>;
	oneDocFiftyClients: {
		latencyMs: ReturnType<typeof percentiles>;
		delivered: number;
		expected: number;
		serverCpuSeconds: number;
	};
	tenDocsTenClients: {
		latencyMs: ReturnType<typeof percentiles>;
		delivered: number;
		expected: number;
		serverCpuSeconds: number;
	};
	coldLoad10kUpdates: { clientMs: number; serverMs: number | null }[];
	smallDocWhileLoading5MB: {
		loads: { clientMs: number }[];
		serverLoadMs: number | null;
		baselineMs: ReturnType<typeof percentiles>;
		whileLoadingMs: ReturnType<typeof percentiles>;
	};
	serverMemoryMiB: Record<string, number>;
	serverCpuSecondsTotal: number;
}): void {
	const lat = (p: ReturnType<typeof percentiles>) =>
		`p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms, max ${p.max} ms (n=${p.n})`;
	const lines = [
		`Machine: ${r.machine.nproc} cores, ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, load ${r.machine.loadavg}`,
		`1 doc × 50 clients:   ${lat(r.oneDocFiftyClients.latencyMs)}; delivered ${r.oneDocFiftyClients.delivered}/${r.oneDocFiftyClients.expected}; server CPU ${r.oneDocFiftyClients.serverCpuSeconds} s`,
		`10 docs × 10 clients: ${lat(r.tenDocsTenClients.latencyMs)}; delivered ${r.tenDocsTenClients.delivered}/${r.tenDocsTenClients.expected}; server CPU ${r.tenDocsTenClients.serverCpuSeconds} s`,
		`Cold load, 10,000 logged updates: ${r.coldLoad10kUpdates.map((c) => `${c.serverMs} ms server / ${c.clientMs} ms client`).join('; ')}`,
		`5 MB cold loads: ${r.smallDocWhileLoading5MB.loads.map((l) => `${l.clientMs} ms`).join(', ')} (server load ${r.smallDocWhileLoading5MB.serverLoadMs} ms)`,
		`Small doc latency, baseline:      ${lat(r.smallDocWhileLoading5MB.baselineMs)}`,
		`Small doc latency, while loading: ${lat(r.smallDocWhileLoading5MB.whileLoadingMs)}`,
		`Server memory (MiB): ${Object.entries(r.serverMemoryMiB)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}; CPU total ${r.serverCpuSecondsTotal} s`
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}
