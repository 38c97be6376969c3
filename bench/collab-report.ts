/** Shapes and text form of the collaboration benchmark's report. */
import type { machine, percentiles } from './proc-stats.ts';

export type Latency = ReturnType<typeof percentiles>;
/** Server-side time from frame received to broadcast sent, from the server's metric log lines. */
export type Residence = { windows: number; worstP50Ms: number; worstP99Ms: number; maxMs: number };

/** One cold load: the client's connect→synced and the server's own figures (read + build). */
export type ColdLoad = {
	clientMs: number;
	/** Wall time, its read and build parts, and the CPU time the loading thread used. */
	server: { ms: number; readMs: number; buildMs: number; cpuMs: number } | null;
	logBytes: number;
};

export type TypingReport = {
	latencyMs: Latency;
	delivered: number;
	expected: number;
	edits: number;
	serverCpuSeconds: number;
	benchClientCpuSeconds: number;
	serverResidence: Residence;
};

export type Report = {
	bench: 'collab';
	machine: ReturnType<typeof machine>;
	seconds: number;
	rateHz: number;
	oneDocFiftyClients: TypingReport;
	tenDocsTenClients: TypingReport;
	firstEverLoad10kUpdates: ColdLoad;
	/** Logs of three people typing (the target measure). */
	coldLoad10kUpdates: ColdLoad[];
	/** Logs whose every keystroke was typed apart from the previous one (the worst case). */
	coldLoad10kScattered: ColdLoad[];
	smallDocWhileLoading5MB: {
		documentBytes: number;
		loads: { clientMs: number; bytes: number }[];
		serverLoadMs: number | null;
		baselineMs: Latency;
		whileLoadingMs: Latency;
		delivered: number;
		expected: number;
		serverResidence: Residence;
	};
	serverMemoryMiB: Record<string, number>;
	/** process.memoryUsage() of the server at its baseline and ~25 s after the last unload. */
	serverMemoryBreakdownMiB: Record<string, Record<string, number> | null>;
	serverCpuSecondsTotal: number;
	wallSeconds: number;
};

/** The metric lines (`collab metrics`) the server logged between `from` and `to` (+ one interval). */
export function residence(output: string, from: number, to: number, intervalMs = 5000): Residence {
	const windows: { p50Ms: number; p99Ms: number; maxMs: number }[] = [];
	for (const line of output.split('\n')) {
		if (!line.includes('"collab metrics"')) continue;
		const entry = JSON.parse(line) as { time: string; p50Ms: number; p99Ms: number; maxMs: number };
		const at = Date.parse(entry.time);
		if (at > from && at <= to + intervalMs) windows.push(entry);
	}
	return {
		windows: windows.length,
		worstP50Ms: Math.max(0, ...windows.map((w) => w.p50Ms)),
		worstP99Ms: Math.max(0, ...windows.map((w) => w.p99Ms)),
		maxMs: Math.max(0, ...windows.map((w) => w.maxMs))
	};
}

const cold = (c: ColdLoad) =>
	c.server
		? `server ${c.server.ms} ms (read ${c.server.readMs} + build ${c.server.buildMs}; CPU ${c.server.cpuMs}) / client ${c.clientMs} ms`
		: `server ? / client ${c.clientMs} ms`;

const lat = (p: Latency) =>
	`p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms, max ${p.max} ms (n=${p.n})`;
const res = (r: Residence) =>
	`server residence worst window p50 ${r.worstP50Ms} ms, p99 ${r.worstP99Ms} ms, max ${r.maxMs} ms`;

function typingLine(label: string, t: TypingReport): string[] {
	return [
		`${label}: ${lat(t.latencyMs)}`,
		`    delivered ${t.delivered}/${t.expected} (${t.edits} edits); server CPU ${t.serverCpuSeconds} s; bench clients CPU ${t.benchClientCpuSeconds} s`,
		`    ${res(t.serverResidence)}`
	];
}

/** The human-readable form. */
export function reportText(r: Report): string {
	const big = r.smallDocWhileLoading5MB;
	return [
		`Machine: ${r.machine.nproc} cores, ${r.machine.cpu}, ${r.machine.memoryGiB} GiB; load average at end ${r.machine.loadavg}`,
		`Typing: ${r.rateHz} edits/s per client for ${r.seconds} s`,
		...typingLine('1 doc × 50 clients  ', r.oneDocFiftyClients),
		...typingLine('10 docs × 10 clients', r.tenDocsTenClients),
		`Cold load, 10,000 logged keystrokes (server = read + rebuild; client = connect → synced):`,
		`    first load in this process, code not yet compiled (JIT), not the target measure: ${cold(r.firstEverLoad10kUpdates)}`,
		`    three other documents, three people typing: ${r.coldLoad10kUpdates.map(cold).join('; ')}`,
		`    worst case, three documents whose every keystroke was typed apart: ${r.coldLoad10kScattered.map(cold).join('; ')}`,
		`5 MB document (${big.documentBytes} bytes) cold loads, connect to synced: ${big.loads.map((l) => `${l.clientMs} ms`).join(', ')}; server load ${big.serverLoadMs} ms`,
		`Small doc while 5 MB loads: baseline ${lat(big.baselineMs)}`,
		`                            during   ${lat(big.whileLoadingMs)}`,
		`    delivered ${big.delivered}/${big.expected}; ${res(big.serverResidence)}`,
		'Targets (2 cores): p99 ≤ 25 ms at 1 × 50 and ≤ 5 ms at 10 × 10, all delivered, cold load ≤ 20 ms,',
		'    small-doc p99 moves by ≤ 10 ms while the 5 MB one loads.',
		`Server RSS (MiB): ${Object.entries(r.serverMemoryMiB)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}; server CPU total ${r.serverCpuSecondsTotal} s; wall ${r.wallSeconds} s`,
		...Object.entries(r.serverMemoryBreakdownMiB).map(
			([k, v]) =>
				`    ${k}: ${
					v
						? Object.entries(v)
								.map(([name, mib]) => `${name} ${mib}`)
								.join(', ')
						: 'not logged'
				}`
		)
	].join('\n');
}
