/**
 * Direct access to a test server's database for states a test cannot wait for, such as an
 * invitation that is two weeks old. Used only to move time forward, never to check results.
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** Makes every invitation for `email` on the server in `dataDir` expire, as 14 days passing would. */
export function expireInvitations(dataDir: string, email: string): number {
	const db = new DatabaseSync(path.join(dataDir, 'formvaerk.db'));
	try {
		// The server holds the same file open in WAL mode; wait for its writes instead of failing.
		db.exec('PRAGMA busy_timeout = 5000');
		const result = db
			.prepare('UPDATE invitations SET expires_at = ? WHERE email = ?')
			.run(Date.now() - 1000, email);
		return Number(result.changes);
	} finally {
		db.close();
	}
}
