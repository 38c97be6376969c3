/**
 * Starting a drejebog on the real server: two people choosing at the same moment (the facilitator
 * STAR's steps, a work-group member the empty start) get one start and one 409, and every open
 * editor and the store hold exactly the winner's drejebog, logged as its author. The demo's
 * drejebog is started already (seeded from the starter, valid against the demo template); staff,
 * a template document, bad input and the demo's drejebog are refused and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { demoDocuments, type DemoDocuments } from '../support/demo-documents.ts';
import { loadStoredDoc } from '../support/stored-doc.ts';
import { connectClient, waitFor, type TestClient } from '../support/collab-client.ts';
import { isDrejebogEmpty, readDrejebog } from '#lib/collab/drejebog/drejebog-binding.ts';
import { readTemplate } from '#lib/collab/template/template-read.ts';
import { drejebogStartedSchema, validateDrejebog } from '#lib/domain/drejebog/index.ts';
import {
	apiErrorSchema,
	createdInvitationSchema,
	workshopDetailSchema,
	workshopSummarySchema
} from '#lib/domain/api-schemas.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let demo: DemoDocuments;
let as: Record<'facilitator' | 'member' | 'staff', ApiClient>;
const clients: TestClient[] = [];

async function loggedIn(login: { email: string; password: string }): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	expect((await client.login(login.email, login.password)).status).toBe(200);
	return client;
}

function start(client: ApiClient, workshopId: string, documentId: string, body: unknown) {
	return client.request(
		'POST',
		`/api/v1/workshops/${workshopId}/documents/${documentId}/drejebog/start`,
		body
	);
}

function stored(documentId: string): Y.Doc {
	return loadStoredDoc(server.dataDir, documentId);
}

function logCount(documentId: string): number {
	const db = new DatabaseSync(path.join(server.dataDir, 'formvaerk.db'), { readOnly: true });
	try {
		const row = db
			.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE document_id = ?')
			.get(documentId) as { n: number };
		return row.n;
	} finally {
		db.close();
	}
}

/** A new workshop of the facilitator's with the first demo member in its work group. */
async function workshopWithMember(): Promise<{ workshopId: string; drejebog: string }> {
	const created = await as.facilitator.request('POST', '/api/v1/workshops', { title: 'Dag 2' });
	const workshopId = workshopSummarySchema.parse(created.body).id;
	const invited = await as.facilitator.request(
		'POST',
		`/api/v1/workshops/${workshopId}/invitations`,
		{
			email: server.logins.arbejdsgruppe[0].email,
			role: 'member'
		}
	);
	const { token } = createdInvitationSchema.parse(invited.body);
	expect((await as.member.request('POST', `/api/v1/invitations/${token}/accept`)).status).toBe(200);
	const detail = workshopDetailSchema.parse(
		(await as.facilitator.request('GET', `/api/v1/workshops/${workshopId}`)).body
	);
	return { workshopId, drejebog: detail.documents.find((d) => d.kind === 'drejebog')!.id };
}

beforeAll(async () => {
	server = await startServer();
	demo = demoDocuments(server);
	const [facilitator, member, staff] = await Promise.all([
		loggedIn(server.logins.facilitator[0]),
		loggedIn(server.logins.arbejdsgruppe[0]),
		loggedIn(server.logins.medarbejder[0])
	]);
	as = { facilitator, member, staff };
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

describe('starting a drejebog', () => {
	it('lets one of two choices made at the same moment win, live for open editors', async () => {
		const { workshopId, drejebog } = await workshopWithMember();
		const wsBase = server.url.replace(/^http/, 'ws');
		const editors = [
			connectClient(wsBase, drejebog, as.facilitator.cookieHeader),
			connectClient(wsBase, drejebog, as.member.cookieHeader)
		];
		clients.push(...editors);
		await Promise.all(editors.map((e) => e.synced));
		expect(isDrejebogEmpty({ doc: editors[0].doc })).toBe(true);

		const [byFacilitator, byMember] = await Promise.all([
			start(as.facilitator, workshopId, drejebog, { starter: 'star' }),
			start(as.member, workshopId, drejebog, { starter: 'empty' })
		]);
		const statuses = [byFacilitator.status, byMember.status].sort();
		expect(statuses).toEqual([200, 409]);
		const winner = byFacilitator.status === 200 ? byFacilitator : byMember;
		const loser = winner === byFacilitator ? byMember : byFacilitator;
		const { starterId } = drejebogStartedSchema.parse(winner.body);
		const refused = apiErrorSchema.parse(loser.body).error;
		expect(refused.code).toBe('drejebog_started');
		expect(refused.message).toBe(da.drejebog.input.alreadyStarted);

		// Exactly one drejebog: the winner's, in both editors and in the store, one logged edit.
		await waitFor(() => editors.every((e) => !isDrejebogEmpty({ doc: e.doc })), 'start arrives');
		const read = readDrejebog(stored(drejebog));
		expect(read.starterId).toBe(starterId);
		for (const editor of editors) expect(readDrejebog(editor.doc)).toEqual(read);
		const steps = read.stages.flatMap((s) => s.steps);
		expect(read.stages.map((s) => s.label)).toEqual([
			'Før praktik',
			'Under praktik',
			'Mod afslutningen'
		]);
		// STAR's 19 items; no rating steps yet, since the new workshop's template has no points.
		expect(steps.length).toBe(starterId === 'star' ? 19 : 0);
		expect(logCount(drejebog)).toBe(1);

		// Choosing again changes nothing.
		const again = await start(as.facilitator, workshopId, drejebog, { starter: 'empty' });
		expect(again.status).toBe(409);
		expect(logCount(drejebog)).toBe(1);
	});

	it('seeds the demo with the starter drejebog, valid against the demo template, and refuses to start it again', async () => {
		const read = readDrejebog(stored(demo.drejebog));
		expect(read.starterId).toBe('star');
		const template = readTemplate(stored(demo.template));
		expect(validateDrejebog(read, template)).toEqual([]);
		// Its rating steps name the demo template's points by id.
		const linked = read.stages
			.flatMap((s) => s.steps)
			.flatMap((s) => (s.link?.kind === 'measurementPoint' ? [s.link.id] : []));
		expect(linked).toEqual(template.measurementPoints.map((p) => p.id));
		const before = logCount(demo.drejebog);
		const response = await start(as.facilitator, demo.workshopId, demo.drejebog, {
			starter: 'star'
		});
		expect(response.status).toBe(409);
		expect(logCount(demo.drejebog)).toBe(before);
	});

	it('refuses staff, a template document, an unknown start and another workshop’s document', async () => {
		const { workshopId, drejebog } = await workshopWithMember();
		const cases: [ApiClient, string, string, unknown, number][] = [
			[as.staff, demo.workshopId, demo.drejebog, { starter: 'star' }, 403],
			[as.facilitator, demo.workshopId, demo.template, { starter: 'star' }, 404],
			[as.facilitator, workshopId, drejebog, { starter: 'stjerne' }, 400],
			[as.facilitator, workshopId, drejebog, {}, 400],
			// The document belongs to another workshop than the one in the path.
			[as.facilitator, demo.workshopId, drejebog, { starter: 'star' }, 404],
			[as.staff, workshopId, drejebog, { starter: 'star' }, 404]
		];
		for (const [client, w, d, body, status] of cases) {
			const response = await start(client, w, d, body);
			expect(response.status, JSON.stringify(body)).toBe(status);
		}
		expect(logCount(drejebog)).toBe(0);
		expect(isDrejebogEmpty({ doc: stored(drejebog) })).toBe(true);
	});
});
