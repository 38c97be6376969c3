/**
 * Reads a Chromium trace of the template page (see page-trace.ts): the page's marks, the main
 * thread's busy time between them by kind, and the CPU profile's self time per function. When
 * the build has source maps (`BENCH_SOURCEMAP=1 npm run build`), functions are named by their
 * source file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

export type TraceEvent = {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	id?: string;
	args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
};

type Span = {
	from: string;
	to: string;
	ms: number;
	busyMs: Record<string, number>;
	topFunctions: { name: string; ms: number }[];
	topFiles: { name: string; ms: number }[];
	/** Self time per npm package (`~zod/…` → zod), all files of each summed. */
	topPackages: { name: string; ms: number }[];
	/** Self time of every source file (`BENCH_TRACE_SOURCES` sums some of them). */
	allFiles: { name: string; ms: number }[];
};
/** CPU self time between two marks that need not be neighbours, by file. */
type Window = {
	from: string;
	to: string;
	ms: number;
	selfMs: number;
	byFile: Span['topFiles'];
	byFunction: Span['topFunctions'];
};
export type TraceSummary = {
	marks: { name: string; ms: number }[];
	spans: Span[];
	/** "session shown" → "field shown" (the template's first frame), whatever lies between. */
	window: Window | null;
};

/** Whose self time the windows leave out: not the page's work. */
const NOT_WORK = ['(idle)', '(program)', '(root)'];

const CLIENT_DIR = path.resolve(import.meta.dirname, '..', 'build', 'client');

/** Trace event name → what kind of work it is (self time of the event). */
function kindOf(name: string): string {
	if (/compile|Compile/.test(name)) return 'compile';
	if (name === 'EvaluateScript' || name === 'v8.evaluateModule') return 'evaluate';
	if (/GC|gc/.test(name)) return 'gc';
	if (name === 'ParseHTML') return 'parse html';
	if (/Layout|Style|Paint|Layer|Commit|PrePaint|HitTest/.test(name)) return 'style/layout';
	if (/FunctionCall|TimerFire|EventDispatch|Microtask|v8\.run|Animation|XHR|Callback/.test(name)) {
		return 'script';
	}
	return 'other';
}

/** Self-time segments of the complete (`X`) events of one thread: [start, end, event name]. */
function selfSegments(events: TraceEvent[]): [number, number, string][] {
	const sorted = events
		.filter((e) => e.ph === 'X' && e.dur)
		.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const segments: [number, number, string][] = [];
	const stack: { end: number; name: string; cursor: number }[] = [];
	const close = (until: number) => {
		while (stack.length && stack.at(-1)!.end <= until) {
			const top = stack.pop()!;
			if (top.end > top.cursor) segments.push([top.cursor, top.end, top.name]);
			if (stack.length) stack.at(-1)!.cursor = top.end;
		}
	};
	for (const e of sorted) {
		close(e.ts);
		const parent = stack.at(-1);
		if (parent && e.ts > parent.cursor) segments.push([parent.cursor, e.ts, parent.name]);
		stack.push({
			end: Math.min(e.ts + e.dur!, parent?.end ?? Infinity),
			name: e.name,
			cursor: e.ts
		});
	}
	close(Infinity);
	return segments;
}

const maps = new Map<string, SourceMapConsumer | null>();
function sourceMap(url: string): SourceMapConsumer | null {
	if (!maps.has(url)) {
		let consumer: SourceMapConsumer | null = null;
		try {
			const file = path.join(CLIENT_DIR, new URL(url).pathname + '.map');
			if (file.startsWith(CLIENT_DIR) && fs.existsSync(file)) {
				consumer = new SourceMapConsumer(
					JSON.parse(fs.readFileSync(file, 'utf8')) as ConstructorParameters<
						typeof SourceMapConsumer
					>[0]
				);
			}
		} catch {
			consumer = null;
		}
		maps.set(url, consumer);
	}
	return maps.get(url)!;
}

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };

/** "function (file:line)", through the source map where there is one. */
function label(frame: CallFrame): { name: string; file: string } {
	const fn = frame.functionName || '(anonymous)';
	if (!frame.url) return { name: fn, file: fn.startsWith('(') ? fn : '(native)' };
	const map = sourceMap(frame.url);
	const original = map?.originalPositionFor({
		line: frame.lineNumber + 1,
		column: frame.columnNumber
	});
	if (original?.source) {
		const file = original.source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '~');
		return { name: `${original.name ?? fn} (${file}:${original.line})`, file };
	}
	const file = path.basename(new URL(frame.url).pathname);
	return { name: `${fn} (${file}:${frame.lineNumber + 1})`, file };
}

/** CPU samples of one thread as [time, function, file]. */
function samples(events: TraceEvent[], pid: number, tid: number): [number, string, string][] {
	const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
	const out: [number, string, string][] = [];
	for (const profile of profiles) {
		const nodes = new Map<number, CallFrame>();
		let time = Number((profile.args?.data as { startTime?: number })?.startTime ?? profile.ts);
		const chunks = events.filter(
			(e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === pid
		);
		for (const chunk of chunks) {
			const data = chunk.args?.data as {
				cpuProfile?: {
					nodes?: { id: number; callFrame: CallFrame }[];
					samples?: number[];
				};
				timeDeltas?: number[];
			};
			for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node.callFrame);
			const ids = data.cpuProfile?.samples ?? [];
			const deltas = data.timeDeltas ?? [];
			ids.forEach((id, i) => {
				time += deltas[i] ?? 0;
				const frame = nodes.get(id);
				if (frame) {
					const { name, file } = label(frame);
					out.push([time, name, file]);
				}
			});
		}
	}
	return out.sort((a, b) => a[0] - b[0]);
}

function top(totals: Map<string, number>, n: number) {
	return [...totals]
		.filter(([name]) => !NOT_WORK.includes(name))
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([name, us]) => ({ name, ms: us / 1000 }));
}

/** The summary of one run's trace. */
export function analyseTrace(events: TraceEvent[]): TraceSummary {
	const benchMarks = events.filter(
		(e) => e.cat.includes('blink.user_timing') && e.name.startsWith('bench:')
	);
	if (!benchMarks.length) throw new Error('no bench marks in the trace');
	const { pid, tid } = benchMarks[0];
	const navigation = events
		.filter((e) => e.name === 'navigationStart' && e.pid === pid && e.ts <= benchMarks[0].ts)
		.at(-1);
	const origin = navigation?.ts ?? benchMarks[0].ts;

	const urls = new Map<string, string>();
	let scriptsEnd = 0;
	for (const e of events) {
		const data = e.args?.data as { requestId?: string; url?: string } | undefined;
		if (e.name === 'ResourceSendRequest' && data?.requestId && data.url) {
			urls.set(data.requestId, data.url);
		}
		if (e.name === 'ResourceFinish' && data?.requestId) {
			if (/\.js(\?|$)/.test(urls.get(data.requestId) ?? '')) {
				scriptsEnd = Math.max(scriptsEnd, e.ts);
			}
		}
	}
	const marks = [
		{ name: 'navigation', ts: origin },
		...(scriptsEnd ? [{ name: 'scripts loaded', ts: scriptsEnd }] : []),
		...benchMarks.map((e) => ({ name: e.name.slice('bench:'.length), ts: e.ts }))
	]
		.filter((m, i, all) => all.findIndex((o) => o.name === m.name) === i)
		.sort((a, b) => a.ts - b.ts);

	const thread = events.filter((e) => e.pid === pid && e.tid === tid);
	const segments = selfSegments(thread);
	const cpu = samples(events, pid, tid);
	const spans: Span[] = [];
	for (let i = 1; i < marks.length; i++) {
		const [from, to] = [marks[i - 1], marks[i]];
		const busy: Record<string, number> = {};
		let total = 0;
		for (const [start, end, name] of segments) {
			const overlap = Math.min(end, to.ts) - Math.max(start, from.ts);
			if (overlap <= 0) continue;
			const kind = kindOf(name);
			busy[kind] = (busy[kind] ?? 0) + overlap / 1000;
			total += overlap / 1000;
		}
		busy['idle'] = Math.max(0, (to.ts - from.ts) / 1000 - total);
		const byFunction = new Map<string, number>();
		const byFile = new Map<string, number>();
		const byPackage = new Map<string, number>();
		for (let s = 0; s < cpu.length - 1; s++) {
			const [at, name, file] = cpu[s];
			if (at < from.ts || at >= to.ts) continue;
			const us = Math.min(cpu[s + 1][0] - at, 10_000);
			byFunction.set(name, (byFunction.get(name) ?? 0) + us);
			byFile.set(file, (byFile.get(file) ?? 0) + us);
			const pkg = /^~((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
			if (pkg) byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
		}
		spans.push({
			from: from.name,
			to: to.name,
			ms: (to.ts - from.ts) / 1000,
			busyMs: busy,
			topFunctions: top(byFunction, 8),
			topFiles: top(byFile, 8),
			topPackages: top(byPackage, 8),
			allFiles: top(byFile, Infinity)
		});
	}
	const windowFrom = marks.find((m) => m.name === 'session shown');
	const windowTo = marks.find((m) => m.name === 'field shown');
	let firstFrame: Window | null = null;
	if (windowFrom && windowTo) {
		const byFile = new Map<string, number>();
		const byFunction = new Map<string, number>();
		let selfUs = 0;
		for (let s = 0; s < cpu.length - 1; s++) {
			const [at, name, file] = cpu[s];
			if (at < windowFrom.ts || at >= windowTo.ts || NOT_WORK.includes(file)) continue;
			const us = Math.min(cpu[s + 1][0] - at, 10_000);
			byFile.set(file, (byFile.get(file) ?? 0) + us);
			byFunction.set(name, (byFunction.get(name) ?? 0) + us);
			selfUs += us;
		}
		firstFrame = {
			from: windowFrom.name,
			to: windowTo.name,
			ms: (windowTo.ts - windowFrom.ts) / 1000,
			selfMs: selfUs / 1000,
			byFile: top(byFile, 60).filter((f) => f.ms >= 1),
			byFunction: top(byFunction, 30)
		};
	}
	return {
		marks: marks.map((m) => ({ name: m.name, ms: (m.ts - origin) / 1000 })),
		spans,
		window: firstFrame
	};
}
