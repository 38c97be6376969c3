import { json } from '@sveltejs/kit';
import { databaseState } from '#lib/server/platform/db-health.ts';
import type { RequestHandler } from './$types';

/**
 * Liveness for load balancers and monitoring: 200 while the database is open and its file is
 * usable, 503 with the database's state otherwise (db-health.ts; cheap enough to poll).
 */
export const GET = (() => {
	const database = databaseState();
	if (database !== 'ok') return json({ status: 'unavailable', database }, { status: 503 });
	return json({ status: 'ok', database });
}) satisfies RequestHandler;
