/**
 * A publish racing live typing, against the real server: two work-group members type into the
 * template and into a step of the structured drejebog through stock y-websocket clients (one
 * keystroke per update, and now and then a compound change in one transaction in each document)
 * while the facilitator publishes again and again.
 * Every version must hold, for each document, exactly a state that document's typist had: a
 * prefix of their keystrokes, never a half-applied transaction. Later versions hold later
 * prefixes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import {
	loggedIn,
	openDocument,
	typeIntoDrejebog,
	workshopDocuments
} from '../support/publications.ts';
import type { TestClient } from '../support/collab-client.ts';
import type { ApiClient } from '../support/http.ts';
import { workshopSummarySchema } from '#lib/domain/api-schemas.ts';
import { publicationSummarySchema } from '#lib/domain/publications/api-schemas.ts';
import { canonicalJson } from '#lib/domain/publications/canonical.ts';
import { checkContent, parseContent } from '#lib/domain/publications/content.ts';
import { bindTemplate, readTemplate } from '#lib/collab/template/template-binding.ts';
import { bindDrejebog, readDrejebog } from '#lib/collab/drejebog/drejebog-binding.ts';

let server: TestServer;
let facilitator: ApiClient;
let member: ApiClient;
let workshopId: string;
const sockets: TestClient[] = [];

beforeAll(async () => {
	server = await startServer();
	[facilitator, member] = await Promise.all([
		loggedIn(server, 'facilitator'),
		loggedIn(server, 'arbejdsgruppe')
	]);
	const [demo] = z
		.array(workshopSummarySchema)
		.parse((await facilitator.request('GET', '/api/v1/workshops')).body);
	workshopId = demo.id;
});
afterAll(async () => {
	for (const socket of sockets) socket.destroy();
	await server?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a version would hold of each document in its current state (as publishing parses it). */
function publishedForm(template: TestClient, drejebog: TestClient) {
	const checked = checkContent(readTemplate(template.doc), readDrejebog(drejebog.doc));
	if (!checked.ok) throw new Error(`typing made the draft invalid: ${checked.problems[0].code}`);
	return {
		template: canonicalJson(checked.content.template),
		drejebog: canonicalJson(checked.content.drejebog)
	};
}

describe('publishing while the group types', () => {
	it('publishes exactly states the typists had, never half a change', async () => {
		const docs = await workshopDocuments(facilitator, workshopId);
		const template = await openDocument(server, member, docs.template);
		const drejebog = await openDocument(server, member, docs.drejebog);
		sockets.push(template, drejebog);
		const handle = bindTemplate(template.doc, 'typist');
		const ops = bindDrejebog(drejebog.doc, 'typist');
		const templateStates = [publishedForm(template, drejebog).template];
		const drejebogStates = [publishedForm(template, drejebog).drejebog];
		const firstArea = handle.read().areas[0];
		const lastStage = ops.read().stages.at(-1)!;
		const lastStep = lastStage.steps.at(-1)!;

		let isTyping = true;
		const typing = (async () => {
			try {
				for (let i = 1; i <= 90; i++) {
					if (i % 15 === 0) {
						// One transaction, one update: an area renamed and a statement added together.
						template.doc.transact(() => {
							handle.renameArea({ areaId: firstArea.id, label: `${firstArea.label} ${i}` });
							handle.addStatement({ areaId: firstArea.id, text: `Nyt udsagn nr. ${i}` });
						}, 'typist');
					} else {
						handle.renameTemplate({ title: `Titel ${'x'.repeat(i)}` });
					}
					if (i % 20 === 0) {
						// In the drejebog too: a stage renamed and a checklist item added together.
						drejebog.doc.transact(() => {
							ops.renameStage({ stageId: lastStage.id, label: `${lastStage.label} ${i}` });
							ops.addChecklistItem({ stepId: lastStep.id, text: `Punkt nr. ${i}` });
						}, 'typist');
					} else {
						typeIntoDrejebog(drejebog.doc, String(i % 10));
					}
					const state = publishedForm(template, drejebog);
					templateStates.push(state.template);
					drejebogStates.push(state.drejebog);
					await pause(8);
				}
			} finally {
				isTyping = false;
			}
		})();

		const published: string[] = [];
		let attempts = 0;
		while (isTyping) {
			attempts++;
			const response = await facilitator.request(
				'POST',
				`/api/v1/workshops/${workshopId}/publications`,
				{ note: `Udgivet under skrivning ${attempts}` }
			);
			if (response.status === 201) published.push(publicationSummarySchema.parse(response.body).id);
			else expect(response.status, JSON.stringify(response.body)).toBe(409);
			await pause(25);
		}
		await typing;
		expect(published.length, `${attempts} attempts`).toBeGreaterThanOrEqual(3);

		let previous = { template: -1, drejebog: -1 };
		const caught: number[] = [];
		for (const [index, id] of published.entries()) {
			const response = await fetch(`${server.url}/api/v1/publications/${id}`, {
				headers: { cookie: member.cookieHeader }
			});
			const content = parseContent(await response.text());
			const at = {
				template: templateStates.indexOf(canonicalJson(content.template)),
				drejebog: drejebogStates.indexOf(canonicalJson(content.drejebog))
			};
			expect(at.template, `version ${index + 1}: template is a typed state`).toBeGreaterThanOrEqual(
				0
			);
			expect(at.drejebog, `version ${index + 1}: drejebog is a typed state`).toBeGreaterThanOrEqual(
				0
			);
			expect(at.template).toBeGreaterThanOrEqual(previous.template);
			expect(at.drejebog).toBeGreaterThanOrEqual(previous.drejebog);
			previous = at;
			caught.push(at.template);
		}
		// Not merely the start and the end: versions caught the typing half way.
		const last = templateStates.length - 1;
		expect(
			caught.some((i) => i > 0 && i < last),
			caught.join()
		).toBe(true);
	});
});
