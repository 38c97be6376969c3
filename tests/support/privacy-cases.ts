/**
 * Setup for the privacy tests: cases written straight into a test server's database (the cases
 * module's own API is tested in the cases tests), and a stand-in version to hang them on. Only
 * for setup; assertions go through HTTP, the CLI or read-only queries.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { openDataDir } from './collab-server.ts';

/** Runs `fn` on a writable connection to the server's database, then closes it. */
export function withWritableDb<T>(dataDir: string, fn: (db: DatabaseSync) => T): T {
	const db = openDataDir(dataDir, false);
	try {
		db.exec('PRAGMA busy_timeout = 5000');
		db.exec('PRAGMA foreign_keys = ON');
		return fn(db);
	} finally {
		db.close();
	}
}

/** A version row of the organisation's first workshop (its content is not read by these tests). */
export function standInPublication(db: DatabaseSync, orgId: string): string {
	const workshop = db.prepare('SELECT id FROM workshops WHERE org_id = ? LIMIT 1').get(orgId) as {
		id: string;
	};
	const id = randomUUID();
	const number = (
		db
			.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM publications WHERE workshop_id = ?')
			.get(workshop.id) as { n: number }
	).n;
	db.prepare(
		`INSERT INTO publications (id, workshop_id, org_id, number, note, published_by, published_by_name,
			published_at, format, template_shape_version, drejebog_shape_version, content, sha256)
		 VALUES (?, ?, ?, ?, 'test', 'test', 'Test', ?, 1, 1, 1, '{}', ?)`
	).run(id, workshop.id, orgId, number, Date.now(), 'a'.repeat(64));
	return id;
}

export type TestCase = { id: string; youngPersonId: string };

/** A case (with a young person, a rating and a staff row) closed at `closedAt`, or open. */
export function insertCase(
	db: DatabaseSync,
	input: {
		orgId: string;
		publicationId: string;
		closedAt: number | null;
		youngPersonId?: string;
		staffUserId?: string;
	}
): TestCase {
	const now = Date.now();
	const youngPersonId = input.youngPersonId ?? randomUUID();
	if (!input.youngPersonId) {
		db.prepare(
			"INSERT INTO young_people (id, org_id, first_name, last_name, created_at) VALUES (?, ?, 'Ung', 'Person', ?)"
		).run(youngPersonId, input.orgId, now);
	}
	const id = randomUUID();
	db.prepare(
		`INSERT INTO cases (id, org_id, publication_id, young_person_id, company, start_date, end_date,
			closed_at, created_at, updated_at)
		 VALUES (?, ?, ?, ?, 'Firma A/S', '2025-01-01', '2025-03-01', ?, ?, ?)`
	).run(id, input.orgId, input.publicationId, youngPersonId, input.closedAt, now, now);
	db.prepare(
		"INSERT INTO case_ratings (case_id, point_id, rater_id, statement_id, level_id, rated_at) VALUES (?, 'p1', 'r1', 's1', 'l1', ?)"
	).run(id, now);
	if (input.staffUserId) {
		db.prepare(
			"INSERT INTO case_staff (case_id, user_id, role, assigned_at) VALUES (?, ?, 'jobkonsulent', ?)"
		).run(id, input.staffUserId, now);
	}
	return { id, youngPersonId };
}

/** Rows anywhere that still belong to `caseId` (the case and its ratings). */
export function rowsOfCase(db: DatabaseSync, caseId: string): number {
	const one = (sql: string) => (db.prepare(sql).get(caseId) as { n: number }).n;
	return (
		one('SELECT COUNT(*) AS n FROM cases WHERE id = ?') +
		one('SELECT COUNT(*) AS n FROM case_ratings WHERE case_id = ?')
	);
}
