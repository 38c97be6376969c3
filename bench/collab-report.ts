/** Shapes and text form of the collaboration benchmark's report. */
import type { machine, percentiles } from './proc-stats.ts';

export type Latency = ReturnType<typeof percentiles>;
/** Server-side time from frame received to broadcast sent, from the server's metric log lines. */
export type Residence = { windows: number; worstP50Ms: number; worstP99Ms: number; maxMs: number };

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
	coldLoad10kUpdates: { clientMs: number; serverMs: number | null; logBytes: number }[];
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
		`Cold load, 10,000 logged updates: ${r.coldLoad10kUpdates.map((c) => `server ${c.serverMs} ms / client ${c.clientMs} ms`).join('; ')}`,
		`5 MB document (${big.documentBytes} bytes) cold loads, connect to synced: ${big.loads.map((l) => `${l.clientMs} ms`).join(', ')}; server load ${big.serverLoadMs} ms`,
		`Small doc while 5 MB loads: baseline ${lat(big.baselineMs)}`,
		`                            during   ${lat(big.whileLoadingMs)}`,
		`    delivered ${big.delivered}/${big.expected}; ${res(big.serverResidence)}`,
		`Server memory (MiB): ${Object.entries(r.serverMemoryMiB)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}; server CPU total ${r.serverCpuSecondsTotal} s; wall ${r.wallSeconds} s`
	].join('\n');
}
