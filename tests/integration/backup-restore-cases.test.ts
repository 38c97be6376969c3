/**
 * Backups with issue 14's tables (#14 Must have 5), with the real server and the real command-line
 * tool: a backup taken with cases, their audit entries and a retention setting restores with all
 * of them; the audit log still refuses UPDATE and DELETE after the restore; and a case that expired
 * between the backup and the run (the live job had deleted it, the restore brought it back) is
 * deleted again by the retention job's next run. The job's clock is moved forward rather than
 * waited for: it runs in this process on the restored directory with `now` a month ahead.
 */
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { withServerDb } from '../support/db.ts';
import { openDataDir } from '../support/collab-server.ts';
import { caseWorld } from '../support/cases.ts';
import { startServer } from '../support/server.ts';
import { tempDirsForFile } from '../support/temp-dirs.ts';
import { runRetention } from '#lib/server/privacy/retention-job.ts';

const newDir = tempDirsForFile();
const DAY = 24 * 60 * 60 * 1000;
/** The retention job's "now" in this test: a month after the backup. */
const LATER = Date.now() + 30 * DAY;
const TABLES = [
	'cases',
	'young_people',
	'case_staff',
	'case_statements',
	'case_ratings',
	'case_links',
	'audit_log'
];

function day(offset: number): string {
	return new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
}

/** Everything the restore must bring back, read from the data directory. */
function snapshot(dataDir: string, orgId: string, caseId: string) {
	const db = openDataDir(dataDir);
	try {
		const count = (table: string) =>
			(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
		return {
			counts: Object.fromEntries(TABLES.map((t) => [t, count(t)])),
			months: (
				db.prepare('SELECT retention_months AS m FROM organisations WHERE id = ?').get(orgId) as {
					m: number;
				}
			).m,
			kase: { ...db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) },
			entries: db
				.prepare('SELECT * FROM audit_log WHERE case_id = ? ORDER BY id')
				.all(caseId)
				.map((row) => ({ ...row }))
		};
	} finally {
		db.close();
	}
}

function caseExists(db: DatabaseSync, caseId: string): boolean {
	return db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined;
}

describe('backup and restore with cases, the audit log and retention', () => {
	it('restores every case, entry and setting, keeps the log append-only, and the job then deletes what expired meanwhile', async () => {
		const dataDir = newDir();
		const backupFile = path.join(newDir(), 'formvaerk-backup.db');
		const server = await startServer({ dataDir });
		let stopped = false;
		try {
			const w = await caseWorld(server);
			const setRetention = await w.admin.request(
				'PUT',
				`/api/v1/organisations/${w.orgId}/retention`,
				{ months: 6 }
			);
			expect(setRetention.status).toBe(200);
			const start = async () => {
				const created = await w.konsulent.request<{ id: string }>('POST', '/api/v1/cases', {
					publicationId: w.versionId,
					youngPerson: { firstName: 'Bent', lastName: 'Backup' },
					company: 'Brugsen Thisted',
					start: day(-200),
					end: day(-180)
				});
				expect(created.status, JSON.stringify(created.body)).toBe(201);
				return created.body.id;
			};
			const close = async (id: string, daysAgo: number) => {
				expect((await w.konsulent.request('POST', `/api/v1/cases/${id}/close`)).status).toBe(204);
				// Closed long ago: the API closes now, so the date is moved back.
				await withServerDb(dataDir, (db) =>
					db
						.prepare('UPDATE cases SET closed_at = ? WHERE id = ?')
						.run(Date.now() - daysAgo * DAY, id)
				);
			};
			// Closed 170 days ago: kept at the backup (six months), expired a month later.
			const expiring = await start();
			const rated = await w.konsulent.request('POST', `/api/v1/cases/${expiring}/ratings`, {
				pointId: 'detail-m2',
				raterId: 'detail-r3',
				statementId: 'detail-s10',
				level: 'detail-a2-l3'
			});
			expect(rated.status).toBe(204);
			expect((await w.konsulent.request('GET', `/api/v1/cases/${expiring}`)).status).toBe(200);
			await close(expiring, 170);
			// Closed 100 days ago, and still open: kept throughout.
			const recent = await start();
			await close(recent, 100);
			const open = await start();

			const before = snapshot(dataDir, w.orgId, expiring);
			expect(before.months).toBe(6);
			expect(before.entries.map((e) => String(e.detail).split(' ')[0])).toEqual([
				'create',
				'rate',
				'read',
				'close'
			]);
			const backup = await runCli(dataDir, ['backup', '--to', backupFile]);
			expect(backup.code, backup.stderr).toBe(0);

			// After the backup: a new case, and a month later the live job deletes the expired one.
			const afterBackup = await start();
			const live = await withServerDb(dataDir, () => runRetention({ now: LATER, trigger: 'test' }));
			expect(live.expired.map((e) => e.caseId)).toEqual([expiring]);
			expect(live.deleted).toBe(1);
			await withServerDb(dataDir, (db) => expect(caseExists(db, expiring)).toBe(false));

			expect(await server.stop()).toBe(0);
			stopped = true;
			const restored = await runCli(dataDir, ['restore', '--from', backupFile]);
			expect(restored.code, restored.stderr).toBe(0);

			// Everything as at the backup: the expired case is back, the later one gone.
			expect(snapshot(dataDir, w.orgId, expiring)).toEqual(before);
			await withServerDb(dataDir, (db) => {
				expect(caseExists(db, afterBackup)).toBe(false);
				expect(() => db.exec("UPDATE audit_log SET detail = 'x'")).toThrow(/append-only/);
				expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
			});
			expect(snapshot(dataDir, w.orgId, expiring).counts.audit_log).toBe(before.counts.audit_log);

			// At the real time nothing has expired yet; a month on, the job deletes it again.
			const dry = await runCli(dataDir, ['retention', '--dry-run']);
			expect(dry.code, dry.stderr).toBe(0);
			expect(dry.stdout).toContain('0 expired case(s) would be deleted.');
			const run = await withServerDb(dataDir, () => runRetention({ now: LATER, trigger: 'test' }));
			expect(run.deleted).toBe(1);
			await withServerDb(dataDir, (db) => {
				expect(caseExists(db, expiring)).toBe(false);
				expect(caseExists(db, recent)).toBe(true);
				expect(caseExists(db, open)).toBe(true);
				const rows = (table: string) =>
					(
						db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE case_id = ?`).get(expiring) as {
							n: number;
						}
					).n;
				expect(['case_ratings', 'case_staff', 'case_statements'].map(rows)).toEqual([0, 0, 0]);
				const kept = db
					.prepare(
						"SELECT action || '/' || actor_role AS entry FROM audit_log WHERE case_id = ? ORDER BY id"
					)
					.all(expiring)
					.map((r) => r.entry);
				// The entries from before the backup, and the one that it was deleted.
				expect(kept).toEqual([
					'change/jobkonsulent',
					'change/jobkonsulent',
					'read/jobkonsulent',
					'change/jobkonsulent',
					'delete/system'
				]);
			});
			const rerun = await withServerDb(dataDir, () =>
				runRetention({ now: LATER, trigger: 'test' })
			);
			expect(rerun.deleted).toBe(0);
		} finally {
			if (!stopped) await server.stop();
		}
		// Two servers' worth of work (logins hash passwords, the CLI starts three times): the
		// default 30 s is too tight on a busy machine.
	}, 180_000);
});
