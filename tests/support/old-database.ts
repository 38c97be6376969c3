/**
 * A database as an older release left it, for migration tests: a fresh file migrated up to
 * `version` only, the way those releases applied their migrations, with foreign keys on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from '#lib/server/platform/migrations/index.ts';

/** Runs `fn` on a database at schema `version` holding `seedSql`; deletes it afterwards. */
export function withDatabaseAt(
	version: number,
	seedSql: string,
	fn: (db: DatabaseSync) => void
): void {
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
		db.exec(seedSql);
		fn(db);
	} finally {
		db.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
