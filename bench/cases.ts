/**
 * `npm run bench:cases`: a large municipality's Drift cases, and how long the server takes to
 * answer "Mine forløb", one case view and its progression chart data (issue 13), the team lead's
 * statistics over all of them, and what the audit log adds to a case read (issue 14).
 *
 * **Data.** `seededDataDir` (bench/cases-seed.ts): `BENCH_CASES` (10,000) cases seeded through
 * the cases module only, or a copy of the same seed from the cache (the output says which;
 * `BENCH_CASES_FRESH=1` seeds anew).
 *
 * **Measuring.** In this process, each `BENCH_WARMUP` (5) times, then `BENCH_RUNS` (60) times;
 * p50/p95 of the wall clock and of this process's CPU time per call (the wall clock on a shared
 * machine mostly measures the other sessions):
 * - as the demo jobkonsulent (one consultant among `BENCH_CONSULTANTS`): `listMyCases` ("Mine
 *   forløb"), `getCase` of one of their cases (a sample spread over all of them, so mostly closed
 *   cases with all their ratings), and the progression chart data (`getCase(...).progression`,
 *   which the chart draws);
 * - as the demo administrator (who may read the statistics, as a team lead may):
 *   `versionStatistics` of the version in operation, over all its cases, the function behind
 *   `GET /api/v1/statistics`;
 * - the audit log's cost per case read: `recordCaseAccess` for a read of one of the sampled cases,
 *   in a transaction of its own. That is what the audit adds to `getCase`, which runs it inside
 *   the read's transaction: finding the case's organisation and young person, the insert into
 *   `audit_log` with its four indexes, and the commit of a write (without the audit the read's
 *   transaction writes nothing). Its own BEGIN/COMMIT is counted too, so this is an upper bound.
 *   A case read with the audit (`getCase`, as above) is printed beside it for scale.
 * Then once through HTTP for comparison: the real server on the same data directory,
 * `GET /api/v1/cases` and `GET /api/v1/cases/{id}` as the same consultant and
 * `GET /api/v1/statistics` as the administrator, timed the same way.
 *
 * Prints text and one JSON line (with the machine and its load). Exits 1 when a p95 (wall clock,
 * through the module) misses its target: 100 ms for the three case reads, 300 ms for the
 * statistics, 1 ms for the audit write.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { closeDatabase, getDb, transaction } from '#lib/server/platform/db.ts';
import { loadSessionUser } from '#lib/server/accounts/accounts.ts';
import { getCase, listMyCases } from '#lib/server/cases/index.ts';
import { recordCaseAccess } from '#lib/server/cases/access-record.ts';
import { versionStatistics } from '#lib/server/privacy/statistics.ts';
import type { CaseContext } from '#lib/domain/cases/types.ts';
import { startServer } from '../tests/support/server.ts';
import { loginCookie } from '../tests/support/collab-client.ts';
import { ensureBuild } from './collab-setup.ts';
import { machine } from './proc-stats.ts';
import { SEED_PARAMS, seededDataDir } from './cases-seed.ts';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
/** The speed the issues ask for: p95 of each on this machine's size. */
const TARGET_P95_MS: Record<string, number> = {
	mineForloeb: 100,
	caseView: 100,
	progression: 100,
	statistics: 300,
	auditWrite: 1
};

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

// --- Data ------------------------------------------------------------------------------------------
ensureBuild();
const seeded = await seededDataDir(machine().loadavg);
const { dataDir, info } = seeded;
const counts = getDb()
	.prepare(
		`SELECT (SELECT COUNT(*) FROM cases) AS cases, (SELECT COUNT(*) FROM case_ratings) AS ratings,
			(SELECT COUNT(*) FROM cases WHERE closed_at IS NOT NULL) AS closed,
			(SELECT COUNT(*) FROM audit_log) AS auditEntries`
	)
	.get() as { cases: number; ratings: number; closed: number; auditEntries: number };

// --- Measuring through the module -------------------------------------------------------------------
const ctx: CaseContext = {
	actor: loadSessionUser(info.consultant.id)!,
	purpose: { kind: 'followUp' },
	requestId: 'bench'
};
const admin = loadSessionUser(info.admin.id)!;
const statsQuery = { publication: info.driftPublicationId, targetGroup: null };
const mine = listMyCases(ctx);
const stages = Object.fromEntries(
	['before', 'during', 'ending', 'closed'].map((s) => [s, mine.filter((c) => c.stage === s).length])
);
// Spread over all of the consultant's cases, so the stages mix as in the list (mostly closed).
const stride = Math.max(1, Math.floor(mine.length / RUNS));
const sample = mine.filter((_, i) => i % stride === 0).slice(0, RUNS);
const caseAt = (i: number) => sample[i % sample.length].id;
const db = getDb();
const measurements: Record<string, Figures> = {
	mineForloeb: await measure(() => listMyCases(ctx)),
	caseView: await measure((i) => getCase(ctx, caseAt(i))),
	progression: await measure((i) => getCase(ctx, caseAt(i)).progression),
	statistics: await measure(() => versionStatistics(admin, statsQuery)),
	auditWrite: await measure((i) =>
		transaction(db, () => recordCaseAccess(db, ctx, { caseId: caseAt(i), action: 'read' }))
	)
};
const viewedRatings = sample.map((c) => getCase(ctx, c.id).ratings.length);
const statsPeople = versionStatistics(admin, statsQuery).youngPeople;
closeDatabase();

// --- Once through HTTP ------------------------------------------------------------------------------
const server = await startServer({ dataDir, timeoutMs: 120_000 });
const cookies = {
	consultant: await loginCookie(server.url, info.consultant.email, info.consultant.password),
	admin: await loginCookie(server.url, info.admin.email, info.admin.password)
};
async function ok(path: string, as: keyof typeof cookies): Promise<void> {
	const response = await fetch(`${server.url}${path}`, {
		headers: { accept: 'application/json', cookie: cookies[as], 'x-formvaerk-purpose': 'followUp' }
	});
	await response.arrayBuffer();
	if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
}
const http: Record<string, Figures> = {
	mineForloeb: await measure(() => ok('/api/v1/cases', 'consultant')),
	caseView: await measure((i) => ok(`/api/v1/cases/${caseAt(i)}`, 'consultant')),
	statistics: await measure(() =>
		ok(`/api/v1/statistics?publication=${info.driftPublicationId}`, 'admin')
	)
};
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });

// --- Report -------------------------------------------------------------------------------------------
const report = {
	machine: { ...machine(), loadavgBeforeSeeding: info.loadavgBeforeSeeding },
	cases: counts.cases,
	closed: counts.closed,
	ratings: counts.ratings,
	auditEntries: counts.auditEntries,
	parameters: SEED_PARAMS,
	seed: {
		fromCache: seeded.fromCache,
		hash: seeded.hash,
		seededAt: new Date(info.seededAt).toISOString(),
		seedSeconds: info.seedSeconds
	},
	measuredConsultant: {
		cases: mine.length,
		stages,
		ratingsPerViewedCase: { min: Math.min(...viewedRatings), max: Math.max(...viewedRatings) }
	},
	statisticsYoungPeople: statsPeople,
	runs: RUNS,
	targetP95Ms: TARGET_P95_MS,
	module: measurements,
	http
};
const line = (name: string, f: Figures) =>
	`  ${name.padEnd(13)} p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms (CPU p50 ${f.cpuP50} ms, p95 ${f.cpuP95} ms)` +
	(TARGET_P95_MS[name] !== undefined ? `; target p95 ≤ ${TARGET_P95_MS[name]} ms` : '');
const seedLine = seeded.fromCache
	? `seed from the cache (${report.seed.hash}, seeded through the cases module at ${report.seed.seededAt} in ${info.seedSeconds} s)`
	: `seeded now through the cases module in ${info.seedSeconds} s (cached as ${report.seed.hash})`;
process.stdout.write(
	[
		`Cases: ${counts.cases} (${counts.closed} closed, ${counts.ratings} ratings, ${counts.auditEntries} audit entries) over ${SEED_PARAMS.years} years, ${SEED_PARAMS.consultants} consultants; ${seedLine}`,
		`One consultant's "Mine forløb": ${mine.length} cases (${Object.entries(stages)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}); statistics over ${statsPeople} young people`,
		`Through the module (${RUNS} runs after ${WARMUP}; auditWrite: recordCaseAccess of a read in its own transaction, an upper bound of what the audit adds to caseView):`,
		...Object.entries(measurements).map(([name, f]) => line(name, f)),
		`Through HTTP (same runs, this process's CPU is the client's):`,
		...Object.entries(http).map(([name, f]) => line(name, f)),
		`Machine: ${report.machine.nproc} × ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, load ${report.machine.loadavg} (before seeding ${info.loadavgBeforeSeeding})`,
		JSON.stringify(report),
		''
	].join('\n')
);
const missed = Object.entries(measurements).filter(([name, f]) => f.p95 > TARGET_P95_MS[name]);
if (missed.length > 0) {
	process.stderr.write(
		`p95 over target: ${missed.map(([n, f]) => `${n} ${f.p95} ms > ${TARGET_P95_MS[n]} ms`).join(', ')}\n`
	);
	process.exitCode = 1;
}
