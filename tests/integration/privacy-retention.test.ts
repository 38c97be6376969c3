/**
 * The retention job from the CLI against a running server's data directory: a dry run lists and
 * deletes nothing; a run deletes the expired closed cases for real (rows gone, the young person
 * too when no other case names them) and keeps the others, leaving only an audit entry per
 * deleted case; a rerun does nothing; a run killed halfway (SIGKILL) leaves every case whole or
 * gone, and a rerun finishes cleanly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { runCli } from '../support/cli.ts';
import { loggedIn } from '../support/publications.ts';
import {
	insertCase,
	rowsOfCase,
	standInPublication,
	withWritableDb,
	type TestCase
} from '../support/privacy-cases.ts';

const MONTH = 31 * 24 * 60 * 60 * 1000;
let server: TestServer;
let orgId: string;
let publicationId: string;

beforeAll(async () => {
	server = await startServer();
	const admin = await loggedIn(server, 'administrator');
	const me = (await admin.request('GET', '/api/v1/me')).body as { orgs: { id: string }[] };
	orgId = me.orgs[0].id;
	// Six months: a case closed seven months ago has expired, one closed five months ago not.
	expect(
		(await admin.request('PUT', `/api/v1/organisations/${orgId}/retention`, { months: 6 })).status
	).toBe(200);
	publicationId = withWritableDb(server.dataDir, (db) => standInPublication(db, orgId));
}, 60_000);

afterAll(async () => {
	await server?.stop();
});

function addCases(closedMonthsAgo: (number | null)[], youngPersonId?: string): TestCase[] {
	return withWritableDb(server.dataDir, (db) =>
		closedMonthsAgo.map((months) =>
			insertCase(db, {
				orgId,
				publicationId,
				youngPersonId,
				closedAt: months === null ? null : Date.now() - months * MONTH
			})
		)
	);
}

const remaining = (cases: TestCase[]) =>
	withWritableDb(server.dataDir, (db) =>
		cases.filter((c) => rowsOfCase(db, c.id) > 0).map((c) => c.id)
	);

function deletions(caseIds: string[]) {
	return withWritableDb(server.dataDir, (db) =>
		caseIds.map(
			(id) =>
				db
					.prepare(
						"SELECT action, actor_role AS role, actor_user_id AS userId, detail FROM audit_log WHERE case_id = ? AND action = 'delete'"
					)
					.all(id) as { action: string; role: string; userId: string | null; detail: string }[]
		)
	);
}

describe('retention job (CLI)', () => {
	it('lists, deletes the expired cases for real, keeps the others, and a rerun does nothing', async () => {
		const [expired, alsoExpired, recent, open] = addCases([7, 13, 5, null]);
		// The same young person has an expired and a kept case: they stay, with one case.
		const [shared] = addCases([8]);
		const [sharedKept] = addCases([1], shared.youngPersonId);

		const dry = await runCli(server.dataDir, ['retention', '--dry-run']);
		expect(dry.code, dry.stderr).toBe(0);
		expect(dry.stdout).toContain(`Expired: case ${expired.id}`);
		expect(dry.stdout).toContain('3 expired case(s) would be deleted.');
		expect(remaining([expired, alsoExpired, shared])).toHaveLength(3);

		const run = await runCli(server.dataDir, ['retention']);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toContain('3 case(s) deleted.');
		expect(remaining([expired, alsoExpired, shared, recent, open, sharedKept])).toEqual([
			recent.id,
			open.id,
			sharedKept.id
		]);
		withWritableDb(server.dataDir, (db) => {
			const person = db.prepare('SELECT COUNT(*) AS n FROM young_people WHERE id = ?');
			expect((person.get(expired.youngPersonId) as { n: number }).n).toBe(0);
			expect((person.get(shared.youngPersonId) as { n: number }).n).toBe(1);
		});
		// Exactly one entry per deleted case, by the job, saying it was the retention period.
		for (const entries of deletions([expired.id, alsoExpired.id, shared.id])) {
			expect(entries).toEqual([
				{
					action: 'delete',
					role: 'system',
					userId: null,
					detail: expect.stringContaining('"reason":"retention"') as string
				}
			]);
		}

		const rerun = await runCli(server.dataDir, ['retention']);
		expect(rerun.stdout).toContain('0 case(s) deleted.');
		expect(deletions([expired.id])[0]).toHaveLength(1);
	});

	it('survives a kill halfway: every case whole or gone, and a rerun finishes', async () => {
		const cases = addCases([9, 9, 9, 9, 9]);
		const killed = await runCli(server.dataDir, ['retention'], {
			env: { FORMVAERK_TEST_RETENTION_KILL_AFTER: '2' }
		});
		expect(killed.code).toBeNull();
		const left = remaining(cases);
		expect(left).toHaveLength(3);
		// A case left is whole: its rating is still there.
		withWritableDb(server.dataDir, (db) => {
			for (const id of left) expect(rowsOfCase(db, id)).toBe(2);
		});

		const rerun = await runCli(server.dataDir, ['retention']);
		expect(rerun.code, rerun.stderr).toBe(0);
		expect(rerun.stdout).toContain('3 case(s) deleted.');
		expect(remaining(cases)).toEqual([]);
		expect(deletions(cases.map((c) => c.id)).every((entries) => entries.length === 1)).toBe(true);
	});
});
