/**
 * Keeping the chosen statements of a closed vote, against the real server with two real
 * y-websocket providers holding the template open: the facilitator's one request adds the chosen
 * free text in the picked area and, only when explicitly asked to, removes the unchosen template
 * statement; that edit reaches both open editors and the store, logged as the facilitator's. By
 * default a keep deletes nothing. Every refusal (a work-group member, an open vote, unknown
 * candidates or areas, a second keep) changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type * as Y from 'yjs';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { demoDocuments, type DemoDocuments } from '../support/demo-documents.ts';
import { loadStoredDoc } from '../support/stored-doc.ts';
import { closedVote as makeClosedVote } from '../support/closed-vote.ts';
import { connectClient, waitFor, type TestClient } from '../support/collab-client.ts';
import { readTemplate, updateStatement } from '#lib/collab/template/template-binding.ts';
import { apiErrorSchema, meSchema, voteSchema } from '#lib/domain/api-schemas.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let demo: DemoDocuments;
let as: Record<'facilitator' | 'anna' | 'bo', ApiClient>;
let editors: TestClient[] = [];

const NEW_TEXT = 'Siger til, når en opgave er uklar';
const DROPPED_TEXT = 'Holder pauser på de aftalte tidspunkter';

async function loggedIn(login: { email: string; password: string }): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	expect((await client.login(login.email, login.password)).status).toBe(200);
	return client;
}

/** Statement texts per area label, the way a reader of the template sees it. */
function shape(doc: Y.Doc): Record<string, string[]> {
	return Object.fromEntries(
		readTemplate(doc).areas.map((a) => [a.label, a.statements.map((s) => s.text)])
	);
}

function storedShape(): Record<string, string[]> {
	const doc = loadStoredDoc(server.dataDir, demo.template);
	try {
		return shape(doc);
	} finally {
		doc.destroy();
	}
}

function lastLogAuthor(): string | null {
	const db = new DatabaseSync(path.join(server.dataDir, 'formvaerk.db'), { readOnly: true });
	try {
		const row = db
			.prepare('SELECT author_id FROM doc_updates WHERE document_id = ? ORDER BY seq DESC LIMIT 1')
			.get(demo.template) as { author_id: string | null } | undefined;
		return row?.author_id ?? null;
	} finally {
		db.close();
	}
}

function keep(client: ApiClient, voteId: string, body: unknown) {
	return client.request('POST', `/api/v1/workshops/${demo.workshopId}/votes/${voteId}/keep`, body);
}

beforeAll(async () => {
	server = await startServer();
	demo = demoDocuments(server);
	const [facilitator, anna, bo] = await Promise.all([
		loggedIn(server.logins.facilitator[0]),
		loggedIn(server.logins.arbejdsgruppe[0]),
		loggedIn(server.logins.arbejdsgruppe[1])
	]);
	as = { facilitator, anna, bo };
	const wsBase = server.url.replace(/^http/, 'ws');
	editors = [
		connectClient(wsBase, demo.template, as.facilitator.cookieHeader),
		connectClient(wsBase, demo.template, as.anna.cookieHeader)
	];
	await Promise.all(editors.map((e) => e.synced));
});
afterAll(async () => {
	for (const editor of editors) editor.destroy();
	await server?.stop();
});

describe('keeping the chosen statements of a vote', () => {
	let voteId: string;
	let ids: { kept: string; dropped: string; newText: string; otherText: string };
	let targetArea: { id: string; label: string };
	let before: Record<string, string[]>;

	it('opens a vote on two template statements and two free texts; keeping waits for closing', async () => {
		const template = readTemplate(editors[0].doc);
		const [first, second] = template.areas;
		targetArea = { id: second.id, label: second.label };
		// Give the dropped statement a recognisable text through the editor, as a person would.
		const [keptStatement, droppedStatement] = first.statements;
		updateStatement(
			{ doc: editors[1].doc, origin: 'anna' },
			{ statementId: droppedStatement.id, text: DROPPED_TEXT }
		);
		await waitFor(() => storedShape()[first.label].includes(DROPPED_TEXT), 'the rename stored');
		const opened = await as.facilitator.request(
			'POST',
			`/api/v1/workshops/${demo.workshopId}/votes`,
			{
				title: 'Hvad skal med?',
				dotsPerPerson: 2,
				candidates: [
					{ statementId: keptStatement.id },
					{ statementId: droppedStatement.id },
					{ text: NEW_TEXT },
					{ text: 'Kommer med forslag til forbedringer' }
				]
			}
		);
		expect(opened.status).toBe(201);
		const vote = voteSchema.parse(opened.body);
		voteId = vote.id;
		const [a, b, c, d] = vote.candidates.map((x) => x.id);
		ids = { kept: a, dropped: b, newText: c, otherText: d };

		const early = await keep(as.facilitator, voteId, { candidateIds: [a] });
		expect(early.status).toBe(409);
		expect(apiErrorSchema.parse(early.body).error.message).toBe(da.voteKeep.error.open);

		for (const client of [as.anna, as.bo]) {
			for (const candidateId of [ids.kept, ids.newText]) {
				const cast = await client.request(
					'POST',
					`/api/v1/workshops/${demo.workshopId}/votes/${voteId}/dots`,
					{ candidateId, dots: 1 }
				);
				expect(cast.status).toBe(200);
			}
		}
		const closed = await as.facilitator.request(
			'POST',
			`/api/v1/workshops/${demo.workshopId}/votes/${voteId}/close`
		);
		expect(closed.status).toBe(200);
		before = storedShape();
	});

	it('refuses a work-group member (403) and changes nothing', async () => {
		const response = await keep(as.anna, voteId, {
			candidateIds: [ids.kept, ids.newText],
			areaId: targetArea.id
		});
		expect(response.status).toBe(403);
		expect(storedShape()).toEqual(before);
		expect(shape(editors[0].doc)).toEqual(before);
	});

	it('refuses unknown candidates, unknown or missing areas and an empty choice; nothing changes', async () => {
		const cases = [
			{ body: { candidateIds: ['nope0000nope'] }, message: da.voteKeep.error.unknownCandidate },
			{
				body: { candidateIds: [ids.newText], areaId: 'nope0000nope' },
				message: da.voteKeep.error.unknownArea
			},
			{ body: { candidateIds: [ids.newText] }, message: da.voteKeep.error.areaRequired },
			{ body: { candidateIds: [] }, message: null }
		];
		for (const { body, message } of cases) {
			const response = await keep(as.facilitator, voteId, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
			const error = apiErrorSchema.parse(response.body).error;
			if (message) expect(error.message).toBe(message);
		}
		const votes = await as.facilitator.request('GET', `/api/v1/workshops/${demo.workshopId}/votes`);
		const vote = z
			.array(voteSchema)
			.parse(votes.body)
			.find((v) => v.id === voteId);
		expect(vote?.keptAt).toBeNull();
		expect(storedShape()).toEqual(before);
	});

	it('keeps the chosen statements and, as asked, removes the others in one step: live, stored, logged', async () => {
		const me = meSchema.parse((await as.facilitator.request('GET', '/api/v1/me')).body);
		const response = await keep(as.facilitator, voteId, {
			candidateIds: [ids.kept, ids.newText],
			areaId: targetArea.id,
			removeOthers: true
		});
		expect(response.status).toBe(200);
		const vote = voteSchema.parse(response.body);
		expect(vote.keptAt).not.toBeNull();
		expect(vote.removedOthers).toBe(true);
		expect(Object.fromEntries(vote.candidates.map((c) => [c.id, c.isKept]))).toEqual({
			[ids.kept]: true,
			[ids.dropped]: false,
			[ids.newText]: true,
			[ids.otherText]: false
		});

		const expected = Object.fromEntries(
			Object.entries(before).map(([label, texts]) => [
				label,
				[
					...texts.filter((t) => t !== DROPPED_TEXT),
					...(label === targetArea.label ? [NEW_TEXT] : [])
				]
			])
		);
		// The answer comes after the edit is stored, so the store has it now.
		expect(storedShape()).toEqual(expected);
		expect(lastLogAuthor()).toBe(me.id);
		for (const editor of editors) {
			await waitFor(
				() => JSON.stringify(shape(editor.doc)) === JSON.stringify(expected),
				'the kept statements in an open editor'
			);
		}
		expect(editors.flatMap((e) => e.closeCodes)).toEqual([]);
	});

	it('cannot be applied twice (409) and the second try changes nothing', async () => {
		const after = storedShape();
		const again = await keep(as.facilitator, voteId, {
			candidateIds: [ids.otherText],
			areaId: targetArea.id
		});
		expect(again.status).toBe(409);
		expect(apiErrorSchema.parse(again.body).error.message).toBe(da.voteKeep.error.kept);
		expect(storedShape()).toEqual(after);
	});

	/** A closed vote on free texts and template statements, the first with Anna's dot. */
	const closedVote = (title: string, texts: Parameters<typeof makeClosedVote>[3]) =>
		makeClosedVote(
			{ facilitator: as.facilitator, participant: as.anna },
			demo.workshopId,
			title,
			texts
		);

	it('refuses a statement the area cannot take (a duplicate) without keeping anything; a retry works', async () => {
		const existing = storedShape()[targetArea.label][0];
		const vote = await closedVote('Dublet?', [existing, 'Noget helt nyt']);
		const before2 = storedShape();
		const refused = await keep(as.facilitator, vote.id, {
			candidateIds: [vote.ids[0]],
			areaId: targetArea.id
		});
		expect(refused.status).toBe(400);
		expect(apiErrorSchema.parse(refused.body).error.message).toBe(da.template.input.duplicateLabel);
		expect(storedShape()).toEqual(before2);
		const votes = await as.facilitator.request('GET', `/api/v1/workshops/${demo.workshopId}/votes`);
		expect(
			z
				.array(voteSchema)
				.parse(votes.body)
				.find((v) => v.id === vote.id)
		).toMatchObject({
			keptAt: null,
			candidates: [{ isKept: null }, { isKept: null }]
		});

		const otherArea = readTemplate(editors[0].doc).areas.find((a) => a.id !== targetArea.id)!;
		const retried = await keep(as.facilitator, vote.id, {
			candidateIds: [vote.ids[0]],
			areaId: otherArea.id
		});
		expect(retried.status).toBe(200);
	});

	it('applies two keep requests sent at once only once', async () => {
		const text = 'Spørger, før en ny opgave går i gang';
		const vote = await closedVote('Samtidig?', [text, 'Noget andet']);
		const body = { candidateIds: [vote.ids[0]], areaId: targetArea.id };
		const answers = await Promise.all([
			keep(as.facilitator, vote.id, body),
			keep(as.facilitator, vote.id, body)
		]);
		expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
		expect(storedShape()[targetArea.label].filter((t) => t === text)).toHaveLength(1);
	});

	it('by default adds the winners and deletes nothing, not even the statements not chosen', async () => {
		const [winner, other] = readTemplate(editors[0].doc).areas.find(
			(a) => a.id === targetArea.id
		)!.statements;
		const text = 'Siger goddag til kollegerne om morgenen';
		const vote = await closedVote('Hvad beholder vi?', [
			{ statementId: winner.id },
			{ statementId: other.id },
			text
		]);
		const before3 = storedShape();
		const response = await keep(as.facilitator, vote.id, {
			candidateIds: [vote.ids[0], vote.ids[2]],
			areaId: targetArea.id
		});
		expect(response.status).toBe(200);
		const kept = voteSchema.parse(response.body);
		expect(kept.removedOthers).toBe(false);
		expect(kept.candidates.map((c) => c.isKept)).toEqual([true, false, true]);
		const expected = { ...before3, [targetArea.label]: [...before3[targetArea.label], text] };
		expect(storedShape()).toEqual(expected);
		expect(storedShape()[targetArea.label]).toContain(other.text);
	});
});
