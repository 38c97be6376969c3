/**
 * `npm run bench:collab`: starts the real server (server/index.ts, temporary data directory)
 * and measures the collaboration engine end to end with stock y-websocket clients.
 *
 * Reports, as text and as one JSON line: propagation latency with 1 document × 50 clients and
 * 10 × 10 (each client ~4 edits/s), delivered/expected edits, server peak RSS and CPU seconds,
 * the cold load of a document whose log holds 10,000 keystrokes of three people typing (after a
 * first such load on another document has compiled the code paths; that one is reported apart)
 * and of one whose 10,000 keystrokes were all typed apart (the worst case), a small document's
 * latency while another client cold-loads a 5 MB document, and the server's memory (RSS and
 * its breakdown from the server's own "collab idle memory" lines) at its baseline, at its peak
 * and ~25 s after every room unloaded. `BENCH_SECONDS` sets the typing phases (20).
 * Exits 1 when any edit was not delivered.
 */
import { startServer } from '../tests/support/server.ts';
import { loginCookie } from '../tests/support/collab-client.ts';
import { findUserByEmail } from '#lib/server/accounts/accounts.ts';
import { cpuSeconds, machine, memory, percentiles } from './proc-stats.ts';
import {
	createDocuments,
	ensureBuild,
	writeLargeSnapshot,
	writeUpdateLog,
	type LogShape
} from './collab-setup.ts';
import {
	reportText,
	residence,
	type ColdLoad,
	type Report,
	type TypingReport
} from './collab-report.ts';
import type { Job, LoadSample, TypistsJob } from './collab-worker.ts';
import { spawnClients as spawn } from './client-handle.ts';
import { oneByFifty, round, runTyping, sleep, tenByTen } from './typing-run.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE_HZ = 4;

/** A typing phase against this server, with the server's own residence figures. */
async function typing(jobs: TypistsJob[], during?: { job: Job; delayMs: number }) {
	const run = await runTyping(pid, jobs, during);
	const report: TypingReport = {
		latencyMs: run.latencyMs,
		delivered: run.delivered,
		expected: run.expected,
		edits: run.edits,
		serverCpuSeconds: run.serverCpuSeconds,
		benchClientCpuSeconds: run.benchClientCpuSeconds,
		serverResidence: residence(server.output(), run.startedAt, run.endedAt)
	};
	return { report, results: run.results, loads: run.loads };
}

type LoadLine = { ms: number; readMs: number; buildMs: number; cpuMs: number };

/** The server's own load of a document, from its "room loaded" log line. */
function serverLoad(documentId: string): LoadLine | null {
	const line = server
		.output()
		.split('\n')
		.find((l) => l.includes('"room loaded"') && l.includes(documentId));
	if (!line) return null;
	const entry = JSON.parse(line) as LoadLine;
	return {
		ms: round(entry.ms),
		readMs: round(entry.readMs),
		buildMs: round(entry.buildMs),
		cpuMs: round(entry.cpuMs)
	};
}

const serverLoadMs = (documentId: string) => serverLoad(documentId)?.ms ?? null;

type MemoryLine = { memoryMiB: Record<string, number> };

/** The server's "collab idle memory" lines so far (it logs a few after start and after use). */
function idleMemoryLines(): MemoryLine[] {
	return server
		.output()
		.split('\n')
		.filter((l) => l.includes('"collab idle memory"'))
		.map((l) => JSON.parse(l) as MemoryLine);
}

/** Waits until the server has logged `count` idle memory lines in all (or 45 s passed). */
async function untilIdleMemoryLines(count: number): Promise<MemoryLine | undefined> {
	const deadline = Date.now() + 45_000;
	while (idleMemoryLines().length < count && Date.now() < deadline) await sleep(250);
	return idleMemoryLines().at(-1);
}

/** Times one client's connect→synced on a document; the server's figures come from its log. */
async function coldLoad(
	client: { wsBase: string; cookie: string },
	documentId: string,
	logBytes: number
) {
	const loader = spawn({ kind: 'loader', ...client, documentId, times: 1, pauseMs: 0 });
	await loader.next('ready');
	loader.send({ type: 'start' });
	const [sample] = await loader.next<LoadSample[]>('result');
	await loader.stop();
	return { clientMs: round(sample.ms), server: serverLoad(documentId), logBytes };
}

ensureBuild();
const startedAt = Date.now();
// info level: the server logs each room load ("room loaded") and residence metrics.
const server = await startServer({ env: { LOG_LEVEL: 'info' } });
const pid = server.process.pid!;
try {
	const login = server.logins.facilitator[0];
	const cookie = await loginCookie(server.url, login.email, login.password);
	const wsBase = server.url.replace('http', 'ws');
	const docs = createDocuments(server.dataDir, login.email, 20);
	const base = {
		wsBase,
		cookie,
		rateHz: RATE_HZ,
		durationMs: SECONDS * 1000
	};
	// The server logs its memory while idle after start: the baseline, with its breakdown.
	const baselineLine = await untilIdleMemoryLines(1);
	const idleAtStart = memory(pid).rssMiB;

	const one = await typing(oneByFifty(base, docs[0]));
	const afterOne = memory(pid).rssMiB;
	const ten = await typing(tenByTen(base, docs.slice(1, 11)));
	const afterTen = memory(pid).rssMiB;

	const authorId = findUserByEmail(login.email)!.id;
	// The first load of a long log in this process also compiles the code paths (JIT): that is
	// a server's first minute, not a document's cold load. It runs on a document of its own and
	// is reported apart; each measured document is then loaded once, with 10,000 rows in its log.
	// Logs of people typing (the target measure), then the worst case: every keystroke apart.
	const coldDocs = [docs[16], ...docs.slice(11, 14), ...docs.slice(17, 20)];
	const shapes: LogShape[] = [
		'typing',
		'typing',
		'typing',
		'typing',
		'scattered',
		'scattered',
		'scattered'
	];
	const logs = coldDocs.map((id, i) => writeUpdateLog(id, authorId, 10_000, shapes[i]));
	const firstEver = await coldLoad({ wsBase, cookie }, coldDocs[0], logs[0]);
	const cold: ColdLoad[] = [];
	for (let i = 1; i < coldDocs.length; i++) {
		await sleep(500);
		cold.push(await coldLoad({ wsBase, cookie }, coldDocs[i], logs[i]));
	}

	const documentBytes = writeLargeSnapshot(docs[14], 5 * 1024 * 1024);
	const big = await typing([{ kind: 'typists', ...base, docs: [{ id: docs[15], clients: 10 }] }], {
		// Pauses longer than the 2 s unload delay, so every load is cold.
		job: { kind: 'loader', wsBase, cookie, documentId: docs[14], times: 4, pauseMs: 2600 },
		delayMs: Math.min(6000, (SECONDS * 1000) / 4)
	});
	const isDuringLoad = (t: number) =>
		big.loads.some((l) => t >= l.startedAt && t <= l.endedAt + 50);
	const baseline: number[] = [];
	const whileLoading: number[] = [];
	for (const r of big.results) {
		r.latencies.forEach((ms, i) => (isDuringLoad(r.sentAt[i]) ? whileLoading : baseline).push(ms));
	}

	// Every room is empty now and unloads after the 2 s delay; V8 shrinks its heap when idle.
	// The server logs its memory on its first five idle metric ticks (every 5 s): the last is
	// ~25 s after the last room unloaded.
	const peakMiB = memory(pid).peakMiB;
	const idleLinesBefore = idleMemoryLines().length;
	const idleLine = await untilIdleMemoryLines(idleLinesBefore + 5);
	const idleRss = memory(pid).rssMiB;
	const report: Report = {
		bench: 'collab',
		machine: machine(),
		seconds: SECONDS,
		rateHz: RATE_HZ,
		oneDocFiftyClients: one.report,
		tenDocsTenClients: ten.report,
		firstEverLoad10kUpdates: firstEver,
		coldLoad10kUpdates: cold.filter((_, i) => shapes[i + 1] === 'typing'),
		coldLoad10kScattered: cold.filter((_, i) => shapes[i + 1] === 'scattered'),
		smallDocWhileLoading5MB: {
			documentBytes,
			loads: big.loads.map((l) => ({ clientMs: Math.round(l.ms), bytes: l.bytes })),
			serverLoadMs: serverLoadMs(docs[14]),
			baselineMs: percentiles(baseline),
			whileLoadingMs: percentiles(whileLoading),
			delivered: big.report.delivered,
			expected: big.report.expected,
			serverResidence: big.report.serverResidence
		},
		serverMemoryMiB: {
			idleAtStart: round(idleAtStart, 1),
			afterOneByFifty: round(afterOne, 1),
			afterTenByTen: round(afterTen, 1),
			peak: round(peakMiB, 1),
			idleAfterUnload: round(idleRss, 1)
		},
		serverMemoryBreakdownMiB: {
			baseline: baselineLine?.memoryMiB ?? null,
			idleAfterUnload: idleLine?.memoryMiB ?? null
		},
		serverCpuSecondsTotal: round(cpuSeconds(pid)),
		wallSeconds: Math.round((Date.now() - startedAt) / 1000)
	};
	process.stdout.write(`${reportText(report)}\n${JSON.stringify(report)}\n`);
	const scenarios = [
		report.oneDocFiftyClients,
		report.tenDocsTenClients,
		report.smallDocWhileLoading5MB
	];
	if (scenarios.some((s) => s.delivered !== s.expected)) process.exitCode = 1;
} finally {
	await server.stop('SIGTERM');
}
