/**
 * Gives the space of deleted personal data back to the file system after the retention job.
 * `secure_delete` (db.ts) already overwrote the rows with zeros; here the freed pages leave the
 * file, and the write-ahead log, which still holds copies of the old pages, is emptied.
 */
import type { DatabaseSync } from 'node:sqlite';
import { log } from '../platform/log.ts';

/**
 * Incremental vacuum when the file is in that mode (new files are, db.ts). An older file is
 * converted once with a full VACUUM (auto_vacuum was set to INCREMENTAL at open, which VACUUM
 * applies). Then a TRUNCATE checkpoint empties the WAL; if readers hold it, the next one will.
 */
export function reclaimSpace(db: DatabaseSync): void {
	const mode = (db.prepare('PRAGMA auto_vacuum').get() as { auto_vacuum: number }).auto_vacuum;
	try {
		if (mode === 2) db.exec('PRAGMA incremental_vacuum');
		else db.exec('VACUUM');
		db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
	} catch (error) {
		// Space not given back is not data kept: the rows are gone and overwritten already.
		log.warn({ err: error }, 'reclaiming space after retention failed');
	}
}
