/**
 * The session's event stream: the presenter's step reaches followers at once (and the current
 * step on connecting), followers' moves and confirmations reach only the facilitator's stream as
 * `dashboard`, closing reaches everyone, and people who have not joined get no stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import type { ApiClient } from '../support/http.ts';
import { demoClient, demoWorkshop, publishVersion, staffClients } from '../support/rollouts.ts';
import { openSse, type SseStream } from '../support/sse.ts';
import { createdRolloutSchema } from '#lib/domain/rollout/api-schemas.ts';

let server: TestServer;
let facilitator: ApiClient;
let follower: ApiClient;
let outsider: ApiClient;
let rolloutId: string;
const streams: SseStream[] = [];

beforeAll(async () => {
	server = await startServer();
	facilitator = await demoClient(server, 'facilitator');
	const workshop = await demoWorkshop(facilitator);
	const versionId = await publishVersion(server, workshop.id);
	const created = await facilitator.request('POST', `/api/v1/publications/${versionId}/rollouts`);
	const { id, code } = createdRolloutSchema.parse(created.body);
	rolloutId = id;
	[follower, outsider] = await staffClients(server, workshop.orgId, 2, 'sse');
	expect((await follower.request('POST', '/api/v1/rollouts/join', { code })).status).toBe(200);
});
afterAll(async () => {
	for (const stream of streams) stream.close();
	await server?.stop();
});

async function stream(client: ApiClient): Promise<SseStream> {
	const opened = await openSse(
		`${server.url}/api/v1/rollouts/${rolloutId}/events`,
		client.cookieHeader
	);
	streams.push(opened);
	return opened;
}

describe('the rollout event stream', () => {
	it('refuses someone who has not joined', async () => {
		expect((await stream(outsider)).status).toBe(403);
	});

	it('carries the presenter to followers, and followers to the facilitator only', async () => {
		const mine = await stream(follower);
		const lead = await stream(facilitator);
		expect(mine.status).toBe(200);
		await mine.next(
			(e) => e.event === 'presenter' && (e.data as { stepId: string }).stepId === 'purpose'
		);
		const moved = await facilitator.request('POST', `/api/v1/rollouts/${rolloutId}/presenter`, {
			stepId: 'rating-plan'
		});
		expect(moved.status).toBe(204);
		await mine.next(
			(e) => e.event === 'presenter' && (e.data as { stepId: string }).stepId === 'rating-plan'
		);
		expect(
			(
				await follower.request('POST', `/api/v1/rollouts/${rolloutId}/presenter`, {
					stepId: 'purpose'
				})
			).status
		).toBe(403);
		await follower.request('POST', `/api/v1/rollouts/${rolloutId}/position`, { stepId: 'purpose' });
		await lead.next(
			(e) => e.event === 'change' && (e.data as { kind: string }).kind === 'dashboard'
		);
		await facilitator.request('POST', `/api/v1/rollouts/${rolloutId}/close`);
		await mine.next((e) => e.event === 'change' && (e.data as { kind: string }).kind === 'closed');
		expect(
			mine.events.filter((e) => e.event === 'change').map((e) => (e.data as { kind: string }).kind)
		).toEqual(['closed']);
		expect(
			mine.events
				.filter((e) => e.event === 'presenter')
				.map((e) => (e.data as { stepId: string }).stepId)
		).toEqual(['purpose', 'rating-plan']);
	});
});
