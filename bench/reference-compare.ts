/**
 * `npm run bench:reference`: the typing scenarios of `bench:collab`, run with the very same
 * clients alternately against Formværk's server (durable, authenticated) and the reference
 * y-websocket server (`@y/websocket-server`, in memory, no authentication), on this machine.
 *
 * Why: the latency targets of issue 3 were set from the reference servers' figures on another
 * machine. Latencies on our shared 2-core machines move with the CPU model and with the load of
 * the neighbours, so a figure only means something next to the reference measured in the same
 * minutes on the same machine. The servers take turns, and which goes first alternates by round,
 * so that a change in the machine's load hits both alike.
 *
 * The reference server is not a dependency of the project. Install it without saving:
 *   npm install --no-save @y/websocket-server@0.1.1
 * Reports as text and as one JSON line (`{"bench":"reference",…}`). `BENCH_ROUNDS` (2) and
 * `BENCH_SECONDS` (20) set the length. Exits 1 when any edit was not delivered.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort, startServer } from '../tests/support/server.ts';
import { loginCookie } from '../tests/support/collab-client.ts';
import { machine } from './proc-stats.ts';
import { createDocuments, ensureBuild } from './collab-setup.ts';
import { oneByFifty, runTyping, sleep, tenByTen, type TypingRun } from './typing-run.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const REFERENCE = '@y/websocket-server';

/** The reference server's entry file, or null when it is not installed. */
function referenceEntry(): string | null {
	try {
		const manifest = createRequire(import.meta.url).resolve(`${REFERENCE}/package.json`);
		return path.join(path.dirname(manifest), 'src', 'server.js');
	} catch {
		return null;
	}
}

/** Starts the reference server on a free port; resolves once it listens. */
async function startReference(entry: string) {
	const port = await freePort();
	const child = spawn(process.execPath, [entry], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('running at')) resolve();
		});
		child.once('exit', (code) => reject(new Error(`${REFERENCE} exited with ${code}`)));
	});
	return { wsBase: `ws://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill() };
}

type Figures = Pick<
	TypingRun,
	'latencyMs' | 'delivered' | 'expected' | 'serverCpuSeconds' | 'benchClientCpuSeconds'
>;
const figures = (run: TypingRun): Figures => ({
	latencyMs: run.latencyMs,
	delivered: run.delivered,
	expected: run.expected,
	serverCpuSeconds: run.serverCpuSeconds,
	benchClientCpuSeconds: run.benchClientCpuSeconds
});
const line = (name: string, f: Figures) =>
	`    ${name.padEnd(10)} p50 ${f.latencyMs.p50} ms, p95 ${f.latencyMs.p95} ms, p99 ${f.latencyMs.p99} ms, ` +
	`max ${f.latencyMs.max} ms; delivered ${f.delivered}/${f.expected}; server CPU ${f.serverCpuSeconds} s`;

const entry = referenceEntry();
if (!entry) {
	process.stderr.write(
		`${REFERENCE} is not installed. It is not a dependency of the project; install it for this ` +
			`comparison without saving:\n  npm install --no-save ${REFERENCE}@0.1.1\n`
	);
	process.exit(2);
}
ensureBuild();
const ours = await startServer();
const reference = await startReference(entry);
try {
	const login = ours.logins.facilitator[0];
	const cookie = await loginCookie(ours.url, login.email, login.password);
	// Fresh documents every round and scenario: each run starts with empty rooms.
	const docs = createDocuments(ours.dataDir, login.email, 11 * ROUNDS);
	const typing = { rateHz: 4, durationMs: SECONDS * 1000 };
	const oursBase = { ...typing, wsBase: ours.url.replace('http', 'ws'), cookie };
	// The reference server ignores the cookie and keeps any path as a document name.
	const referenceBase = { ...typing, wsBase: reference.wsBase, cookie: 'none=0' };
	const rounds: Record<string, Record<string, Figures>>[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		const ids = docs.slice(11 * r, 11 * r + 11);
		const round: Record<string, Record<string, Figures>> = { oneByFifty: {}, tenByTen: {} };
		// Each server goes first in every other round, so neither always follows the other.
		const order =
			r % 2 === 0 ? (['reference', 'formvaerk'] as const) : (['formvaerk', 'reference'] as const);
		const tenIds = ids.slice(1);
		for (const name of order) {
			round.oneByFifty[name] = figures(
				name === 'reference'
					? await runTyping(reference.pid, oneByFifty(referenceBase, `reference-${ids[0]}`))
					: await runTyping(ours.process.pid!, oneByFifty(oursBase, ids[0]))
			);
			await sleep(3000); // Formværk's rooms unload
		}
		for (const name of order) {
			round.tenByTen[name] = figures(
				name === 'reference'
					? await runTyping(
							reference.pid,
							tenByTen(
								referenceBase,
								tenIds.map((id) => `reference-${id}`)
							)
						)
					: await runTyping(ours.process.pid!, tenByTen(oursBase, tenIds))
			);
			await sleep(3000);
		}
		rounds.push(round);
	}
	const report = { bench: 'reference', machine: machine(), seconds: SECONDS, rounds };
	const text = [
		`Machine: ${report.machine.nproc} cores, ${report.machine.cpu}; load average at end ${report.machine.loadavg}`,
		`Same clients, 4 edits/s each for ${SECONDS} s; ${REFERENCE} (in memory) against Formværk (durable):`,
		...rounds.flatMap((round, i) => [
			`Round ${i + 1}, 1 doc × 50 clients:`,
			line('reference', round.oneByFifty.reference),
			line('Formværk', round.oneByFifty.formvaerk),
			`Round ${i + 1}, 10 docs × 10 clients:`,
			line('reference', round.tenByTen.reference),
			line('Formværk', round.tenByTen.formvaerk)
		])
	];
	process.stdout.write(`${text.join('\n')}\n${JSON.stringify(report)}\n`);
	const all = rounds.flatMap((round) => Object.values(round).flatMap((s) => Object.values(s)));
	if (all.some((f) => f.delivered !== f.expected)) process.exitCode = 1;
} finally {
	reference.stop();
	await ours.stop('SIGTERM');
}
