/**
 * Closing Dag 1 against the real server: the phase API reads the template's current state from the
 * collaboration store and refuses the move (409 with every problem) while the template is not
 * usable; a member may not move the phase (403); after the move a member's open socket is closed
 * and their raw updates are dropped, while the facilitator can still edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import {
	connectClient,
	loginCookie,
	rawSocket,
	waitFor,
	type TestClient
} from '../support/collab-client.ts';
import { syncStep1Frame, updateFrame } from '../support/collab-frames.ts';
import { listDocuments, openDataDir, readStoredDocument } from '../support/collab-server.ts';
import { apiErrorSchema, workshopDetailSchema } from '#lib/domain/api-schemas.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import { bindTemplate, readTemplate } from '#lib/collab/template/template-binding.ts';

let server: TestServer;
let facilitator: ApiClient;
let member: ApiClient;
let workshopId: string;
let templateId: string;
let cookies: { facilitator: string; member: string };
const clients: TestClient[] = [];

beforeAll(async () => {
	server = await startServer();
	const login = async (role: string) => {
		const { email, password } = server.logins[role][0];
		const client = new ApiClient(server.url);
		expect((await client.login(email, password)).status).toBe(200);
		return { client, cookie: await loginCookie(server.url, email, password) };
	};
	const [f, m] = await Promise.all([login('facilitator'), login('arbejdsgruppe')]);
	facilitator = f.client;
	member = m.client;
	cookies = { facilitator: f.cookie, member: m.cookie };
	const template = listDocuments(server.dataDir).find((d) => d.kind === 'template')!;
	templateId = template.id;
	workshopId = template.workshopId;
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

const wsBase = () => server.url.replace('http', 'ws');

function connect(cookie: string): TestClient {
	const client = connectClient(wsBase(), templateId, cookie);
	clients.push(client);
	return client;
}

function movePhase(client: ApiClient, phase: unknown) {
	return client.request('POST', `/api/v1/workshops/${workshopId}/phase`, { phase });
}

async function currentPhase(): Promise<string> {
	const response = await facilitator.request('GET', `/api/v1/workshops/${workshopId}`);
	return workshopDetailSchema.parse(response.body).phase;
}

/** The template as the server has stored it. */
function storedTemplate() {
	const doc = readStoredDocument(server.dataDir, templateId);
	try {
		return readTemplate(doc);
	} finally {
		doc.destroy();
	}
}

describe('POST /api/v1/workshops/{id}/phase with the template', () => {
	it('starts from the demo template the first start filled in (the retail starter)', () => {
		const template = storedTemplate();
		expect(template.starterId).toBe('detail');
		expect(template.areas.map((a) => a.label)).toEqual([
			'Faglige kompetencer',
			'Sociale kompetencer',
			'Personlige kompetencer'
		]);
		expect(template.areas.every((a) => a.statements.length > 0)).toBe(true);
	});

	it('refuses a work-group member with 403 and leaves the phase as it was', async () => {
		const response = await movePhase(member, 'drejebog');
		expect(response.status).toBe(403);
		expect(apiErrorSchema.parse(response.body).error.code).toBe('forbidden');
		expect(await currentPhase()).toBe('format');
	});

	it('refuses an unknown phase with 400 and a field message', async () => {
		const response = await movePhase(facilitator, 'dag-2');
		expect(response.status).toBe(400);
		expect(apiErrorSchema.parse(response.body).error.fields).toEqual({ phase: 'Vælg en fase.' });
		expect(await currentPhase()).toBe('format');
	});

	it('refuses to close Dag 1 with every problem while the template is invalid, then moves', async () => {
		const frida = connect(cookies.facilitator);
		await frida.synced;
		const ops = bindTemplate(frida.doc, 'frida');
		const social = ops.read().areas[1];
		for (const statement of social.statements) ops.removeStatement({ statementId: statement.id });
		const points = ops.read().measurementPoints;
		for (const point of points) ops.removeMeasurementPoint({ measurementPointId: point.id });
		await waitFor(() => storedTemplate().measurementPoints.length === 0, 'edits stored');

		const refused = await movePhase(facilitator, 'drejebog');
		expect(refused.status).toBe(409);
		const { error } = apiErrorSchema.parse(refused.body);
		expect(error.code).toBe('template_invalid');
		expect(error.message).toBe(
			'Skabelonen er ikke klar til Dag 2. Ret disse ting i skabelonen først:'
		);
		expect(error.problems).toEqual([
			{
				code: 'area.noStatements',
				path: ['areas', social.id],
				message:
					'Kompetenceområdet "Sociale kompetencer" har ingen kompetenceudsagn. Tilføj mindst ét.'
			},
			{
				code: 'measurementPoints.none',
				path: ['measurementPoints'],
				message: 'Skabelonen har ingen målepunkter. Tilføj mindst ét, fx "Start".'
			},
			{
				// The demo's sub-goals were followed at the removed points.
				code: 'goals.noPoints',
				path: ['goals', 'measurementPointIds'],
				message: 'Delmålene følges ikke ved noget målepunkt. Vælg mindst ét.'
			}
		]);
		expect(await currentPhase()).toBe('format');

		ops.addStatement({ areaId: social.id, text: 'Kan hilse på kunderne' });
		// Two points: one alone cannot show progression.
		ops.addMeasurementPoint({ label: 'Start' });
		const end = ops.addMeasurementPoint({ label: 'Slut' });
		ops.setGoalPoint({ measurementPointId: end, isFollowed: true });
		await waitFor(() => storedTemplate().measurementPoints.length === 2, 'fixes stored');

		const moved = await movePhase(facilitator, 'drejebog');
		expect(moved.status).toBe(200);
		expect(await currentPhase()).toBe('drejebog');
	});

	it('closes a member’s socket at the move and drops their raw updates afterwards', async () => {
		await movePhase(facilitator, 'format');
		const jonas = connect(cookies.member);
		await jonas.synced;
		expect((await movePhase(facilitator, 'drejebog')).status).toBe(200);
		await waitFor(() => jonas.closeCodes.includes(CLOSE_CODES.accessChanged), 'socket closed');

		// A hand-made update from the member: a new statement in the first area.
		const forged = new Y.Doc();
		Y.applyUpdate(forged, Y.encodeStateAsUpdate(readStoredDocument(server.dataDir, templateId)));
		const before = Y.encodeStateVector(forged);
		const firstArea = readTemplate(forged).areas[0];
		bindTemplate(forged, 'forger').addStatement({ areaId: firstArea.id, text: 'Smuglet ind' });
		const socket = rawSocket(wsBase(), templateId, cookies.member);
		await socket.opened;
		socket.ws.send(updateFrame(Y.encodeStateAsUpdate(forged, before)));
		// Frames of one connection are handled in order: the answer to this step 1 comes after
		// the server has dealt with the update.
		const framesBefore = socket.frames.length;
		socket.ws.send(syncStep1Frame());
		await waitFor(() => socket.frames.length > framesBefore, 'answer to step 1');

		// A barrier: the facilitator's later edit is stored, so any earlier append would be too.
		const frida = connect(cookies.facilitator);
		await frida.synced;
		bindTemplate(frida.doc, 'frida').addStatement({ areaId: firstArea.id, text: 'Efter flytning' });
		await waitFor(
			() => storedTemplate().areas[0].statements.some((s) => s.text === 'Efter flytning'),
			'facilitator edit stored'
		);
		const texts = storedTemplate().areas[0].statements.map((s) => s.text);
		expect(texts).not.toContain('Smuglet ind');
		const db = openDataDir(server.dataDir);
		try {
			const { n } = db
				.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE author_id = ?')
				.get(memberId()) as { n: number };
			expect(n).toBe(0);
		} finally {
			db.close();
		}
		socket.ws.close();
	});
});

/** The member's user id, from the database (the API does not list it for members). */
function memberId(): string {
	const db = openDataDir(server.dataDir);
	try {
		const row = db
			.prepare('SELECT id FROM users WHERE email = ?')
			.get(server.logins.arbejdsgruppe[0].email) as { id: string };
		return row.id;
	} finally {
		db.close();
	}
}
