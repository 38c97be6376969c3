/**
 * Puts the demo workshop's day back where browser tests expect it: nobody led anywhere and the
 * agenda at its start with the timer paused. Tests that run the day call it after each test, as
 * other tests on the same worker's server share the workshop.
 */
import { demoDocuments } from './demo-documents.ts';
import { withServerDb } from './db.ts';
import { ApiClient } from './http.ts';
import type { TestServer } from './server.ts';

/** Stops "follow me" and resets the timer and agenda position; returns the facilitator's client. */
export async function resetDemoDay(server: TestServer): Promise<ApiClient> {
	const { email, password } = server.logins.facilitator[0];
	const api = new ApiClient(server.url);
	await api.login(email, password);
	const { workshopId } = demoDocuments(server);
	await api.request('DELETE', `/api/v1/workshops/${workshopId}/run/follow`);
	// The API has no "reset the day"; without a stored row the server starts from the agenda again.
	await withServerDb(server.dataDir, (db) => {
		db.prepare('DELETE FROM run_state WHERE workshop_id = ?').run(workshopId);
	});
	return api;
}
