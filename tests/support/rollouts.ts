/**
 * API helpers for rollout tests (vitest): logged-in clients, the demo workshop, staff clients.
 * The data itself comes from rollout-data.ts.
 */
import { expect } from 'vitest';
import { z } from 'zod';
import { ApiClient } from './http.ts';
import type { TestServer } from './server.ts';
import { workshopSummarySchema } from '#lib/domain/api-schemas.ts';
import { createStaff } from './rollout-data.ts';

export { insertVersion, publishVersion, versionContent } from './rollout-data.ts';

/** A client logged in as `email`. */
export async function loginAs(server: TestServer, email: string, password: string) {
	const client = new ApiClient(server.url);
	expect((await client.login(email, password)).status).toBe(200);
	return client;
}

/** The first demo login of a role. */
export function demoClient(server: TestServer, role: string) {
	const { email, password } = server.logins[role][0];
	return loginAs(server, email, password);
}

/** The demo workshop's id and organisation, through the facilitator's API. */
export async function demoWorkshop(facilitator: ApiClient) {
	const list = await facilitator.request('GET', '/api/v1/workshops');
	return z.array(workshopSummarySchema).parse(list.body)[0];
}

/** `count` staff accounts (organisation role `member`) in `orgId`, logged in. */
export async function staffClients(
	server: TestServer,
	orgId: string,
	count: number,
	prefix = 'staff'
): Promise<ApiClient[]> {
	const made = await createStaff(server, orgId, count, prefix);
	return Promise.all(made.map((m) => loginAs(server, m.email, m.password)));
}
