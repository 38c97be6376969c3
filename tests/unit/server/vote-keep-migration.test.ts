/**
 * Migrations 006 and 009 on a database of the previous version. 006: votes kept before it
 * finished normally (a failed keep was undone at once), so they count as applied; otherwise the
 * first start after the upgrade would undo them (vote-keep-recovery.ts). 009: keeps before it
 * always deleted the statements not chosen, so they are recorded as having done so.
 */
import { describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { migrate } from '#lib/server/platform/db.ts';
import { MIGRATIONS } from '#lib/server/platform/migrations/index.ts';
import { withDatabaseAt } from '../../support/old-database.ts';

/**
 * Runs `fn` on a fresh database migrated up to `version` only, holding one workshop ('w') with a
 * kept vote ('kept', kept at 1234) and an open one ('open'); deletes it afterwards.
 */
function withOldDatabase(version: number, fn: (db: DatabaseSync) => void): void {
	withDatabaseAt(
		version,
		`
			INSERT INTO organisations (id, name, created_at) VALUES ('o', 'Kommune', 0);
			INSERT INTO workshops (id, org_id, title, format_json, phase, created_at)
				VALUES ('w', 'o', 'Forløb', '{}', 'format', 0);
			INSERT INTO votes (id, workshop_id, title, dots_per_person, is_open, created_at, kept_at)
				VALUES ('kept', 'w', 'Holdt', 1, 0, 0, 1234), ('open', 'w', 'Åben', 1, 1, 0, NULL);
		`,
		fn
	);
}

describe('migration 006 (vote keep applied)', () => {
	it('marks the keeps of an older database as applied and leaves open keeps alone', () => {
		withOldDatabase(5, (db) => {
			expect(migrate(db)).toBe(MIGRATIONS.length - 5);
			const rows = db.prepare('SELECT id, keep_applied_at FROM votes ORDER BY id').all();
			expect(rows.map((r) => ({ ...r }))).toEqual([
				{ id: 'kept', keep_applied_at: 1234 },
				{ id: 'open', keep_applied_at: null }
			]);
		});
	});
});

describe('migration 009 (keep choice and comment copies)', () => {
	it('records that older keeps removed the others, and leaves votes not kept undecided', () => {
		withOldDatabase(8, (db) => {
			migrate(db);
			const rows = db.prepare('SELECT id, keep_removed_others FROM votes ORDER BY id').all();
			expect(rows.map((r) => ({ ...r }))).toEqual([
				{ id: 'kept', keep_removed_others: 1 },
				{ id: 'open', keep_removed_others: null }
			]);
			const columns = db.prepare('PRAGMA table_info(comments)').all() as { name: string }[];
			expect(columns.map((c) => c.name)).toContain('element_label');
		});
	});
});
