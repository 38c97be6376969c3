/**
 * The list for the next version over HTTP against the real server: questions and suggestions
 * posted in a session stay out of the version library until the facilitator collects them; only
 * the facilitator collects (staff are refused and nothing changes); the library shows the list to
 * the facilitator and not to staff; publishing a newer version empties it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import type { ApiClient } from '../support/http.ts';
import { demoClient, demoWorkshop, insertVersion, publishVersion } from '../support/rollouts.ts';
import { collectedFeedbackSchema, rolloutViewSchema } from '#lib/domain/rollout/api-schemas.ts';

let server: TestServer;
let facilitator: ApiClient;
let staff: ApiClient;
let workshopId: string;
let rolloutId: string;

beforeAll(async () => {
	server = await startServer();
	facilitator = await demoClient(server, 'facilitator');
	staff = await demoClient(server, 'medarbejder');
	workshopId = (await demoWorkshop(facilitator)).id;
	const versionId = await publishVersion(server, workshopId);
	const created = await facilitator.request<{ id: string; code: string }>(
		'POST',
		`/api/v1/publications/${versionId}/rollouts`
	);
	expect(created.status).toBe(201);
	rolloutId = created.body.id;
	const joined = await staff.request('POST', '/api/v1/rollouts/join', { code: created.body.code });
	expect(joined.status).toBe(200);
});
afterAll(async () => {
	await server?.stop();
});

/** The version library page's HTML as `client` gets it. */
async function library(client: ApiClient): Promise<string> {
	const response = await client.request<string>('GET', '/publications', undefined, {
		accept: 'text/html'
	});
	expect(response.status).toBe(200);
	return response.body;
}

async function feedback() {
	const response = await facilitator.request('GET', `/api/v1/rollouts/${rolloutId}`);
	return rolloutViewSchema.parse(response.body).facilitator!.feedback;
}

const collect = (client: ApiClient) =>
	client.request('POST', `/api/v1/rollouts/${rolloutId}/feedback/collect`);

describe('the list for the next version', () => {
	it('holds what the facilitator collected, for the facilitator, until a newer version', async () => {
		const question = 'Hvem udfylder skemaet, når kontaktpersonen er syg?';
		const posted = await staff.request('POST', `/api/v1/rollouts/${rolloutId}/feedback`, {
			kind: 'question',
			text: question
		});
		expect(posted.status).toBe(201);
		expect(posted.body).toMatchObject({ collectedAt: null });
		expect(await library(facilitator)).not.toContain(question);

		expect((await collect(staff)).status).toBe(403);
		expect((await feedback())[0].collectedAt).toBeNull();

		const collected = await collect(facilitator);
		expect(collected.status).toBe(200);
		expect(collectedFeedbackSchema.parse(collected.body)).toEqual({ collected: 1 });
		expect((await feedback())[0].collectedAt).toEqual(expect.any(Number));
		expect(collectedFeedbackSchema.parse((await collect(facilitator)).body)).toEqual({
			collected: 0
		});

		const html = await library(facilitator);
		expect(html).toContain('Til næste version');
		expect(html).toContain(question);
		expect(await library(staff)).not.toContain(question);

		// A later suggestion is not in the list until it is collected too.
		const later = 'Tilføj et eksempel fra et bofællesskab';
		await staff.request('POST', `/api/v1/rollouts/${rolloutId}/feedback`, {
			kind: 'suggestion',
			text: later
		});
		expect(await library(facilitator)).not.toContain(later);

		await insertVersion(server, workshopId, 2);
		expect(await library(facilitator)).not.toContain(question);
	});
});
