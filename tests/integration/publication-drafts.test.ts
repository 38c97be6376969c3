/**
 * Revision against the real server: a new draft from the latest version. Only the facilitator may
 * open one, and only once a version exists. The workshop then has new documents holding exactly
 * that version (publishing at once is "no changes"), is back on Dag 2, and sockets on the old
 * documents are closed; the old documents are kept, retired, with their history. Older versions
 * stay byte for byte what they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { rawSocket, waitFor } from '../support/collab-client.ts';
import { openDataDir } from '../support/collab-server.ts';
import {
	editTemplate,
	listVersions,
	openDocument,
	setUpMunicipalities,
	type RoleClients,
	publish,
	editDrejebog,
	storedDrejebog,
	storedTemplate,
	workshopDocuments
} from '../support/publications.ts';
import { apiErrorSchema } from '#lib/domain/api-schemas.ts';
import { openedDraftSchema, publicationDiffSchema } from '#lib/domain/publications/api-schemas.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let as: RoleClients;
let demoId: string;
let orgId: string;

const drafts = (workshopId: string) => `/api/v1/workshops/${workshopId}/drafts`;

async function versionText(id: string): Promise<string> {
	const response = await fetch(`${server.url}/api/v1/publications/${id}`, {
		headers: { cookie: as.staff.cookieHeader }
	});
	expect(response.status).toBe(200);
	return response.text();
}

function retiredDocuments(workshopId: string) {
	const db = openDataDir(server.dataDir);
	try {
		return db
			.prepare(
				`SELECT d.id, d.kind, d.retired_at AS retiredAt,
				 (SELECT COUNT(*) FROM doc_updates u WHERE u.document_id = d.id) AS updates
				 FROM documents d WHERE d.retired_from = ? AND d.workshop_id IS NULL`
			)
			.all(workshopId) as { id: string; kind: string; retiredAt: number; updates: number }[];
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	server = await startServer();
	({ as, demoId, orgId } = await setUpMunicipalities(server));
});
afterAll(async () => {
	await server?.stop();
});

describe('POST /api/v1/workshops/{id}/drafts', () => {
	it('needs a published version (409 no_publication)', async () => {
		const response = await as.facilitator.request('POST', drafts(demoId));
		expect(response.status).toBe(409);
		expect(apiErrorSchema.parse(response.body).error).toMatchObject({
			code: 'no_publication',
			message: da.publications.error.noVersion
		});
	});

	it('opens a new draft holding exactly the latest version, and keeps the old documents', async () => {
		const old = await workshopDocuments(as.facilitator, demoId);
		const v1 = await publish(as.facilitator, demoId, 'Version 1');
		const v1Text = await versionText(v1.id);

		// Only the facilitator; another municipality does not even see the workshop.
		for (const client of [as.member, as.staff, as.admin]) {
			expect((await client.request('POST', drafts(demoId))).status).toBe(403);
		}
		expect((await as.otherAdmin.request('POST', drafts(demoId))).status).toBe(404);

		// A member has the old template open while the facilitator opens the new draft.
		const open = await openDocument(server, as.member, old.template);
		const response = await as.facilitator.request('POST', drafts(demoId));
		expect(response.status).toBe(201);
		const draft = openedDraftSchema.parse(response.body);
		expect(draft).toMatchObject({ phase: 'drejebog', fromPublication: { id: v1.id, number: 1 } });

		const now = await workshopDocuments(as.facilitator, demoId);
		expect(now.phase).toBe('drejebog');
		expect(draft.documents.map((d) => d.id).sort()).toEqual([now.template, now.drejebog].sort());
		expect([now.template, now.drejebog]).not.toContain(old.template);
		expect(storedTemplate(server, now.template)).toEqual(storedTemplate(server, old.template));
		// The structured drejebog too: stages, steps, rules and the introduction, with their ids.
		const drejebog = storedDrejebog(server, now.drejebog);
		expect(drejebog).toEqual(storedDrejebog(server, old.drejebog));
		expect(drejebog.stages.flatMap((stage) => stage.steps).length).toBeGreaterThan(5);

		// The old document is closed for the member and refused from now on.
		await waitFor(() => open.closeCodes.includes(CLOSE_CODES.accessRevoked), 'old socket closed');
		open.destroy();
		const again = rawSocket(server.url.replace('http', 'ws'), old.template, as.member.cookieHeader);
		expect(await again.closed).toEqual({ status: 403 });

		// Kept, retired, with its history.
		const retired = retiredDocuments(demoId);
		expect(retired.map((d) => d.id).sort()).toEqual([old.template, old.drejebog].sort());
		expect(retired.find((d) => d.id === old.template)?.updates).toBeGreaterThan(0);

		// The new draft is the version: nothing to publish yet.
		const same = await as.facilitator.request('POST', `/api/v1/workshops/${demoId}/publications`, {
			note: 'Uændret'
		});
		expect(same.status).toBe(409);
		expect(apiErrorSchema.parse(same.body).error.code).toBe('no_changes');
		expect(await versionText(v1.id)).toBe(v1Text);
	});

	it('a change in the new draft becomes version 2; the diff shows only it; version 1 stays', async () => {
		const docs = await workshopDocuments(as.facilitator, demoId);
		const v1 = (await listVersions(as.staff, orgId)).find((v) => v.number === 1)!;
		const v1Text = await versionText(v1.id);
		await editTemplate(server, as.facilitator, docs.template, (t) =>
			t.renameTemplate({ title: 'Læringsbevis for unge i butik' })
		);
		// The work group moves a step to the next stage in the new draft.
		const [first, next] = storedDrejebog(server, docs.drejebog).stages;
		const step = first.steps[0];
		await editDrejebog(server, as.member, docs.drejebog, (d) =>
			d.moveStep({ stepId: step.id, stageId: next.id, toIndex: 0 })
		);
		const v2 = await publish(as.facilitator, demoId, 'Ny titel');
		expect(v2.number).toBe(2);
		const diff = publicationDiffSchema.parse(
			(await as.staff.request('GET', `/api/v1/publications/${v1.id}/diff/${v2.id}`)).body
		);
		expect(diff.changes.map((c) => c.message)).toEqual([
			'Titlen på læringsbeviset er ændret til »Læringsbevis for unge i butik«',
			`Trin flyttet fra ${first.label} til ${next.label}: ${step.title}`
		]);
		expect(await versionText(v1.id)).toBe(v1Text);

		// A second new draft starts from version 2 and retires the first draft's documents.
		const second = openedDraftSchema.parse(
			(await as.facilitator.request('POST', drafts(demoId))).body
		);
		expect(second.fromPublication.number).toBe(2);
		expect(retiredDocuments(demoId)).toHaveLength(4);
		expect(
			storedTemplate(server, second.documents.find((d) => d.kind === 'template')!.id).title
		).toBe('Læringsbevis for unge i butik');
	});
});
