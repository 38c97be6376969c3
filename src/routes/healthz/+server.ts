import { json } from '@sveltejs/kit';
import { isDatabaseOpen } from '#lib/server/platform/db.ts';
import type { RequestHandler } from './$types';

/** Liveness for load balancers and monitoring: 200 while the database is open. */
export const GET = (() => {
	if (!isDatabaseOpen()) return json({ status: 'unavailable' }, { status: 503 });
	return json({ status: 'ok' });
}) satisfies RequestHandler;
