/**
 * Migration 012 (run days) on a database of the previous version: the stored run state becomes
 * Dag 1's, follow targets, comment threads with their replies, locks and votes survive the
 * rebuilt tables, and the drejebog's kinds are accepted afterwards. A reply still belongs to its
 * thread: deleting the thread deletes it (the rebuilt table refers to itself).
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '#lib/server/platform/db.ts';
import { MIGRATIONS } from '#lib/server/platform/migrations/index.ts';

function withDatabaseAt(version: number, fn: (db: DatabaseSync) => void): void {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `formvaerk-m${version}-`));
	const db = new DatabaseSync(path.join(dir, 'formvaerk.db'));
	try {
		db.exec('PRAGMA foreign_keys = ON');
		db.exec(
			'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)'
		);
		for (const migration of MIGRATIONS.filter((m) => m.version <= version)) {
			db.exec(migration.sql);
			db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(
				migration.version,
				migration.name
			);
		}
		db.exec(`
			INSERT INTO organisations (id, name, created_at) VALUES ('o', 'Kommune', 0);
			INSERT INTO users (id, email, name, password_hash, created_at)
				VALUES ('u', 'frida@example.dk', 'Frida', 'x', 0);
			INSERT INTO workshops (id, org_id, title, format_json, phase, created_at)
				VALUES ('w', 'o', 'Forløb', '{}', 'drejebog', 0);
			INSERT INTO documents (id, workshop_id, kind, created_at)
				VALUES ('t', 'w', 'template', 0), ('d', 'w', 'drejebog', 0);
			INSERT INTO run_state (workshop_id, agenda_json, item_index, started_at, elapsed_ms, added_ms, updated_at)
				VALUES ('w', '[{"title":"Velkomst","minutes":20}]', 0, NULL, 5000, 0, 42);
			INSERT INTO run_follow (workshop_id, document_id, element_id, element_kind, element_label, set_by, set_at)
				VALUES ('w', 't', 'a1', 'area', 'Sociale', 'u', 1);
			INSERT INTO comments (id, document_id, element_id, element_kind, parent_id, author_id, text, created_at, element_label)
				VALUES ('c1', 't', 's1', 'statement', NULL, 'u', 'Hvorfor?', 1, 'Møder til tiden'),
				       ('c2', 't', 's1', 'statement', 'c1', 'u', 'Derfor.', 2, NULL);
			INSERT INTO document_locks (document_id, kind, target_id, locked_by, locked_at)
				VALUES ('t', 'area', 'a1', 'u', 3);
			INSERT INTO votes (id, workshop_id, title, dots_per_person, is_open, created_at)
				VALUES ('v', 'w', 'Udsagn', 3, 1, 0);
			INSERT INTO vote_candidates (vote_id, id, text, statement_id, position)
				VALUES ('v', 'k', 'Møder til tiden', 's1', 0);
		`);
		fn(db);
	} finally {
		db.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

const rows = (db: DatabaseSync, sql: string) =>
	db
		.prepare(sql)
		.all()
		.map((row) => ({ ...row }));

describe('migration 012 (run days)', () => {
	it('keeps every row: the stored run state becomes Dag 1’s', () => {
		withDatabaseAt(10, (db) => {
			migrate(db);
			expect(rows(db, 'SELECT workshop_id, day, elapsed_ms, updated_at FROM run_state')).toEqual([
				{ workshop_id: 'w', day: 'format', elapsed_ms: 5000, updated_at: 42 }
			]);
			expect(rows(db, 'SELECT element_id, element_kind FROM run_follow')).toEqual([
				{ element_id: 'a1', element_kind: 'area' }
			]);
			expect(rows(db, 'SELECT id, parent_id, element_label FROM comments ORDER BY id')).toEqual([
				{ id: 'c1', parent_id: null, element_label: 'Møder til tiden' },
				{ id: 'c2', parent_id: 'c1', element_label: null }
			]);
			expect(rows(db, 'SELECT kind, target_id FROM document_locks')).toEqual([
				{ kind: 'area', target_id: 'a1' }
			]);
			expect(rows(db, 'SELECT subject FROM votes')).toEqual([{ subject: 'statements' }]);
			expect(rows(db, 'SELECT statement_id, step_id FROM vote_candidates')).toEqual([
				{ statement_id: 's1', step_id: null }
			]);
		});
	});

	it('accepts the drejebog’s kinds and a run state per day afterwards', () => {
		withDatabaseAt(10, (db) => {
			migrate(db);
			db.exec(`
				INSERT INTO run_state (workshop_id, day, agenda_json, updated_at)
					VALUES ('w', 'drejebog', '[]', 1), ('w', 'rollout', '[]', 1);
				UPDATE run_follow SET document_id = 'd', element_id = 'st', element_kind = 'step';
				INSERT INTO comments (id, document_id, element_id, element_kind, author_id, text, created_at)
					VALUES ('c3', 'd', 'st', 'step', 'u', 'Hvem?', 3),
					       ('c4', 'd', 'section-cvPlan', 'cvPlan', 'u', 'Niveau 3?', 4),
					       ('c5', 'd', 'section-reactions', 'reactions', 'u', 'Efter 7 dage?', 5),
					       ('c6', 'd', 'sg', 'stage', 'u', 'Navnet?', 6);
				INSERT INTO document_locks (document_id, kind, target_id, locked_at)
					VALUES ('d', 'stage', 'sg', 1), ('d', 'cvPlan', 'd', 1), ('d', 'reactions', 'd', 1);
				INSERT INTO votes (id, workshop_id, title, dots_per_person, is_open, created_at, subject)
					VALUES ('v2', 'w', 'Trin', 2, 1, 0, 'steps');
			`);
			expect(rows(db, 'SELECT day FROM run_state ORDER BY day')).toEqual([
				{ day: 'drejebog' },
				{ day: 'format' },
				{ day: 'rollout' }
			]);
			expect(() =>
				db.exec(`INSERT INTO run_state (workshop_id, day, agenda_json, updated_at)
					VALUES ('w', 'drift', '[]', 1)`)
			).toThrow(/CHECK/);
			expect(() =>
				db.exec(`INSERT INTO votes (id, workshop_id, title, dots_per_person, created_at, subject)
					VALUES ('v3', 'w', 'X', 1, 0, 'areas')`)
			).toThrow(/CHECK/);
		});
	});

	it('still deletes a thread’s replies with the thread', () => {
		withDatabaseAt(10, (db) => {
			migrate(db);
			db.exec(`DELETE FROM comments WHERE id = 'c1'`);
			expect(rows(db, 'SELECT id FROM comments')).toEqual([]);
			const [check] = rows(db, 'PRAGMA foreign_key_check');
			expect(check).toBeUndefined();
		});
	});
});
