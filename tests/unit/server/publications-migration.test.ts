/**
 * Migration 011 on a database of the previous version (010): `documents` is copied into a table whose
 * rows may leave their workshop (retired), without losing a row of it or of what refers to it
 * (logs, snapshots, comments, locks), with foreign keys on again afterwards; and the published-version
 * table refuses changes by itself.
 */
import { describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { migrate } from '#lib/server/platform/db.ts';
import { MIGRATIONS } from '#lib/server/platform/migrations/index.ts';
import { withDatabaseAt } from '../../support/old-database.ts';

function withVersion10(fn: (db: DatabaseSync) => void): void {
	withDatabaseAt(
		10,
		`
			INSERT INTO organisations (id, name, created_at) VALUES ('o', 'Kommune', 0);
			INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u', 'u@k.dk', 'U', 'x', 0);
			INSERT INTO workshops (id, org_id, title, format_json, phase, created_at)
				VALUES ('w', 'o', 'Forløb', '{}', 'format', 0);
			INSERT INTO documents (id, workshop_id, kind, created_at)
				VALUES ('t', 'w', 'template', 1), ('d', 'w', 'drejebog', 2);
			INSERT INTO doc_updates (document_id, data, author_id, created_at)
				VALUES ('t', x'0102', 'u', 3), ('d', x'03', 'u', 4);
			INSERT INTO doc_snapshots (document_id, data, last_seq, updated_at) VALUES ('t', x'00', 0, 5);
			INSERT INTO comments (id, document_id, element_id, element_kind, author_id, text, created_at)
				VALUES ('c', 't', 'a1', 'area', 'u', 'Godt', 6);
			INSERT INTO document_locks (document_id, kind, target_id, locked_by, locked_at)
				VALUES ('t', 'ratingPlan', 't', 'u', 7);
		`,
		fn
	);
}

const all = (db: DatabaseSync, sql: string) =>
	db
		.prepare(sql)
		.all()
		.map((row) => ({ ...row }));

describe('migration 011 (publications)', () => {
	it('keeps every document and every row that refers to one, with foreign keys on again', () => {
		withVersion10((db) => {
			expect(migrate(db)).toBe(MIGRATIONS.length - 10);
			expect(
				all(db, 'SELECT id, workshop_id, kind, created_at, retired_from FROM documents ORDER BY id')
			).toEqual([
				{ id: 'd', workshop_id: 'w', kind: 'drejebog', created_at: 2, retired_from: null },
				{ id: 't', workshop_id: 'w', kind: 'template', created_at: 1, retired_from: null }
			]);
			expect(all(db, 'SELECT document_id FROM doc_updates ORDER BY seq')).toHaveLength(2);
			expect(all(db, 'SELECT document_id FROM doc_snapshots')).toHaveLength(1);
			expect(all(db, 'SELECT id FROM comments')).toHaveLength(1);
			expect(all(db, 'SELECT document_id, kind FROM document_locks')).toEqual([
				{ document_id: 't', kind: 'ratingPlan' }
			]);
			expect(all(db, 'PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
			expect(all(db, 'PRAGMA foreign_key_check')).toEqual([]);
			// The log still belongs to its document: deleting the document would take it along.
			expect(() =>
				db
					.prepare("INSERT INTO doc_updates (document_id, data, created_at) VALUES ('x', x'00', 0)")
					.run()
			).toThrow(/FOREIGN KEY/);
		});
	});

	it('lets a document leave its workshop (retired) so a new one of its kind can join', () => {
		withVersion10((db) => {
			migrate(db);
			const insertCurrent = () =>
				db
					.prepare(
						"INSERT INTO documents (id, workshop_id, kind, created_at) VALUES ('t2', 'w', 'template', 9)"
					)
					.run();
			expect(insertCurrent).toThrow(/UNIQUE/);
			expect(() =>
				db.prepare("UPDATE documents SET workshop_id = NULL WHERE id = 't'").run()
			).toThrow(/CHECK/);
			db.prepare(
				"UPDATE documents SET workshop_id = NULL, retired_from = 'w', retired_at = 9 WHERE id = 't'"
			).run();
			insertCurrent();
			expect(
				all(db, "SELECT id FROM documents WHERE workshop_id = 'w' AND kind = 'template'")
			).toEqual([{ id: 't2' }]);
		});
	});

	it('refuses to change, delete or replace a published version', () => {
		withVersion10((db) => {
			migrate(db);
			const insert = (id: string, number: number) =>
				db
					.prepare(
						`INSERT INTO publications (id, workshop_id, org_id, number, note, published_by,
						published_by_name, published_at, format, template_shape_version,
						drejebog_shape_version, content, sha256)
					 VALUES (?, 'w', 'o', ?, 'Note', 'u', 'U', 0, 1, 2, 1, '{}', ?)`
					)
					.run(id, number, 'a'.repeat(64));
			insert('p1', 1);
			expect(() => db.prepare("UPDATE publications SET note = 'x'").run()).toThrow(
				/cannot be changed/
			);
			expect(() => db.prepare('DELETE FROM publications').run()).toThrow(/cannot be deleted/);
			expect(() => insert('p1', 2)).toThrow(/cannot be replaced/);
			expect(() => insert('p2', 1)).toThrow(/cannot be replaced/);
			expect(() => db.prepare("DELETE FROM workshops WHERE id = 'w'").run()).toThrow();
			insert('p2', 2);
			expect(all(db, 'SELECT id, note FROM publications ORDER BY number')).toEqual([
				{ id: 'p1', note: 'Note' },
				{ id: 'p2', note: 'Note' }
			]);
		});
	});
});
