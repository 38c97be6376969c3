/**
 * Keeps open sockets in step with access rights. Access changes (member removed or added, phase
 * changed, role changed) arrive as events and are re-checked on the next tick, so a socket whose
 * rights changed is closed well within a second; a periodic sweep is a safety net for a change
 * that sent no event. A closed client reconnects and is authorized afresh. Session ends (logout,
 * expiry, password change or reset) are watched per connection (session-watch.ts).
 */
import type { Logger } from 'pino';
import { onAccessChanged, type AccessChange } from '../../src/lib/server/platform/access-events.ts';
import { CLOSE_CODES } from '../../src/lib/domain/collab-close-codes.ts';
import { recheckAccess } from './auth.ts';
import type { Connection } from './connection.ts';

function affects(change: AccessChange, connection: Connection): boolean {
	const { access } = connection;
	if (change.userId && change.userId !== access.userId) return false;
	if (change.workshopId && change.workshopId !== access.workshopId) return false;
	return true;
}

/** Re-checks one connection and closes it with the matching code when its rights changed. */
function enforce(connection: Connection, log: Logger): void {
	const result = recheckAccess(connection.access);
	if (result === 'unchanged') return;
	log.info(
		{ userId: connection.access.userId, documentId: connection.access.documentId, result },
		'closing socket after access change'
	);
	if (result === 'revoked') connection.fail(CLOSE_CODES.accessRevoked, 'access revoked');
	else connection.fail(CLOSE_CODES.accessChanged, 'access changed');
}

/** Starts watching; returns the function that stops it. */
export function watchAccess(
	connections: ReadonlySet<Connection>,
	sweepIntervalMs: number,
	log: Logger
): () => void {
	let changes: AccessChange[] = [];
	const unsubscribe = onAccessChanged((change) => {
		// Events fire inside the caller's transaction; re-check after it has committed.
		if (changes.length === 0) setImmediate(processChanges);
		changes.push(change);
	});

	function processChanges(): void {
		const batch = changes;
		changes = [];
		for (const connection of [...connections]) {
			if (!batch.some((change) => affects(change, connection))) continue;
			try {
				enforce(connection, log);
			} catch (error) {
				log.error({ err: error }, 'access re-check failed');
			}
		}
	}

	const sweep = setInterval(() => {
		for (const connection of [...connections]) {
			try {
				enforce(connection, log);
			} catch (error) {
				log.error({ err: error }, 'access sweep failed');
			}
		}
	}, sweepIntervalMs);
	sweep.unref();

	return () => {
		unsubscribe();
		clearInterval(sweep);
	};
}
