/**
 * The retention job (issue 14): deletes the closed cases each municipality no longer keeps, one
 * case per transaction through the cases module (`expireCase`), then gives the freed space back
 * (`reclaim.ts`). It runs inside the server (daily, and shortly after start: `scheduleRetention`)
 * and from the CLI (`npm run cli -- retention [--dry-run]`). It is idempotent: it decides from
 * the data alone, so a second run finds nothing and a run after a crash finishes the rest.
 */
import { randomUUID } from 'node:crypto';
import { getDb } from '../platform/db.ts';
import { log } from '../platform/log.ts';
import { closedBound, isExpired } from '#lib/domain/privacy/retention.ts';
import { closedCasesUpTo, expireCase } from '../cases/case-retention.ts';
import { reclaimSpace } from './reclaim.ts';

export type RetentionTrigger = 'schedule' | 'cli' | 'test';

/** What one run found and did. */
export type RetentionReport = {
	isDryRun: boolean;
	/** The expired cases (ids only), per municipality. */
	expired: { orgId: string; caseId: string; closedAt: number }[];
	deleted: number;
};

/** The closed cases past their municipality's retention at `now`, oldest first. */
export function expiredCases(now: number): RetentionReport['expired'] {
	const db = getDb();
	const orgs = db.prepare('SELECT id, retention_months AS months FROM organisations').all() as {
		id: string;
		months: number;
	}[];
	const found: RetentionReport['expired'] = [];
	for (const org of orgs) {
		for (const kase of closedCasesUpTo(org.id, closedBound(now, org.months))) {
			if (isExpired(kase.closedAt, org.months, now)) {
				found.push({ orgId: org.id, caseId: kase.id, closedAt: kase.closedAt });
			}
		}
	}
	return found;
}

/**
 * One run: finds the expired cases and, unless `isDryRun`, deletes each in its own transaction,
 * records the run in `retention_runs`, logs what it did and reclaims the space.
 */
export function runRetention(options: {
	now?: number;
	isDryRun?: boolean;
	trigger: RetentionTrigger;
	/** Called after each deleted case (the CLI's test of a kill halfway uses it). */
	onDeleted?: (count: number) => void;
}): RetentionReport {
	const now = options.now ?? Date.now();
	const expired = expiredCases(now);
	if (options.isDryRun) {
		log.info({ expired: expired.length }, 'retention dry run');
		return { isDryRun: true, expired, deleted: 0 };
	}
	const db = getDb();
	const runId = Number(
		db
			.prepare('INSERT INTO retention_runs (started_at, trigger) VALUES (?, ?)')
			.run(now, options.trigger).lastInsertRowid
	);
	const requestId = `retention-${randomUUID()}`;
	let deleted = 0;
	for (const { caseId } of expired) {
		if (expireCase({ requestId }, caseId, 'retention')) deleted++;
		options.onDeleted?.(deleted);
	}
	db.prepare('UPDATE retention_runs SET finished_at = ?, deleted = ? WHERE id = ?').run(
		Date.now(),
		deleted,
		runId
	);
	if (deleted > 0) reclaimSpace(db);
	log.info(
		{ deleted, cases: expired.map((e) => e.caseId), trigger: options.trigger },
		'retention run'
	);
	return { isDryRun: false, expired, deleted };
}

/** The latest finished run, for the settings page. */
export function lastRetentionRun(): { finishedAt: number; deleted: number } | null {
	const row = getDb()
		.prepare(
			'SELECT finished_at AS finishedAt, deleted FROM retention_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1'
		)
		.get() as { finishedAt: number; deleted: number } | undefined;
	return row ?? null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The first run after start: soon, but not while the server is still warming up. */
const FIRST_RUN_DELAY_MS = 60 * 1000;

/**
 * Runs the job a minute after start and then daily, inside the server. A failed run is logged and
 * the next one tries again. Returns a function that stops the schedule (at shutdown).
 */
export function scheduleRetention(
	firstDelayMs = FIRST_RUN_DELAY_MS,
	intervalMs = DAY_MS
): () => void {
	let timer: NodeJS.Timeout;
	const run = () => {
		try {
			runRetention({ trigger: 'schedule' });
		} catch (error) {
			log.error({ err: error }, 'retention run failed');
		}
		timer = setTimeout(run, intervalMs);
		timer.unref();
	};
	timer = setTimeout(run, firstDelayMs);
	timer.unref();
	return () => clearTimeout(timer);
}
