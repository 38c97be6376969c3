/**
 * `npm run bench:page-trace`: where the template page's first seconds go, on the same terms as
 * `npm run bench:page` (fresh context, CPU throttled 4×, the demo template, the first area
 * renamed as soon as its field is shown). One warm-up run, then `BENCH_RUNS` (3) runs each
 * recorded with Chromium's tracing (the timeline and the V8 CPU profiler) and marks set by the
 * page (socket created, opened, first messages, session shown, field shown, edit made).
 *
 * Prints, per run and as medians: the milestones from the navigation's start, the main thread's
 * busy time between them by kind (script compile and evaluation, function calls, style and
 * layout, GC, idle), and the functions with the most self time in each span. `BENCH_TRACE_DIR`
 * keeps the raw traces (open them in DevTools' Performance panel). `BENCH_TRACE_SOURCES`
 * (comma-separated parts of source paths, e.g. `i18next,src/lib/i18n/`) prints each one's self
 * time in every span, also when it is not among the top files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { startServer, type TestServer } from '../tests/support/server.ts';
import { loginCookie } from '../tests/support/collab-client.ts';
import { demoDocuments } from '../tests/support/demo-documents.ts';
import { ensureBuild } from './collab-setup.ts';
import { machine } from './proc-stats.ts';
import playwrightConfig from '../playwright.config.ts';
import { analyseTrace, type TraceEvent, type TraceSummary } from './trace-analysis.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TRACE_DIR = process.env.BENCH_TRACE_DIR;
const SOURCES = (process.env.BENCH_TRACE_SOURCES ?? '').split(',').filter(Boolean);
const CPU_THROTTLE = 4;
const TIMEOUT_MS = 60_000;
const CATEGORIES = [
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'v8.execute',
	'v8',
	'blink.user_timing',
	'loading',
	'disabled-by-default-v8.cpu_profiler'
];

/** Marks the page sets (`performance.mark`), read back from the trace's user timing. */
function instrument(newName: string) {
	const mark = (name: string) => performance.mark(`bench:${name}`);
	const Native = window.WebSocket;
	// The collaboration socket: created, opened, its first three messages (with their sizes).
	window.WebSocket = class extends Native {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols);
			mark('socket created');
			this.addEventListener('open', () => mark('socket open'));
			let n = 0;
			this.addEventListener('message', (e: MessageEvent) => {
				if (n++ < 3) {
					const size = e.data instanceof ArrayBuffer ? e.data.byteLength : String(e.data).length;
					mark(`message ${n} (${size} B)`);
				}
			});
		}
	};
	let isSessionShown = false;
	let isFieldShown = false;
	new MutationObserver(() => {
		if (!isSessionShown && document.querySelector('.save-state')) {
			isSessionShown = true;
			mark('session shown');
		}
		if (isFieldShown) return;
		const label = [...document.querySelectorAll('label')].find(
			(l) => l.textContent?.trim() === 'Kompetenceområde 1'
		);
		const input = label?.control;
		if (!(input instanceof HTMLInputElement) || input.readOnly) return;
		isFieldShown = true;
		mark('field shown');
		setTimeout(() => {
			input.focus();
			input.select();
			input.value = newName;
			input.dispatchEvent(new InputEvent('input', { bubbles: true, data: newName }));
			input.dispatchEvent(
				new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
			);
			mark('edit made');
		}, 0);
	}).observe(document, { subtree: true, childList: true, attributes: true });
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
	let text = '';
	for (;;) {
		const chunk = await cdp.send('IO.read', { handle });
		text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
		if (chunk.eof) break;
	}
	await cdp.send('IO.close', { handle });
	return text;
}

async function traceRun(browser: Browser, server: TestServer, url: string, n: number) {
	const login = server.logins.facilitator[0];
	const [name, value] = (await loginCookie(server.url, login.email, login.password)).split('=');
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	await context.addCookies([{ name, value, url: server.url }]);
	const page = await context.newPage();
	await page.addInitScript(instrument, `Faglige kompetencer ${n}`);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
	await cdp.send('Tracing.start', {
		traceConfig: { includedCategories: CATEGORIES },
		transferMode: 'ReturnAsStream'
	});
	await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
	await page.waitForFunction(
		() =>
			performance.getEntriesByName('bench:edit made').length > 0 &&
			document.querySelector('.save-state')?.getAttribute('data-state') === 'saved',
		undefined,
		{ timeout: TIMEOUT_MS, polling: 50 }
	);
	await page.evaluate(() => performance.mark('bench:saved'));
	const done = new Promise<string>((resolve) =>
		cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!))
	);
	await cdp.send('Tracing.end');
	const text = await readStream(cdp, await done);
	await context.close();
	if (TRACE_DIR) {
		fs.mkdirSync(TRACE_DIR, { recursive: true });
		fs.writeFileSync(path.join(TRACE_DIR, `page-${n}.json`), text);
	}
	const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
	return analyseTrace(Array.isArray(parsed) ? parsed : parsed.traceEvents);
}

function print(label: string, summary: TraceSummary): void {
	const lines = [`${label}:`];
	lines.push(
		'  milestones: ' + summary.marks.map((m) => `${m.name} ${Math.round(m.ms)}`).join(', ')
	);
	for (const span of summary.spans) {
		const kinds = Object.entries(span.busyMs)
			.filter(([, ms]) => ms >= 5)
			.sort((a, b) => b[1] - a[1])
			.map(([kind, ms]) => `${kind} ${Math.round(ms)}`)
			.join(', ');
		lines.push(`  ${span.from} → ${span.to} (${Math.round(span.ms)} ms): ${kinds}`);
		const files = span.topFiles.map((f) => `${f.name} ${Math.round(f.ms)}`).join('; ');
		if (files) lines.push(`    by file: ${files}`);
		const packages = span.topPackages.map((f) => `${f.name} ${Math.round(f.ms)}`).join('; ');
		if (packages) lines.push(`    by package: ${packages}`);
		const sources = SOURCES.map((source) => {
			const ms = span.allFiles.filter((f) => f.name.includes(source)).reduce((a, f) => a + f.ms, 0);
			return `${source} ${Math.round(ms)}`;
		});
		if (sources.length) lines.push(`    sources: ${sources.join('; ')}`);
		const top = span.topFunctions.map((f) => `${f.name} ${Math.round(f.ms)}`).join('; ');
		if (top) lines.push(`    by function: ${top}`);
	}
	const w = summary.window;
	if (w) {
		lines.push(
			`  window ${w.from} ⇢ ${w.to} (${Math.round(w.ms)} ms): script self time ${Math.round(w.selfMs)} ms`
		);
		lines.push('    by file: ' + w.byFile.map((f) => `${f.name} ${Math.round(f.ms)}`).join('; '));
		const fns = w.byFunction.map((f) => `${f.name} ${Math.round(f.ms)}`).join('; ');
		lines.push('    by function: ' + fns);
	}
	process.stdout.write(lines.join('\n') + '\n');
}

ensureBuild();
const server = await startServer();
const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
try {
	const docs = demoDocuments(server);
	const url = `${server.url}/workshops/${docs.workshopId}/documents/${docs.template}`;
	for (let i = 0; i <= RUNS; i++) {
		const summary = await traceRun(browser, server, url, i);
		print(i === 0 ? 'warm-up' : `run ${i}`, summary);
	}
	const m = machine();
	process.stdout.write(`machine: ${m.cpu}, ${m.nproc} cores, load ${m.loadavg}\n`);
} finally {
	await browser.close();
	await server.stop();
}
