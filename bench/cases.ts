/**
 * `npm run bench:cases`: a large municipality's Drift cases, and how long the server takes to
 * answer "Mine forløb", one case view and its progression chart data.
 *
 * **Seeding, through the cases module only.** A temporary data directory gets the demo (seedDemo:
 * Demo Kommune, its workshop in Drift with version 1 in operation, the demo jobkonsulent), then
 * `BENCH_CONSULTANTS` (25) jobkonsulenter and five sagsbehandlere, then `BENCH_CASES` (10,000)
 * cases spread over `BENCH_YEARS` (4) years, round robin over the consultants, each made by
 * `seedCase` (src/lib/server/platform/demo-cases.ts), which calls only the module's exported
 * functions: createCase, the goal and hours/tasks, every planned rating at the points passed (the
 * young person and the company mentor through their links, the consultant with recordRating:
 * three raters over three points on the care starter's 18 statements), and for ended cases the
 * agreed levels, own words, next step, all signatures and closeCase. There is no bulk path: the
 * data is exactly what the module writes. Cases go in batches of 50 in one outer transaction each
 * (the module's own transactions nest as savepoints), so seeding is not timed by fsync.
 *
 * **Measuring.** In this process, as the demo jobkonsulent (one consultant among
 * `BENCH_CONSULTANTS`): `listMyCases` ("Mine forløb"), `getCase` of one of their cases (a sample
 * spread over all of them, so mostly closed cases with all their ratings), and the progression chart data (`getCase(...).progression`, which the chart draws),
 * each `BENCH_WARMUP` (5) times, then `BENCH_RUNS` (60) times; p50/p95 of the wall clock and of
 * this process's CPU time per call (the wall clock on a shared machine mostly measures the other
 * sessions). Then once through HTTP for comparison: the real server on the same data directory,
 * `GET /api/v1/cases` and `GET /api/v1/cases/{id}` as the same consultant, timed the same way.
 *
 * Prints text and one JSON line (with the machine and its load). Exits 1 when a p95 misses the
 * target of 100 ms. Later measurements (statistics, the audit log's cost) add entries to
 * `measurements` below.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { closeDatabase, getDb, initDatabase, transaction } from '#lib/server/platform/db.ts';
import { seedDemo } from '#lib/server/platform/first-start.ts';
import { caseSeeder, seedCase, type CaseSeeder } from '#lib/server/platform/demo-cases.ts';
import { insertUser, loadSessionUser, setOrgRole } from '#lib/server/accounts/accounts.ts';
import { getCase, listMyCases } from '#lib/server/cases/index.ts';
import type { CaseContext } from '#lib/domain/cases/types.ts';
import { danishDate } from '#lib/domain/rollout/index.ts';
import { startServer, tempDataDir } from '../tests/support/server.ts';
import { loginCookie } from '../tests/support/collab-client.ts';
import { ensureBuild } from './collab-setup.ts';
import { machine } from './proc-stats.ts';
import { caseSpec } from './cases-data.ts';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const CONSULTANTS = Number(process.env.BENCH_CONSULTANTS ?? 25);
const YEARS = Number(process.env.BENCH_YEARS ?? 4);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const BATCH = 50;
/** The speed the issue asks for: p95 of each on this machine's size. */
const TARGET_P95_MS = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

type Figures = { p50: number; p95: number; max: number; cpuP50: number; cpuP95: number };

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(wall: number[], cpu: number[]): Figures {
	const w = [...wall].sort((a, b) => a - b);
	const c = [...cpu].sort((a, b) => a - b);
	const round = (x: number) => Math.round(x * 100) / 100;
	return {
		p50: round(percentile(w, 50)),
		p95: round(percentile(w, 95)),
		max: round(w.at(-1)!),
		cpuP50: round(percentile(c, 50)),
		cpuP95: round(percentile(c, 95))
	};
}

/** Times `fn(i)` WARMUP times untimed, then RUNS times: wall clock and this process's CPU. */
async function measure(fn: (i: number) => unknown): Promise<Figures> {
	for (let i = 0; i < WARMUP; i++) await fn(i);
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const cpuBefore = process.cpuUsage();
		const before = performance.now();
		await fn(i);
		wall.push(performance.now() - before);
		const used = process.cpuUsage(cpuBefore);
		cpu.push((used.user + used.system) / 1000);
	}
	return summarise(wall, cpu);
}

// --- Seeding -------------------------------------------------------------------------------------
ensureBuild();
const dataDir = tempDataDir();
initDatabase(dataDir);
const loadBefore = machine().loadavg;
const seedStarted = performance.now();
const demo = await seedDemo();
const demoConsultant = demo.logins.find((l) => l.description === 'jobkonsulent')!;
const userId = (email: string) =>
	(getDb().prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: string }).id;
const measuredId = userId(demoConsultant.email);
const caseworkerIds = [userId(demo.logins.find((l) => l.description === 'sagsbehandler')!.email)];
const consultantIds = [measuredId];
transaction(getDb(), () => {
	// Accounts made directly: hashing passwords would only time scrypt. Nobody logs in as them.
	const add = (email: string, name: string, role: 'jobkonsulent' | 'sagsbehandler') => {
		const user = insertUser({ email, name, passwordHash: 'unused' });
		setOrgRole(demo.orgId, user.id, role);
		return user.id;
	};
	for (let i = 1; i < CONSULTANTS; i++) {
		consultantIds.push(add(`konsulent${i}@bench.example`, `Konsulent ${i}`, 'jobkonsulent'));
	}
	for (let i = 1; i < 5; i++) {
		caseworkerIds.push(
			add(`sagsbehandler${i}@bench.example`, `Sagsbehandler ${i}`, 'sagsbehandler')
		);
	}
});
const seeders: CaseSeeder[] = consultantIds.map((consultantId, i) =>
	caseSeeder({
		publicationId: demo.driftPublicationId,
		consultantId,
		caseworkerId: caseworkerIds[i % caseworkerIds.length]
	})
);
const now = Date.now();
const periodDays = YEARS * 365;
for (let done = 0; done < CASES; done += BATCH) {
	transaction(getDb(), () => {
		for (let i = done; i < Math.min(CASES, done + BATCH); i++) {
			// Starts spread evenly from YEARS ago to three weeks ahead; internships of 8 to 12 weeks.
			const startDay = Math.round(-periodDays + ((periodDays + 21) * i) / CASES);
			const weeks = 8 + (i % 5);
			const start = now + startDay * DAY_MS;
			const end = start + weeks * 7 * DAY_MS;
			seedCase(
				seeders[i % seeders.length],
				caseSpec(i, {
					start: danishDate(start),
					end: danishDate(end),
					now,
					startMs: start,
					endMs: end
				})
			);
		}
	});
	if (done % 1000 === 0) process.stderr.write(`  seeded ${done} cases…\n`);
}
const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
const counts = getDb()
	.prepare(
		`SELECT (SELECT COUNT(*) FROM cases) AS cases, (SELECT COUNT(*) FROM case_ratings) AS ratings,
			(SELECT COUNT(*) FROM cases WHERE closed_at IS NOT NULL) AS closed`
	)
	.get() as { cases: number; ratings: number; closed: number };

// --- Measuring through the module -------------------------------------------------------------------
const ctx: CaseContext = {
	actor: loadSessionUser(measuredId)!,
	purpose: { kind: 'followUp' },
	requestId: 'bench'
};
const mine = listMyCases(ctx);
const stages = Object.fromEntries(
	['before', 'during', 'ending', 'closed'].map((s) => [s, mine.filter((c) => c.stage === s).length])
);
// Spread over all of the consultant's cases, so the stages mix as in the list (mostly closed).
const stride = Math.max(1, Math.floor(mine.length / RUNS));
const sample = mine.filter((_, i) => i % stride === 0).slice(0, RUNS);
const caseAt = (i: number) => sample[i % sample.length].id;
const measurements: Record<string, Figures> = {
	mineForloeb: await measure(() => listMyCases(ctx)),
	caseView: await measure((i) => getCase(ctx, caseAt(i))),
	progression: await measure((i) => getCase(ctx, caseAt(i)).progression)
};
const viewedRatings = sample.map((c) => getCase(ctx, c.id).ratings.length);
closeDatabase();

// --- Once through HTTP ------------------------------------------------------------------------------
const server = await startServer({ dataDir, timeoutMs: 120_000 });
const cookie = await loginCookie(server.url, demoConsultant.email, demoConsultant.password);
async function get(path: string): Promise<number> {
	const response = await fetch(`${server.url}${path}`, {
		headers: { accept: 'application/json', cookie }
	});
	await response.arrayBuffer();
	return response.status;
}
// Until the cases API is on the branch measured, the comparison is left out (and said so).
const hasApi = (await get('/api/v1/cases')) === 200;
const ok = async (path: string) => {
	const status = await get(path);
	if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
};
const http: Record<string, Figures> = hasApi
	? {
			mineForloeb: await measure(() => ok('/api/v1/cases')),
			caseView: await measure((i) => ok(`/api/v1/cases/${caseAt(i)}`))
		}
	: {};
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });

// --- Report -------------------------------------------------------------------------------------------
const report = {
	machine: { ...machine(), loadavgBeforeSeeding: loadBefore },
	cases: counts.cases,
	closed: counts.closed,
	ratings: counts.ratings,
	consultants: CONSULTANTS,
	years: YEARS,
	seedSeconds,
	measuredConsultant: {
		cases: mine.length,
		stages,
		ratingsPerViewedCase: { min: Math.min(...viewedRatings), max: Math.max(...viewedRatings) }
	},
	runs: RUNS,
	targetP95Ms: TARGET_P95_MS,
	module: measurements,
	http
};
const line = (name: string, f: Figures) =>
	`  ${name.padEnd(13)} p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms (CPU p50 ${f.cpuP50} ms, p95 ${f.cpuP95} ms)`;
process.stdout.write(
	[
		`Cases: ${counts.cases} (${counts.closed} closed, ${counts.ratings} ratings) over ${YEARS} years, ${CONSULTANTS} consultants; seeded through the cases module in ${seedSeconds} s`,
		`One consultant's "Mine forløb": ${mine.length} cases (${Object.entries(stages)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')})`,
		`Through the module (${RUNS} runs after ${WARMUP}):`,
		...Object.entries(measurements).map(([name, f]) => line(name, f)),
		hasApi
			? `Through HTTP (same runs, this process's CPU is the client's):`
			: 'Through HTTP: not measured (GET /api/v1/cases is not there yet)',
		...Object.entries(http).map(([name, f]) => line(name, f)),
		`Machine: ${report.machine.nproc} × ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, load ${report.machine.loadavg} (before seeding ${loadBefore})`,
		JSON.stringify(report),
		''
	].join('\n')
);
const missed = Object.entries(measurements).filter(([, f]) => f.p95 > TARGET_P95_MS);
if (missed.length > 0) {
	process.stderr.write(`p95 over ${TARGET_P95_MS} ms: ${missed.map(([n]) => n).join(', ')}\n`);
	process.exitCode = 1;
}
