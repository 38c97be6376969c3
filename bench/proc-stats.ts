/** Reads a process's memory and CPU use from /proc (Linux), and summarises latency samples. */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** Peak and current resident memory in MiB (VmHWM, VmRSS). */
export function memory(pid: number): { peakMiB: number; rssMiB: number } {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
	return { peakMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
}

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the parenthesised command name; utime and stime are fields 14 and 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** p50/p95/p99/max of samples in ms, rounded to 0.01. */
export function percentiles(samples: ArrayLike<number>): {
	p50: number;
	p95: number;
	p99: number;
	max: number;
	n: number;
} {
	const sorted = Float64Array.from(samples).sort();
	const at = (q: number) =>
		sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
	const round = (x: number) => Math.round(x * 100) / 100;
	return {
		p50: round(at(0.5)),
		p95: round(at(0.95)),
		p99: round(at(0.99)),
		max: round(at(1)),
		n: sorted.length
	};
}

/** The machine, for the report. */
export function machine(): { nproc: number; cpu: string; memoryGiB: number; loadavg: string } {
	const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
	const meminfo = fs.readFileSync('/proc/meminfo', 'utf8');
	return {
		nproc: Number(execFileSync('nproc').toString().trim()),
		cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
		memoryGiB: Math.round(Number(/^MemTotal:\s+(\d+)/m.exec(meminfo)?.[1] ?? 0) / 1024 / 1024),
		loadavg: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
	};
}
