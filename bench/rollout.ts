/**
 * `npm run bench:rollout`: starts the real server (server/index.ts, temporary data directory),
 * publishes the demo workshop's version, starts a Dag 3 session and connects `BENCH_FOLLOWERS`
 * (200) followers, each a Node client with its own staff session, joined by the code and holding
 * the session's event stream open. The presenter then moves `BENCH_CHANGES` (40) times, 250 ms
 * apart; for each move the bench notes when every follower received the new step.
 *
 * Reports, as text and one JSON line: per move the time until the last follower had it (p50/p99:
 * "a step change reaches all of them"), every single delivery (p50/p99), the server's CPU seconds
 * during the moves, and its resident memory before the followers, with them, and its peak. Exits
 * 1 when a follower missed a move. The followers run in this one process, so their own parsing
 * is part of the numbers, as a browser's would be.
 *
 * To tell a stall in the server from one in this process, the three slowest moves are printed
 * with when the move's request was answered (the server publishes before it answers), when the
 * first and the last follower had it, and this process's own GC pauses during the moves: a late
 * answer means the server stalled; an early answer with a wide first-to-last spread means the
 * followers' side did.
 */
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { startServer } from '../tests/support/server.ts';
import { withServerDb } from '../tests/support/db.ts';
import { loginCookie } from '../tests/support/collab-client.ts';
import { insertUser, setOrgRole } from '#lib/server/accounts/accounts.ts';
import { createSession } from '#lib/server/accounts/sessions.ts';
import { cpuSeconds, machine, memory, percentiles } from './proc-stats.ts';
import { ensureBuild } from './collab-setup.ts';
import { openSse, type SseStream } from '../tests/support/sse.ts';

const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS ?? 200);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 40);
const GAP_MS = 250;

/** This process's GC pauses (the followers' side), to set against the slow moves. */
const benchGc: { start: number; ms: number }[] = [];
new PerformanceObserver((list) => {
	for (const e of list.getEntries()) benchGc.push({ start: e.startTime, ms: e.duration });
}).observe({ entryTypes: ['gc'] });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When `stream` first received the presenter at `stepId` since `since`, or undefined. */
function arrival(stream: SseStream, stepId: string, since: number): number | undefined {
	return stream.events.find(
		(e) =>
			e.at >= since && e.event === 'presenter' && (e.data as { stepId: string }).stepId === stepId
	)?.at;
}

ensureBuild();
const server = await startServer();
const pid = server.process.pid!;
const login = server.logins.facilitator[0];
const facilitatorCookie = await loginCookie(server.url, login.email, login.password);

/** A JSON request as `cookie` (the tests' ApiClient is not plain-Node TypeScript). */
async function request<T>(
	method: string,
	path: string,
	body?: unknown,
	cookie = facilitatorCookie
) {
	const response = await fetch(`${server.url}${path}`, {
		method,
		headers: { 'content-type': 'application/json', accept: 'application/json', cookie },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
const facilitator = { request };
const workshops = (
	await facilitator.request<{ id: string; orgId: string }[]>('GET', '/api/v1/workshops')
).body;
const { id: workshopId, orgId } = workshops[0];
const published = await facilitator.request<{ id: string }>(
	'POST',
	`/api/v1/workshops/${workshopId}/publications`,
	{ note: 'Benchmark' }
);
const created = await facilitator.request<{ id: string; code: string }>(
	'POST',
	`/api/v1/publications/${published.body.id}/rollouts`
);
const { id: rolloutId, code } = created.body;
const steps = (
	await facilitator.request<{ steps: { id: string }[] }>('GET', `/api/v1/rollouts/${rolloutId}`)
).body.steps.map((s) => s.id);

// Staff accounts with sessions made directly: hashing 200 passwords would only time scrypt.
const cookies = await withServerDb(server.dataDir, () =>
	Array.from({ length: FOLLOWERS }, (_, i) => {
		const user = insertUser({
			email: `bench${i}@kommune.example`,
			name: `Følger ${i + 1}`,
			passwordHash: 'unused'
		});
		setOrgRole(orgId, user.id, 'member');
		return `formvaerk_session=${createSession(user.id)}`;
	})
);
const before = memory(pid);
const followers: SseStream[] = [];
for (const cookie of cookies) {
	const joined = await request('POST', '/api/v1/rollouts/join', { code }, cookie);
	if (joined.status !== 200) throw new Error(`join: HTTP ${joined.status}`);
	followers.push(await openSse(`${server.url}/api/v1/rollouts/${rolloutId}/events`, cookie));
}
await sleep(1000);
const connected = memory(pid);

const allReceived: number[] = [];
const moves: { answered: number; first: number; last: number }[] = [];
const deliveries: number[] = [];
let missed = 0;
const cpuBefore = cpuSeconds(pid);
const movesStart = performance.now();
for (let i = 0; i < CHANGES; i++) {
	const stepId = steps[(i + 1) % steps.length];
	const sent = performance.now();
	const response = await facilitator.request('POST', `/api/v1/rollouts/${rolloutId}/presenter`, {
		stepId
	});
	const answered = performance.now() - sent;
	if (response.status !== 204) throw new Error(`presenter: HTTP ${response.status}`);
	const deadline = sent + 5000;
	let times = followers.map((f) => arrival(f, stepId, sent));
	while (times.some((t) => t === undefined) && performance.now() < deadline) {
		await sleep(2);
		times = followers.map((f) => arrival(f, stepId, sent));
	}
	missed += times.filter((t) => t === undefined).length;
	const got = times.filter((t): t is number => t !== undefined).map((t) => t - sent);
	deliveries.push(...got);
	allReceived.push(Math.max(...got));
	moves.push({ answered, first: Math.min(...got), last: Math.max(...got) });
	await sleep(GAP_MS);
}
const cpu = cpuSeconds(pid) - cpuBefore;
const gcDuringMoves = benchGc.filter((g) => g.start >= movesStart).map((g) => g.ms);
const round = (ms: number) => Math.round(ms * 10) / 10;
const slowest = [...moves]
	.sort((a, b) => b.last - a.last)
	.slice(0, 3)
	.map((m) => ({ answered: round(m.answered), first: round(m.first), last: round(m.last) }));
const after = memory(pid);
for (const f of followers) f.close();
await server.stop();

const report = {
	machine: machine(),
	followers: FOLLOWERS,
	changes: CHANGES,
	allReceivedMs: percentiles(allReceived),
	deliveryMs: percentiles(deliveries),
	missed,
	slowestMovesMs: slowest,
	benchGcDuringMoves: {
		count: gcDuringMoves.length,
		totalMs: round(gcDuringMoves.reduce((sum, ms) => sum + ms, 0)),
		maxMs: round(Math.max(0, ...gcDuringMoves))
	},
	serverCpuSecondsDuringMoves: Math.round(cpu * 100) / 100,
	serverRssMiB: {
		beforeFollowers: Math.round(before.rssMiB),
		withFollowers: Math.round(connected.rssMiB),
		afterMoves: Math.round(after.rssMiB),
		peak: Math.round(after.peakMiB)
	}
};
process.stdout.write(
	[
		`Rollout: ${FOLLOWERS} followers, ${CHANGES} presenter moves ${GAP_MS} ms apart`,
		`  step change reaches all followers: p50 ${report.allReceivedMs.p50} ms, p99 ${report.allReceivedMs.p99} ms, max ${report.allReceivedMs.max} ms`,
		`  single deliveries: p50 ${report.deliveryMs.p50} ms, p99 ${report.deliveryMs.p99} ms (${report.deliveryMs.n})`,
		`  missed: ${missed}`,
		`  slowest moves (answered / first / last follower): ${slowest.map((m) => `${m.answered} / ${m.first} / ${m.last} ms`).join(', ')}`,
		`  this process's GC during the moves: ${report.benchGcDuringMoves.count} pauses, ${report.benchGcDuringMoves.totalMs} ms in all, longest ${report.benchGcDuringMoves.maxMs} ms`,
		`  server CPU during the moves: ${report.serverCpuSecondsDuringMoves} s`,
		`  server RSS: ${report.serverRssMiB.beforeFollowers} MiB before, ${report.serverRssMiB.withFollowers} MiB with the followers, peak ${report.serverRssMiB.peak} MiB`,
		`  machine: ${report.machine.nproc} cores, load ${report.machine.loadavg}`,
		JSON.stringify(report),
		''
	].join('\n')
);
process.exit(missed > 0 ? 1 : 0);
