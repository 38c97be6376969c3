/**
 * Choosing a template's starter is one server-side step (`POST …/documents/{docId}/starter`)
 * against the real built server: two people choosing different starters at the same moment get
 * exactly one template (one answer 200, the other 409 in Danish), never a mix of two; a template
 * that is not empty, an unknown starter, a reader and a drejebog are refused and nothing is
 * stored; an open editor receives the chosen starter live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { connectClient, loginCookie, waitFor, type TestClient } from '../support/collab-client.ts';
import { readStoredDocument } from '../support/collab-server.ts';
import {
	apiErrorSchema,
	createdInvitationSchema,
	templateStartedSchema,
	workshopDetailSchema,
	workshopSummarySchema
} from '#lib/domain/api-schemas.ts';
import { readTemplate, TEMPLATE_ROOTS } from '#lib/collab/template/template-binding.ts';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';

let server: TestServer;
let facilitator: ApiClient;
let anna: ApiClient;
let staff: ApiClient;
const clients: TestClient[] = [];

async function loggedIn(login: { email: string; password: string }): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	expect((await client.login(login.email, login.password)).status).toBe(200);
	return client;
}

/** A new workshop whose template is empty, with Anna in the work group and a staff member. */
async function freshWorkshop(): Promise<{
	workshopId: string;
	templateId: string;
	drejebogId: string;
}> {
	const created = await facilitator.request('POST', '/api/v1/workshops', { title: 'Nyt forløb' });
	expect(created.status).toBe(201);
	const workshopId = workshopSummarySchema.parse(created.body).id;
	for (const [login, role, client] of [
		[server.logins.arbejdsgruppe[0], 'member', anna],
		[server.logins.medarbejder[0], 'staff', staff]
	] as const) {
		const invited = await facilitator.request(
			'POST',
			`/api/v1/workshops/${workshopId}/invitations`,
			{
				email: login.email,
				role
			}
		);
		const { token } = createdInvitationSchema.parse(invited.body);
		expect((await client.request('POST', `/api/v1/invitations/${token}/accept`)).status).toBe(200);
	}
	const detail = workshopDetailSchema.parse(
		(await facilitator.request('GET', `/api/v1/workshops/${workshopId}`)).body
	);
	const id = (kind: string) => detail.documents.find((d) => d.kind === kind)!.id;
	return { workshopId, templateId: id('template'), drejebogId: id('drejebog') };
}

const starterUrl = (workshopId: string, documentId: string) =>
	`/api/v1/workshops/${workshopId}/documents/${documentId}/starter`;

function stored(templateId: string): Y.Doc {
	return readStoredDocument(server.dataDir, templateId);
}

beforeAll(async () => {
	server = await startServer();
	[facilitator, anna, staff] = await Promise.all([
		loggedIn(server.logins.facilitator[0]),
		loggedIn(server.logins.arbejdsgruppe[0]),
		loggedIn(server.logins.medarbejder[0])
	]);
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

describe('choosing a starter', () => {
	it('two people at the same moment: exactly one starter wins, the other is told in Danish', async () => {
		for (let round = 0; round < 3; round++) {
			const { workshopId, templateId } = await freshWorkshop();
			const url = starterUrl(workshopId, templateId);
			// The order alternates, so either request may reach the room first.
			const [first, second] = round % 2 === 0 ? [facilitator, anna] : [anna, facilitator];
			const answers = await Promise.all([
				first.request('POST', url, { starterId: 'detail' }),
				second.request('POST', url, { starterId: 'pleje' })
			]);
			expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
			const won = answers.find((a) => a.status === 200)!;
			const lost = answers.find((a) => a.status === 409)!;
			const winner = templateStartedSchema.parse(won.body).starterId;
			const error = apiErrorSchema.parse(lost.body).error;
			expect(error.code).toBe('template_started');
			expect(error.message).toBe(
				'En anden har lige startet skabelonen, så dit valg blev ikke brugt. Du ser skabelonen om et øjeblik.'
			);
			// One starter, whole, and nothing of the other in the document.
			const doc = stored(templateId);
			expect(readTemplate(doc)).toEqual(starterToTemplate(getStarter(winner)!));
			const loser = winner === 'detail' ? 'pleje' : 'detail';
			for (const root of Object.values(TEMPLATE_ROOTS)) {
				const keys = [...doc.getMap(root).keys()];
				expect(keys.filter((key) => key.startsWith(`${loser}-`))).toEqual([]);
			}
		}
	});

	it('reaches an open editor live, and refuses a second choice and bad requests, storing nothing', async () => {
		const { workshopId, templateId, drejebogId } = await freshWorkshop();
		const cookie = await loginCookie(
			server.url,
			server.logins.arbejdsgruppe[0].email,
			server.logins.arbejdsgruppe[0].password
		);
		const editor = connectClient(server.url.replace('http', 'ws'), templateId, cookie);
		clients.push(editor);
		await editor.synced;
		const url = starterUrl(workshopId, templateId);

		const refusals: [ApiClient, string, unknown, number, string][] = [
			[anna, url, { starterId: 'findes-ikke' }, 400, 'Vælg et af udgangspunkterne.'],
			[anna, url, { starterId: 42 }, 400, 'Vælg et af udgangspunkterne.'],
			[staff, url, { starterId: 'detail' }, 403, ''],
			[anna, starterUrl(workshopId, drejebogId), { starterId: 'detail' }, 400, '']
		];
		for (const [client, target, body, status, message] of refusals) {
			const response = await client.request('POST', target, body);
			expect(response.status, JSON.stringify(body)).toBe(status);
			const error = apiErrorSchema.parse(response.body).error;
			if (message) expect(error.fields?.starterId ?? error.message).toBe(message);
		}
		expect(stored(templateId).share.size).toBe(0);

		const started = await anna.request('POST', url, { starterId: 'lager' });
		expect(started.status).toBe(200);
		expect(templateStartedSchema.parse(started.body)).toEqual({
			documentId: templateId,
			starterId: 'lager'
		});
		await waitFor(() => readTemplate(editor.doc).starterId === 'lager', 'the editor sees it');
		expect(readTemplate(editor.doc)).toEqual(starterToTemplate(getStarter('lager')!));

		const before = Y.encodeStateVector(stored(templateId));
		const again = await facilitator.request('POST', url, { starterId: 'lager' });
		expect(again.status).toBe(409);
		expect(Y.encodeStateVector(stored(templateId))).toEqual(before);
	});

	it('is described in the OpenAPI document', async () => {
		const response = await facilitator.request('GET', '/api/v1/openapi.json');
		const paths = z.object({ paths: z.record(z.string(), z.unknown()) }).parse(response.body).paths;
		expect(Object.keys(paths)).toContain('/api/v1/workshops/{id}/documents/{docId}/starter');
	});
});
