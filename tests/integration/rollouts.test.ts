/**
 * Dag 3 over HTTP against the real server: starting a session (facilitator only), joining by code
 * (another municipality refused, wrong codes throttled even when sent in parallel, the code dead
 * once closed), the walkthrough without right answers until answered, refusals that change
 * nothing, completion records, the self-check's threshold of five, the CSV, closing (the version
 * in operation, the workshop in Drift, a second session refused, the previous version retired)
 * and the self-paced walkthrough afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import type { ApiClient } from '../support/http.ts';
import { createMunicipality } from '../support/db.ts';
import {
	demoClient,
	demoWorkshop,
	insertVersion,
	loginAs,
	publishVersion,
	staffClients
} from '../support/rollouts.ts';
import {
	answerResultSchema,
	createdRolloutSchema,
	rolloutViewSchema,
	selfCheckAggregatesSchema,
	type RolloutViewResponse
} from '#lib/domain/rollout/api-schemas.ts';
import { JOIN_CODE_ALPHABET, SELF_CHECK_ITEMS } from '#lib/domain/rollout/index.ts';

let server: TestServer;
let facilitator: ApiClient;
let staff: ApiClient;
let workshopId: string;
let orgId: string;
let versionId: string;
let rollout: { id: string; code: string; url: string };

beforeAll(async () => {
	server = await startServer();
	facilitator = await demoClient(server, 'facilitator');
	staff = await demoClient(server, 'medarbejder');
	const workshop = await demoWorkshop(facilitator);
	workshopId = workshop.id;
	orgId = workshop.orgId;
	versionId = await publishVersion(server, workshopId);
});
afterAll(async () => {
	await server?.stop();
});

async function view(client: ApiClient, id = rollout.id): Promise<RolloutViewResponse> {
	const response = await client.request('GET', `/api/v1/rollouts/${id}`);
	expect(response.status, JSON.stringify(response.body)).toBe(200);
	return rolloutViewSchema.parse(response.body);
}

/** Whether the version library marks the version "I drift", as staff read it. */
async function isInOperation(publicationId: string): Promise<boolean> {
	const response = await staff.request('GET', `/api/v1/publications?organisation=${orgId}`);
	expect(response.status).toBe(200);
	const versions = response.body as { id: string; isInOperation: boolean }[];
	return versions.find((v) => v.id === publicationId)!.isInOperation;
}

async function join(client: ApiClient, code: string) {
	return client.request('POST', '/api/v1/rollouts/join', { code });
}

describe('starting a session', () => {
	it('is refused to staff and to another municipality, and unknown versions are 404', async () => {
		expect((await staff.request('POST', `/api/v1/publications/${versionId}/rollouts`)).status).toBe(
			403
		);
		const other = await createMunicipality(server.dataDir, 'Nabo');
		const neighbour = await loginAs(server, other.admin.email, other.admin.password);
		expect(
			(await neighbour.request('POST', `/api/v1/publications/${versionId}/rollouts`)).status
		).toBe(404);
		expect((await facilitator.request('POST', '/api/v1/publications/nope/rollouts')).status).toBe(
			404
		);
	});

	it('gives the facilitator a short code and a link, and refuses a second open session', async () => {
		const response = await facilitator.request(
			'POST',
			`/api/v1/publications/${versionId}/rollouts`
		);
		expect(response.status, JSON.stringify(response.body)).toBe(201);
		rollout = createdRolloutSchema.parse(response.body);
		expect(rollout.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
		expect(rollout.url).toBe(`${server.url}/join?code=${rollout.code}`);
		const again = await facilitator.request('POST', `/api/v1/publications/${versionId}/rollouts`);
		expect(again.status).toBe(409);
		expect((again.body as { error: { code: string } }).error.code).toBe('session_open');
	});
});

describe('joining', () => {
	it('takes a code as typed and shows the walkthrough without right answers', async () => {
		const typed = `${rollout.code.slice(0, 3).toLowerCase()} ${rollout.code.slice(3)}`;
		const response = await join(staff, typed);
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		expect(response.body).toEqual({ rolloutId: rollout.id });
		const mine = await view(staff);
		expect(mine.isFacilitator).toBe(false);
		expect(mine.facilitator).toBeNull();
		expect(mine.steps[0].id).toBe('purpose');
		const question = mine.steps.find((s) => s.question)!.question!;
		expect(question.correctOptionIds).toBeNull();
		expect(question.explanation).toBeNull();
		const dashboard = (await view(facilitator)).facilitator!;
		expect(dashboard.code).toBe(rollout.code);
		expect(dashboard.participants.map((p) => p.name)).toHaveLength(1);
	});

	it('refuses a staff member of another municipality, who cannot see the session either', async () => {
		const other = await createMunicipality(server.dataDir, 'Fjern');
		const outsider = await loginAs(server, other.admin.email, other.admin.password);
		const response = await join(outsider, rollout.code);
		expect(response.status).toBe(403);
		expect((response.body as { error: { message: string } }).error.message).toMatch(
			/anden kommune/
		);
		expect((await outsider.request('GET', `/api/v1/rollouts/${rollout.id}`)).status).toBe(404);
	});

	it('counts wrong codes sent in parallel one by one: five tries, then 429 even for the right code', async () => {
		const [guesser] = await staffClients(server, orgId, 1, 'guess');
		const responses = await Promise.all(
			Array.from({ length: 20 }, (_, i) => join(guesser, `ZZZZ${JOIN_CODE_ALPHABET[i % 20]}2`))
		);
		const statuses = responses.map((r) => r.status);
		expect(statuses.filter((s) => s === 404)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(15);
		const throttled = responses.find((r) => r.status === 429)!;
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((throttled.body as { error: { message: string } }).error.message).toMatch(
			/for mange koder/
		);
		expect((await join(guesser, rollout.code)).status).toBe(429);
		expect((await view(facilitator)).facilitator!.participants).toHaveLength(1);
	});
});

describe('following', () => {
	it('refuses a follower who tries to present, close, set up or export, and changes nothing', async () => {
		const before = await view(facilitator);
		const base = `/api/v1/rollouts/${rollout.id}`;
		expect(
			(await staff.request('POST', `${base}/presenter`, { stepId: 'rating-plan' })).status
		).toBe(403);
		expect((await staff.request('POST', `${base}/close`)).status).toBe(403);
		expect((await staff.request('PUT', `${base}/follow-up`, { date: '2099-01-01' })).status).toBe(
			403
		);
		expect((await staff.request('GET', `${base}/completions.csv`)).status).toBe(403);
		expect((await staff.request('GET', `${base}/self-check`)).status).toBe(403);
		const after = await view(facilitator);
		expect(after.presenterStepId).toBe(before.presenterStepId);
		expect(after.isOpen).toBe(true);
		expect(after.followUpDate).toBe(before.followUpDate);
	});

	it('refuses steps and options that do not exist, and a second answer', async () => {
		const base = `/api/v1/rollouts/${rollout.id}/steps`;
		expect((await staff.request('POST', `${base}/nope/ack`)).status).toBe(404);
		expect((await staff.request('POST', `${base}/nope/answer`, { choices: ['x'] })).status).toBe(
			404
		);
		expect(
			(await staff.request('POST', `${base}/practice/answer`, { choices: ['x'] })).status
		).toBe(404);
		expect(
			(await staff.request('POST', `${base}/purpose/answer`, { choices: ['nope'] })).status
		).toBe(400);
		const right = await staff.request('POST', `${base}/purpose/answer`, { choices: ['follow'] });
		expect(right.status).toBe(200);
		const result = answerResultSchema.parse(right.body);
		expect(result).toMatchObject({ isCorrect: true, correctOptionIds: ['follow'] });
		expect(result.explanation).toEqual({ key: 'rollout.q.purpose.explanation' });
		const again = await staff.request('POST', `${base}/purpose/answer`, { choices: ['cv'] });
		expect(again.status).toBe(409);
		const mine = await view(staff);
		expect(mine.me!.answers).toEqual([{ stepId: 'purpose', choices: ['follow'], isCorrect: true }]);
		expect(mine.steps[0].question!.correctOptionIds).toEqual(['follow']);
	});

	it('records completion once every step is confirmed and every question answered', async () => {
		const steps = (await view(staff)).steps;
		for (const step of steps) {
			const base = `/api/v1/rollouts/${rollout.id}/steps/${step.id}`;
			if (step.question && step.id !== 'purpose') {
				const wrong = step.question.options.at(-1)!.id;
				expect((await staff.request('POST', `${base}/answer`, { choices: [wrong] })).status).toBe(
					200
				);
			}
			expect((await staff.request('POST', `${base}/ack`)).status).toBe(200);
		}
		const mine = await view(staff);
		expect(mine.me!.progress.isComplete).toBe(true);
		expect(mine.me!.completedAt).toEqual(expect.any(Number));
		const dashboard = (await view(facilitator)).facilitator!;
		expect(dashboard.participants[0].completedAt).toBe(mine.me!.completedAt);
		const purpose = dashboard.questions.find((q) => q.stepId === 'purpose')!;
		expect(purpose).toMatchObject({ answered: 1, correctShare: 1 });
	});
});

describe('the self-check', () => {
	const answers = Object.fromEntries(SELF_CHECK_ITEMS.map((item) => [item.id, 4]));

	it('shows the facilitator nothing for four people and the aggregate from five', async () => {
		const others = await staffClients(server, orgId, 4, 'check');
		for (const client of others) expect((await join(client, rollout.code)).status).toBe(200);
		const group = [staff, ...others];
		const aggregates = async () => {
			const response = await facilitator.request(
				'GET',
				`/api/v1/rollouts/${rollout.id}/self-check`
			);
			expect(response.status).toBe(200);
			return selfCheckAggregatesSchema.parse(response.body);
		};
		for (const client of group.slice(0, 4)) {
			const response = await client.request('POST', `/api/v1/rollouts/${rollout.id}/self-check`, {
				occasion: 'end',
				answers
			});
			expect(response.status).toBe(204);
		}
		expect((await aggregates())[0]).toEqual({ occasion: 'end', isShown: false, minimum: 5 });
		await group[4].request('POST', `/api/v1/rollouts/${rollout.id}/self-check`, {
			occasion: 'end',
			answers: { ...answers, ownership: 2 }
		});
		const [end, followUp] = await aggregates();
		expect(end).toMatchObject({ isShown: true, respondents: 5 });
		if (!end.isShown) throw new Error('hidden');
		expect(end.items.find((i) => i.itemId === 'ownership')).toMatchObject({
			counts: [0, 1, 0, 4, 0],
			mean: 3.6
		});
		expect(followUp.isShown).toBe(false);
	});
});

describe('the completion list', () => {
	it('is a CSV for the facilitator with everyone who joined and when each completed', async () => {
		// Raw bytes: fetch's text() would drop the byte order mark this test looks for.
		const response = await fetch(`${server.url}/api/v1/rollouts/${rollout.id}/completions.csv`, {
			headers: { cookie: facilitator.cookieHeader }
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		const lines = text.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'Navn;E-mail;Version;Måde;Tilmeldt;Gennemført;Forstået;Trin i alt;Rigtige svar;Spørgsmål'
		);
		expect(lines).toHaveLength(1 + 5);
		const done = lines.filter((line) => /;\d{4}-\d\d-\d\d \d\d:\d\d;\d+;\d+;\d+;\d+$/.test(line));
		expect(done).toHaveLength(1);
		expect(done[0]).toContain('medarbejder@demo.formvaerk.dk');
	});
});

describe('closing', () => {
	it('puts the version in operation, moves the workshop to Drift and kills the code', async () => {
		const response = await facilitator.request('POST', `/api/v1/rollouts/${rollout.id}/close`);
		expect(response.status, JSON.stringify(response.body)).toBe(200);
		const closed = await view(facilitator);
		expect(closed.isOpen).toBe(false);
		expect(closed.operation?.since).toBeGreaterThan(0);
		expect(closed.operation?.retiredAt).toBeNull();
		expect(closed.facilitator!.code).toBeNull();
		expect(await isInOperation(versionId)).toBe(true);
		const workshop = await facilitator.request('GET', `/api/v1/workshops/${workshopId}`);
		expect((workshop.body as { phase: string }).phase).toBe('drift');
		const [late] = await staffClients(server, orgId, 1, 'late');
		const expired = await join(late, rollout.code);
		expect(expired.status).toBe(404);
		expect((expired.body as { error: { message: string } }).error.message).toMatch(
			/sessionen er slut/
		);
		expect((await facilitator.request('POST', `/api/v1/rollouts/${rollout.id}/close`)).status).toBe(
			409
		);
	});

	it('refuses a second session on a version in operation', async () => {
		const response = await facilitator.request(
			'POST',
			`/api/v1/publications/${versionId}/rollouts`
		);
		expect(response.status).toBe(409);
		expect((response.body as { error: { code: string } }).error.code).toBe('in_operation');
	});

	it('lets staff who missed it take the walkthrough alone, recorded the same way', async () => {
		const [late] = await staffClients(server, orgId, 1, 'alone');
		const started = await late.request('POST', `/api/v1/publications/${versionId}/walkthrough`);
		expect(started.status).toBe(200);
		expect(started.body).toEqual({ rolloutId: rollout.id });
		const steps = (await view(late)).steps;
		for (const step of steps) {
			const base = `/api/v1/rollouts/${rollout.id}/steps/${step.id}`;
			if (step.question) {
				await late.request('POST', `${base}/answer`, {
					choices: step.question.options.map((o) => o.id).slice(0, 1)
				});
			}
			await late.request('POST', `${base}/ack`);
		}
		const mine = await view(late);
		expect(mine.me).toMatchObject({ mode: 'self', progress: { isComplete: true } });
		const row = (await view(facilitator)).facilitator!.participants.find((p) => p.mode === 'self');
		expect(row?.completedAt).toEqual(expect.any(Number));
	});

	it('retires the version in operation when the next one goes into operation', async () => {
		const second = await insertVersion(server, workshopId, 2);
		const created = createdRolloutSchema.parse(
			(await facilitator.request('POST', `/api/v1/publications/${second}/rollouts`)).body
		);
		expect((await facilitator.request('POST', `/api/v1/rollouts/${created.id}/close`)).status).toBe(
			200
		);
		expect((await view(facilitator, created.id)).operation?.retiredAt).toBeNull();
		expect((await view(facilitator)).operation?.retiredAt).toEqual(expect.any(Number));
		// The version library says which one is in operation, to staff too.
		expect(await isInOperation(second)).toBe(true);
		expect(await isInOperation(versionId)).toBe(false);
	});
});
