/**
 * Run mode through the JSON API against the real server: everyone in the workshop reads the
 * agenda and timer, only the facilitator changes them (a work-group member and staff get 403 and
 * nothing changes), bad input gets a Danish 400, and the timer survives a server restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { apiErrorSchema, runViewSchema, workshopSummarySchema } from '#lib/domain/api-schemas.ts';
import { THREE_DAY_FORMAT } from '#lib/domain/workshop.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let demoId: string;
let as: Record<'facilitator' | 'member' | 'staff', ApiClient>;
const logins: Record<string, { email: string; password: string }> = {};

async function loggedIn(key: string): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	const { email, password } = logins[key];
	expect((await client.login(email, password)).status).toBe(200);
	return client;
}

async function logInAll(): Promise<void> {
	const [facilitator, member, staff] = await Promise.all(
		['facilitator', 'arbejdsgruppe', 'medarbejder'].map(loggedIn)
	);
	as = { facilitator, member, staff };
}

beforeAll(async () => {
	server = await startServer();
	for (const key of ['facilitator', 'arbejdsgruppe', 'medarbejder']) {
		logins[key] = server.logins[key][0];
	}
	await logInAll();
	const list = await as.facilitator.request('GET', '/api/v1/workshops');
	demoId = z.array(workshopSummarySchema).parse(list.body)[0].id;
});
afterAll(async () => {
	await server?.stop();
});

async function runState(client: ApiClient) {
	const response = await client.request('GET', `/api/v1/workshops/${demoId}/run`);
	expect(response.status).toBe(200);
	return runViewSchema.parse(response.body);
}

function timer(client: ApiClient, body: unknown) {
	return client.request('POST', `/api/v1/workshops/${demoId}/run/timer`, body);
}

const dayOne = THREE_DAY_FORMAT.days[0].agenda;

describe('run mode over the API', () => {
	it("starts on the format's Dag 1 agenda, paused, for everyone in the workshop", async () => {
		for (const client of [as.facilitator, as.member, as.staff]) {
			const state = await runState(client);
			expect(state).toMatchObject({
				agenda: dayOne,
				itemIndex: 0,
				isRunning: false,
				remainingMs: dayOne[0].minutes * 60_000,
				warning: 'none',
				canRun: client === as.facilitator
			});
		}
	});

	it('refuses every timer action from a work-group member and staff; nothing changes', async () => {
		const before = await runState(as.facilitator);
		for (const client of [as.member, as.staff]) {
			for (const body of [
				{ action: 'start' },
				{ action: 'pause' },
				{ action: 'add', minutes: 5 },
				{ action: 'next' }
			]) {
				const response = await timer(client, body);
				expect(response.status, JSON.stringify(body)).toBe(403);
				expect(apiErrorSchema.parse(response.body).error).toMatchObject({
					code: 'forbidden',
					message: da.api.error.forbidden
				});
			}
		}
		expect(await runState(as.facilitator)).toEqual(before);
	});

	it('answers bad input with a Danish message and changes nothing', async () => {
		const before = await runState(as.facilitator);
		const noMinutes = await timer(as.facilitator, { action: 'add' });
		expect(noMinutes.status).toBe(400);
		expect(apiErrorSchema.parse(noMinutes.body).error.fields).toEqual({
			minutes: da.run.field.minutes
		});
		const tooMany = await timer(as.facilitator, { action: 'add', minutes: 1000 });
		expect(apiErrorSchema.parse(tooMany.body).error.fields).toEqual({
			minutes: da.run.field.minutes
		});
		const unknown = await timer(as.facilitator, { action: 'rewind' });
		expect(apiErrorSchema.parse(unknown.body).error.fields).toEqual({
			action: da.run.field.action
		});
		expect(await runState(as.facilitator)).toEqual(before);
	});

	it('lets the facilitator start, add time, pause and move on; participants see it', async () => {
		const startedState = runViewSchema.parse(
			(await timer(as.facilitator, { action: 'start' })).body
		);
		expect(startedState.isRunning).toBe(true);
		const added = runViewSchema.parse(
			(await timer(as.facilitator, { action: 'add', minutes: 10 })).body
		);
		expect(added.totalMs).toBe((dayOne[0].minutes + 10) * 60_000);
		const seen = await runState(as.member);
		expect(seen).toMatchObject({ isRunning: true, itemIndex: 0, totalMs: added.totalMs });
		expect(seen.remainingMs).toBeLessThanOrEqual(added.totalMs);

		const paused = runViewSchema.parse((await timer(as.facilitator, { action: 'pause' })).body);
		expect(paused.isRunning).toBe(false);
		const next = runViewSchema.parse((await timer(as.facilitator, { action: 'next' })).body);
		expect(next).toMatchObject({
			itemIndex: 1,
			isRunning: false,
			totalMs: dayOne[1].minutes * 60_000
		});
	});

	it('refuses next on the last item with a Danish message', async () => {
		for (let i = 1; i < dayOne.length - 1; i++) {
			expect((await timer(as.facilitator, { action: 'next' })).status).toBe(200);
		}
		const response = await timer(as.facilitator, { action: 'next' });
		expect(response.status).toBe(400);
		expect(apiErrorSchema.parse(response.body).error.message).toBe(da.run.error.lastItem);
		expect((await runState(as.member)).itemIndex).toBe(dayOne.length - 1);
	});

	it('keeps a running timer across a server restart', async () => {
		await timer(as.facilitator, { action: 'add', minutes: 7 });
		await timer(as.facilitator, { action: 'start' });
		const before = await runState(as.member);
		const dataDir = server.dataDir;
		await server.stop();
		server = await startServer({ dataDir });
		await logInAll();
		const after = await runState(as.member);
		expect(after).toMatchObject({
			itemIndex: before.itemIndex,
			isRunning: true,
			totalMs: before.totalMs
		});
		// The clock kept running while the server was down, and not more than the test took.
		expect(after.remainingMs).toBeLessThan(before.remainingMs);
		expect(after.remainingMs).toBeGreaterThan(before.remainingMs - 60_000);
	});
});
