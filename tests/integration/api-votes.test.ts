/**
 * Anonymous dot votes through the JSON API against the real server: only the facilitator opens
 * and closes votes; the two work-group members vote within their dots; nobody but the facilitator
 * sees counts before the vote is closed, and nobody ever sees who voted what. Every refusal
 * leaves the vote unchanged and says why in Danish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocuments } from '../support/demo-documents.ts';
import { loadStoredDoc } from '../support/stored-doc.ts';
import { readTemplate } from '#lib/collab/template/template-binding.ts';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import {
	apiErrorSchema,
	meSchema,
	voteSchema,
	workshopSummarySchema
} from '#lib/domain/api-schemas.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let demoId: string;
let as: Record<'facilitator' | 'anna' | 'bo' | 'staff', ApiClient>;

async function loggedIn(login: { email: string; password: string }): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	expect((await client.login(login.email, login.password)).status).toBe(200);
	return client;
}

beforeAll(async () => {
	server = await startServer();
	const [facilitator, anna, bo, staff] = await Promise.all([
		loggedIn(server.logins.facilitator[0]),
		loggedIn(server.logins.arbejdsgruppe[0]),
		loggedIn(server.logins.arbejdsgruppe[1]),
		loggedIn(server.logins.medarbejder[0])
	]);
	as = { facilitator, anna, bo, staff };
	const list = await as.facilitator.request('GET', '/api/v1/workshops');
	demoId = z.array(workshopSummarySchema).parse(list.body)[0].id;
});
afterAll(async () => {
	await server?.stop();
});

const OPEN = {
	title: 'Hvilke udsagn skal med?',
	dotsPerPerson: 3,
	candidates: [
		{ text: 'Møder til tiden' },
		{ text: 'Spørger om hjælp' },
		{ text: 'Tager initiativ' }
	]
};

async function votes(client: ApiClient) {
	const response = await client.request('GET', `/api/v1/workshops/${demoId}/votes`);
	expect(response.status).toBe(200);
	return z.array(voteSchema).parse(response.body);
}

function dots(client: ApiClient, voteId: string, candidateId: string, n: unknown) {
	return client.request('POST', `/api/v1/workshops/${demoId}/votes/${voteId}/dots`, {
		candidateId,
		dots: n
	});
}

function errorOf(response: { body: unknown }) {
	return apiErrorSchema.parse(response.body).error;
}

describe('dot votes over the API', () => {
	let voteId: string;
	let ids: string[];

	it('refuses to open a vote for work-group members and staff', async () => {
		for (const client of [as.anna, as.staff]) {
			const response = await client.request('POST', `/api/v1/workshops/${demoId}/votes`, OPEN);
			expect(response.status).toBe(403);
			expect(errorOf(response).message).toBe(da.api.error.forbidden);
		}
		expect(await votes(as.facilitator)).toEqual([]);
	});

	it('lets the facilitator open a vote that everyone sees without counts', async () => {
		const response = await as.facilitator.request(
			'POST',
			`/api/v1/workshops/${demoId}/votes`,
			OPEN
		);
		expect(response.status).toBe(201);
		const vote = voteSchema.parse(response.body);
		voteId = vote.id;
		ids = vote.candidates.map((c) => c.id);
		expect(vote).toMatchObject({ isOpen: true, dotsPerPerson: 3, dotsLeft: 3, voters: 0 });
		const [seen] = await votes(as.anna);
		expect(seen.candidates.map((c) => [c.text, c.count])).toEqual([
			['Møder til tiden', null],
			['Spørger om hjælp', null],
			['Tager initiativ', null]
		]);
		expect(seen.voters).toBeNull();
	});

	it('lets members stack and spread their own dots; others still see no counts', async () => {
		expect((await dots(as.anna, voteId, ids[0], 2)).status).toBe(200);
		const afterAnna = voteSchema.parse((await dots(as.anna, voteId, ids[1], 1)).body);
		expect(afterAnna).toMatchObject({ dotsLeft: 0, myDots: { [ids[0]]: 2, [ids[1]]: 1 } });
		expect(afterAnna.candidates.every((c) => c.count === null)).toBe(true);
		expect((await dots(as.bo, voteId, ids[0], 1)).status).toBe(200);

		const [bosView] = await votes(as.bo);
		expect(bosView.myDots).toEqual({ [ids[0]]: 1 });
		expect(bosView.candidates.every((c) => c.count === null)).toBe(true);
	});

	it('refuses more dots than allowed, unknown candidates and bad counts; nothing changes', async () => {
		const before = await votes(as.anna);
		const tooMany = await dots(as.anna, voteId, ids[2], 1);
		expect(tooMany.status).toBe(400);
		expect(errorOf(tooMany).message).toBe(da.vote.error.tooManyDots);
		const unknown = await dots(as.anna, voteId, 'notACandidate1', 1);
		expect(errorOf(unknown).message).toBe(da.vote.error.unknownCandidate);
		const negative = await dots(as.anna, voteId, ids[0], -1);
		expect(errorOf(negative).fields).toEqual({ dots: da.vote.field.castDots });
		expect(await votes(as.anna)).toEqual(before);
	});

	it('refuses dots from staff and on an unknown vote', async () => {
		const staff = await dots(as.staff, voteId, ids[2], 1);
		expect(staff.status).toBe(403);
		const unknown = await dots(as.bo, 'abcdefghijklmnop', ids[2], 1);
		expect(unknown.status).toBe(404);
		expect(errorOf(unknown).message).toBe(da.vote.error.unknown);
	});

	it('shows the facilitator counts but never who voted what', async () => {
		const [vote] = await votes(as.facilitator);
		expect(vote.candidates.map((c) => c.count)).toEqual([3, 1, 0]);
		expect(vote.voters).toBe(2);
		expect(vote.myDots).toEqual({});
		// No answer names a voter: the members' user ids appear nowhere in what anyone gets.
		const voterIds = await Promise.all(
			[as.anna, as.bo].map(
				async (c) => meSchema.parse((await c.request('GET', '/api/v1/me')).body).id
			)
		);
		for (const client of [as.facilitator, as.anna, as.bo]) {
			const raw = JSON.stringify(
				(await client.request('GET', `/api/v1/workshops/${demoId}/votes`)).body
			);
			for (const id of voterIds) expect(raw).not.toContain(id);
		}
	});

	it('refuses closing to members; the facilitator closes and everyone sees the counts', async () => {
		const refused = await as.anna.request(
			'POST',
			`/api/v1/workshops/${demoId}/votes/${voteId}/close`
		);
		expect(refused.status).toBe(403);
		expect((await votes(as.bo))[0].isOpen).toBe(true);

		const closed = await as.facilitator.request(
			'POST',
			`/api/v1/workshops/${demoId}/votes/${voteId}/close`
		);
		expect(closed.status).toBe(200);
		const [seen] = await votes(as.staff);
		expect(seen).toMatchObject({ isOpen: false, voters: 2 });
		expect(seen.candidates.map((c) => c.count)).toEqual([3, 1, 0]);
	});

	it('refuses dots on a closed vote and closing it twice, with Danish messages', async () => {
		const before = await votes(as.facilitator);
		const late = await dots(as.bo, voteId, ids[2], 1);
		expect(late.status).toBe(409);
		expect(errorOf(late).message).toBe(da.vote.error.closed);
		const again = await as.facilitator.request(
			'POST',
			`/api/v1/workshops/${demoId}/votes/${voteId}/close`
		);
		expect(again.status).toBe(409);
		expect(await votes(as.facilitator)).toEqual(before);
	});
});

describe('votes on the template’s statements', () => {
	it('takes candidates from the stored template, with their current text', async () => {
		// The demo template seeded at first start is the stored template the server reads.
		const doc = loadStoredDoc(server.dataDir, demoDocuments(server).template);
		const [first, second] = readTemplate(doc).areas[0].statements;
		const response = await as.facilitator.request('POST', `/api/v1/workshops/${demoId}/votes`, {
			title: 'Udsagn fra skabelonen',
			dotsPerPerson: 2,
			candidates: [
				{ statementId: first.id, text: 'ignored: the template decides' },
				{ statementId: second.id },
				{ text: 'Et nyt udsagn' }
			]
		});
		expect(response.status).toBe(201);
		expect(voteSchema.parse(response.body).candidates.map((c) => [c.text, c.statementId])).toEqual([
			[first.text, first.id],
			[second.text, second.id],
			['Et nyt udsagn', null]
		]);
	});

	it('refuses a statement that is not in the template; no vote is opened', async () => {
		const before = await votes(as.facilitator);
		const response = await as.facilitator.request('POST', `/api/v1/workshops/${demoId}/votes`, {
			title: 'Ukendt',
			dotsPerPerson: 2,
			candidates: [{ statementId: 'noSuchStatement' }, { text: 'B' }]
		});
		expect(response.status).toBe(400);
		expect(errorOf(response).message).toBe(da.vote.error.unknownStatement);
		expect(await votes(as.facilitator)).toEqual(before);
	});
});
