/**
 * The seeded data of `bench:cases`, and a cache of it so a rerun does not seed for 7-20 minutes.
 *
 * **Seeding, through the cases module only.** A data directory gets the demo (seedDemo: Demo
 * Kommune, its workshop in Drift with version 1 in operation, the demo jobkonsulent), then
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
 * **The cache.** A seeded directory is kept (closed, so the database is one file) under
 * `node_modules/.cache/formvaerk-bench-cases/<hash>/data`, with what the bench needs to know of it
 * (the demo's ids and logins, when and how long it was seeded) in `seed.json` beside it. The hash
 * covers everything that decides what the seeding writes: the migrations, the seeder
 * (first-start.ts, demo-cases.ts and its data, bench/cases-data.ts, this file), the cases module's
 * source and its domain rules, and the BENCH_CASES/CONSULTANTS/YEARS parameters. Not the cases
 * module's two read-only files (case-list.ts, case-statistics.ts): changing how a list or the
 * statistics are read does not change the data. Each run copies the cached directory to a fresh
 * temporary one, so measuring never changes the cache. Cases' dates are relative to the day they
 * were seeded, so a seed older than `BENCH_CASES_MAX_AGE_DAYS` (7) is not reused;
 * `BENCH_CASES_FRESH=1` forces a new seed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { closeDatabase, getDb, initDatabase, transaction } from '#lib/server/platform/db.ts';
import { seedDemo, type DemoLogin } from '#lib/server/platform/first-start.ts';
import { caseSeeder, seedCase, type CaseSeeder } from '#lib/server/platform/demo-cases.ts';
import { insertUser, setOrgRole } from '#lib/server/accounts/accounts.ts';
import { danishDate } from '#lib/domain/rollout/index.ts';
import { tempDataDir } from '../tests/support/server.ts';
import { caseSpec } from './cases-data.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE_ROOT = path.join(ROOT, 'node_modules', '.cache', 'formvaerk-bench-cases');
const BATCH = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export const SEED_PARAMS = {
	cases: Number(process.env.BENCH_CASES ?? 10_000),
	consultants: Number(process.env.BENCH_CONSULTANTS ?? 25),
	years: Number(process.env.BENCH_YEARS ?? 4)
};
const MAX_AGE_DAYS = Number(process.env.BENCH_CASES_MAX_AGE_DAYS ?? 7);

/** What the bench needs to know of a seeded directory. */
export type SeedInfo = {
	orgId: string;
	driftPublicationId: string;
	/** The demo jobkonsulent (measured) and administrator (statistics), with their passwords. */
	consultant: DemoLogin & { id: string };
	admin: DemoLogin & { id: string };
	seededAt: number;
	seedSeconds: number;
	loadavgBeforeSeeding: string;
};

/** The files whose content decides what is seeded (see the header). */
function seedSources(): string[] {
	const dir = (rel: string) =>
		fs
			.readdirSync(path.join(ROOT, rel), { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.ts'))
			.map((f) => path.join(rel, f));
	const readOnly = new Set(['case-list.ts', 'case-statistics.ts']);
	return [
		...dir('src/lib/server/platform/migrations'),
		'src/lib/server/platform/first-start.ts',
		'src/lib/server/platform/demo-cases.ts',
		'src/lib/server/platform/demo-cases-data.ts',
		'bench/cases-data.ts',
		'bench/cases-seed.ts',
		...dir('src/lib/server/cases').filter((f) => !readOnly.has(path.basename(f))),
		...dir('src/lib/domain/cases')
	].sort();
}

function seedHash(): string {
	const hash = crypto.createHash('sha256').update(JSON.stringify(SEED_PARAMS));
	for (const file of seedSources()) {
		hash.update(`\u0000${file}\u0000`).update(fs.readFileSync(path.join(ROOT, file)));
	}
	return hash.digest('hex').slice(0, 16);
}

/** Seeds the open database of `dataDir` (see the header); `loadavg` is the load before. */
async function seed(loadavg: string): Promise<SeedInfo> {
	const { cases: CASES, consultants: CONSULTANTS, years: YEARS } = SEED_PARAMS;
	const started = performance.now();
	const demo = await seedDemo();
	const userId = (email: string) =>
		(getDb().prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: string }).id;
	const login = (description: string) => {
		const found = demo.logins.find((l) => l.description === description)!;
		return { ...found, id: userId(found.email) };
	};
	const consultant = login('jobkonsulent');
	const caseworkerIds = [login('sagsbehandler').id];
	const consultantIds = [consultant.id];
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
				// Starts spread evenly from YEARS ago to three weeks ahead; internships of 8-12 weeks.
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
	return {
		orgId: demo.orgId,
		driftPublicationId: demo.driftPublicationId,
		consultant,
		admin: login('administrator'),
		seededAt: now,
		seedSeconds: Math.round((performance.now() - started) / 100) / 10,
		loadavgBeforeSeeding: loadavg
	};
}

/**
 * A temporary data directory holding the seeded data, open as this process's database: a copy of
 * the cached seed when there is one, else seeded now (and then cached). The caller removes it.
 */
export async function seededDataDir(
	loadavg: string
): Promise<{ dataDir: string; info: SeedInfo; fromCache: boolean; hash: string }> {
	const hash = seedHash();
	const cached = path.join(CACHE_ROOT, hash);
	const infoFile = path.join(cached, 'seed.json');
	const dataDir = tempDataDir();
	if (process.env.BENCH_CASES_FRESH !== '1' && fs.existsSync(infoFile)) {
		const info = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as SeedInfo;
		if (Date.now() - info.seededAt <= MAX_AGE_DAYS * DAY_MS) {
			fs.cpSync(path.join(cached, 'data'), dataDir, { recursive: true });
			initDatabase(dataDir);
			return { dataDir, info, fromCache: true, hash };
		}
	}
	initDatabase(dataDir);
	const info = await seed(loadavg);
	// Closed, the database is one file (the WAL is checkpointed away): a plain copy is whole.
	closeDatabase();
	fs.rmSync(cached, { recursive: true, force: true });
	fs.mkdirSync(cached, { recursive: true });
	fs.cpSync(dataDir, path.join(cached, 'data'), { recursive: true });
	fs.writeFileSync(infoFile, JSON.stringify(info));
	initDatabase(dataDir);
	return { dataDir, info, fromCache: false, hash };
}
