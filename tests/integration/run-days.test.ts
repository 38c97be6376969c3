/**
 * Run mode for every day against the real server (issue 11, point 4). The demo workshop runs
 * Dag 1's agenda; moved to Dag 2 it runs Dag 2's own agenda, and moving back restores Dag 1's
 * state (its timer paused at the move). On Dag 2 follow me, comments, locks and votes accept the
 * drejebog's elements: the facilitator points at a step; a member comments on a step and a rule
 * section, and a thread on a deleted step keeps its title; locks on a stage and on "CV og Min
 * Plan" are enforced by the collaboration server for members only; a vote on steps keeps a new
 * step without deleting the others. Comment and lock changes reach the run-event stream with
 * their document. The template stays read-only for members on Dag 2, not for the facilitator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import {
	connectClient,
	rawSocket,
	waitFor,
	type RawSocket,
	type TestClient
} from '../support/collab-client.ts';
import { updateFrame } from '../support/collab-frames.ts';
import { readStoredDocument } from '../support/collab-server.ts';
import { demoDocuments, type DemoDocuments } from '../support/demo-documents.ts';
import {
	apiErrorSchema,
	commentsSchema,
	followTargetSchema,
	runViewSchema,
	voteSchema
} from '#lib/domain/api-schemas.ts';
import { locksResponseSchema } from '#lib/domain/template/locks.ts';
import { CLOSE_CODES } from '#lib/domain/collab-close-codes.ts';
import { DEFAULT_AGENDAS } from '#lib/domain/run-days.ts';
import {
	bindDrejebog,
	readDrejebog,
	resolveDrejebogText,
	type BoundDrejebogOperations
} from '#lib/collab/drejebog/drejebog-binding.ts';
import { hasDrejebogKeptVote } from '#lib/collab/drejebog/drejebog-kept-votes.ts';
import { bindTemplate, readTemplate } from '#lib/collab/template/template-binding.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

let server: TestServer;
let demo: DemoDocuments;
let as: Record<'facilitator' | 'member' | 'member2' | 'staff', ApiClient>;
const clients: TestClient[] = [];
const sockets: RawSocket[] = [];
const streams: (() => void)[] = [];

async function loggedIn(key: string, index = 0): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	const { email, password } = server.logins[key][index];
	expect((await client.login(email, password)).status).toBe(200);
	return client;
}

beforeAll(async () => {
	server = await startServer();
	demo = demoDocuments(server);
	const [facilitator, member, member2, staff] = await Promise.all([
		loggedIn('facilitator'),
		loggedIn('arbejdsgruppe'),
		loggedIn('arbejdsgruppe', 1),
		loggedIn('medarbejder')
	]);
	as = { facilitator, member, member2, staff };
});
afterAll(async () => {
	for (const stop of streams) stop();
	for (const client of clients) client.destroy();
	for (const socket of sockets) socket.ws.terminate();
	await server?.stop();
});

const api = (path = '') => `/api/v1/workshops/${demo.workshopId}${path}`;
const wsBase = () => server.url.replace('http', 'ws');

async function runView(client: ApiClient) {
	const response = await client.request('GET', api('/run'));
	expect(response.status).toBe(200);
	return runViewSchema.parse(response.body);
}

async function movePhase(phase: string): Promise<void> {
	const response = await as.facilitator.request('POST', api('/phase'), { phase });
	expect(response.status, JSON.stringify(response.body)).toBe(200);
}

function timer(action: string) {
	return as.facilitator.request('POST', api('/run/timer'), { action });
}

/** The drejebog as stored by the collaboration server. */
function storedDrejebog() {
	const doc = readStoredDocument(server.dataDir, demo.drejebog);
	try {
		return readDrejebog(doc);
	} finally {
		doc.destroy();
	}
}

/** A hand-made update frame: `edit` applied to a copy of the stored drejebog. */
function drejebogFrame(edit: (ops: BoundDrejebogOperations, doc: Y.Doc) => void): Uint8Array {
	const doc = readStoredDocument(server.dataDir, demo.drejebog);
	const before = Y.encodeStateVector(doc);
	edit(bindDrejebog(doc, 'raw'), doc);
	return updateFrame(Y.encodeStateAsUpdate(doc, before));
}

/** Appends `text` to a step's title, as typing in the editor does. */
function typeInTitle(doc: Y.Doc, stepId: string, text: string): void {
	const slot = resolveDrejebogText(doc, { field: 'stepTitle', stepId });
	const title = slot?.map.get(slot.key);
	if (!(title instanceof Y.Text)) throw new Error('no title');
	doc.transact(() => title.insert(title.length, text), 'raw');
}

async function openSocket(client: ApiClient, documentId: string): Promise<RawSocket> {
	const socket = rawSocket(wsBase(), documentId, client.cookieHeader);
	sockets.push(socket);
	await socket.opened;
	return socket;
}

/** The run-event stream as `client` receives it: the `change` events so far. */
async function openEvents(client: ApiClient) {
	const controller = new AbortController();
	const response = await fetch(`${server.url}${api('/run/events')}`, {
		headers: { accept: 'text/event-stream', cookie: client.cookieHeader },
		signal: controller.signal
	});
	expect(response.status).toBe(200);
	let received = '';
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	void (async () => {
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) return;
				received += decoder.decode(value, { stream: true });
			}
		} catch {
			// Aborted at the end of the test file.
		}
	})();
	streams.push(() => controller.abort());
	return () =>
		[...received.matchAll(/^event: change\ndata: (.*)$/gm)].map(
			([, data]) => JSON.parse(data) as { kind: string; documentId?: string }
		);
}

describe('a day per phase', () => {
	it('runs Dag 1’s agenda while the workshop is on Dag 1', async () => {
		const view = await runView(as.member);
		expect(view).toMatchObject({ day: 'format', agenda: DEFAULT_AGENDAS.format, itemIndex: 0 });
		expect((await timer('start')).status).toBe(200);
		expect((await timer('next')).status).toBe(200);
		expect(await runView(as.member)).toMatchObject({ itemIndex: 1, isRunning: true });
	});

	it('runs Dag 2’s own agenda on Dag 2, and finds Dag 1 as it was left when moving back', async () => {
		await movePhase('drejebog');
		for (const client of [as.facilitator, as.member, as.staff]) {
			expect(await runView(client)).toMatchObject({
				day: 'drejebog',
				agenda: DEFAULT_AGENDAS.drejebog,
				itemIndex: 0,
				isRunning: false
			});
		}
		expect((await timer('start')).status).toBe(200);
		expect((await timer('next')).status).toBe(200);
		expect((await timer('next')).status).toBe(200);

		await movePhase('format');
		const dayOne = await runView(as.member);
		// The timer ran on Dag 1 when the group moved on: it was paused with the move.
		expect(dayOne).toMatchObject({ day: 'format', itemIndex: 1, isRunning: false });
		expect(dayOne.remainingMs).toBeGreaterThan(DEFAULT_AGENDAS.format[1].minutes * 60_000 - 60_000);

		await movePhase('drejebog');
		expect(await runView(as.member)).toMatchObject({
			day: 'drejebog',
			itemIndex: 2,
			isRunning: false,
			agenda: DEFAULT_AGENDAS.drejebog
		});
	});
});

describe('the drejebog in run mode on Dag 2', () => {
	it('lets the facilitator lead everyone to a step and to a rule section', async () => {
		const step = storedDrejebog().stages[1].steps[0];
		const pointed = await as.facilitator.request('PUT', api('/run/follow'), {
			documentId: demo.drejebog,
			elementId: step.id
		});
		expect(pointed.status).toBe(200);
		expect(followTargetSchema.parse(pointed.body)).toMatchObject({
			documentId: demo.drejebog,
			elementId: step.id,
			kind: 'step',
			label: step.title
		});
		expect((await runView(as.member)).follow).toMatchObject({ elementId: step.id, kind: 'step' });
		const section = await as.facilitator.request('PUT', api('/run/follow'), {
			documentId: demo.drejebog,
			elementId: 'section-cvPlan'
		});
		expect(followTargetSchema.parse(section.body)).toMatchObject({
			kind: 'section',
			label: 'cvPlan'
		});
		const member = await as.member.request('PUT', api('/run/follow'), {
			documentId: demo.drejebog,
			elementId: step.id
		});
		expect(member.status).toBe(403);
	});

	it('takes comments on steps and rule sections, announced with the drejebog on the stream', async () => {
		const events = await openEvents(as.facilitator);
		const base = api(`/documents/${demo.drejebog}/comments`);
		const step = storedDrejebog().stages[0].steps[1];
		const created = await as.member.request('POST', base, {
			elementId: step.id,
			text: 'Hvem ringer til virksomheden?'
		});
		expect(created.status).toBe(201);
		await waitFor(
			() => events().some((e) => e.kind === 'comment' && e.documentId === demo.drejebog),
			'the comment event'
		);
		const onSection = await as.member.request('POST', base, {
			elementId: 'section-reactions',
			text: 'Syv dage er for længe.'
		});
		expect(onSection.status).toBe(201);
		const listed = commentsSchema.parse((await as.facilitator.request('GET', base)).body);
		expect(listed.unresolvedCount).toBe(2);
		expect(listed.threads.map((t) => [t.elementKind, t.elementLabel])).toEqual([
			['step', step.title],
			['reactions', 'reactions']
		]);
		expect(listed.elements.filter((e) => e.kind === 'stage')).toHaveLength(3);

		const unknown = await as.member.request('POST', base, {
			elementId: 'section-header',
			text: 'x'
		});
		expect(unknown.status).toBe(400);
		expect(apiErrorSchema.parse(unknown.body).error.message).toBe(da.comment.error.unknownElement);
		expect((await as.staff.request('POST', base, { elementId: step.id, text: 'x' })).status).toBe(
			403
		);
	});

	it('keeps the title of a commented step that is deleted, and counts its thread as resolved', async () => {
		const base = api(`/documents/${demo.drejebog}/comments`);
		const before = commentsSchema.parse((await as.member.request('GET', base)).body);
		const thread = before.threads.find((t) => t.elementKind === 'step')!;
		const frida = await openSocket(as.facilitator, demo.drejebog);
		frida.ws.send(drejebogFrame((ops) => ops.removeStep({ stepId: thread.elementId })));
		await waitFor(
			() => storedDrejebog().stages.every((s) => s.steps.every((x) => x.id !== thread.elementId)),
			'the deletion to be stored'
		);
		const after = commentsSchema.parse((await as.member.request('GET', base)).body);
		expect(after.threads.find((t) => t.id === thread.id)).toMatchObject({
			elementLabel: null,
			elementText: thread.elementLabel,
			isResolved: true
		});
		expect(after.unresolvedCount).toBe(before.unresolvedCount - 1);
	});

	it('locks a stage and CV og Min Plan for the work group, enforced by the collaboration server', async () => {
		const events = await openEvents(as.member);
		const locks = api(`/documents/${demo.drejebog}/locks`);
		const [open, locked] = storedDrejebog().stages;
		const lockStage = await as.facilitator.request('PUT', `${locks}/stage/${locked.id}`);
		expect(lockStage.status).toBe(200);
		expect((await as.facilitator.request('PUT', `${locks}/cvPlan/${demo.drejebog}`)).status).toBe(
			200
		);
		await waitFor(
			() => events().filter((e) => e.kind === 'lock' && e.documentId === demo.drejebog).length >= 2,
			'the lock events'
		);
		const seen = locksResponseSchema.parse((await as.member.request('GET', locks)).body);
		expect(seen.canChange).toBe(false);
		expect(seen.locks.map(({ kind, targetId }) => ({ kind, targetId }))).toEqual([
			{ kind: 'stage', targetId: locked.id },
			{ kind: 'cvPlan', targetId: demo.drejebog }
		]);
		expect((await as.member.request('PUT', `${locks}/stage/${open.id}`)).status).toBe(403);

		// A member's edit of the locked stage is refused and never stored.
		const jonas = await openSocket(as.member, demo.drejebog);
		jonas.ws.send(drejebogFrame((_ops, doc) => typeInTitle(doc, locked.steps[0].id, ' (ændret)')));
		expect(await jonas.closed).toEqual({ code: CLOSE_CODES.lockedPart });
		const planner = await openSocket(as.member2, demo.drejebog);
		planner.ws.send(drejebogFrame((ops) => ops.setCvPlan({ minPlanIncludesNotRated: true })));
		expect(await planner.closed).toEqual({ code: CLOSE_CODES.lockedPart });

		// An open stage takes the member's edit; the facilitator edits the locked one.
		const signe = await openSocket(as.member2, demo.drejebog);
		signe.ws.send(drejebogFrame((_ops, doc) => typeInTitle(doc, open.steps[0].id, '!')));
		const frida = await openSocket(as.facilitator, demo.drejebog);
		frida.ws.send(drejebogFrame((_ops, doc) => typeInTitle(doc, locked.steps[0].id, '?')));
		await waitFor(() => {
			const stages = storedDrejebog().stages;
			return (
				stages[0].steps[0].title === `${open.steps[0].title}!` &&
				stages[1].steps[0].title === `${locked.steps[0].title}?`
			);
		}, 'the allowed edits');
		expect(storedDrejebog().cvPlan.minPlanIncludesNotRated).toBe(false);
		expect(signe.ws.readyState).toBe(signe.ws.OPEN);

		// Lock kinds belong to their document.
		const wrong = await as.facilitator.request('PUT', `${locks}/area/${open.id}`);
		expect(wrong.status).toBe(400);
		expect(apiErrorSchema.parse(wrong.body).error.message).toBe(da.runDays.locks.unknownTarget);
		const onTemplate = api(`/documents/${demo.template}/locks/stage/${locked.id}`);
		expect((await as.facilitator.request('PUT', onTemplate)).status).toBe(400);

		for (const lock of seen.locks) {
			const url = `${locks}/${lock.kind}/${lock.targetId}`;
			expect((await as.facilitator.request('DELETE', url)).status).toBe(200);
		}
	});

	it('votes on steps and keeps a new one in a stage without deleting the others', async () => {
		const drejebog = storedDrejebog();
		const [first, second] = drejebog.stages[2].steps;
		const mixed = await as.facilitator.request('POST', api('/votes'), {
			title: 'Blandet',
			dotsPerPerson: 1,
			candidates: [{ stepId: first.id }, { statementId: readStoredTemplateStatement() }]
		});
		expect(mixed.status).toBe(400);
		expect(apiErrorSchema.parse(mixed.body).error.message).toBe(da.runDays.vote.mixed);

		const opened = await as.facilitator.request('POST', api('/votes'), {
			title: 'Hvilke trin mod afslutningen?',
			dotsPerPerson: 2,
			candidates: [{ stepId: first.id }, { stepId: second.id }, { text: 'Jobklub hver uge' }]
		});
		expect(opened.status).toBe(201);
		const vote = voteSchema.parse(opened.body);
		expect(vote.subject).toBe('steps');
		expect(vote.candidates.map((c) => [c.text, c.stepId])).toEqual([
			[first.title, first.id],
			[second.title, second.id],
			['Jobklub hver uge', null]
		]);
		const [, , free] = vote.candidates;
		const dots = await as.member.request('POST', api(`/votes/${vote.id}/dots`), {
			candidateId: free.id,
			dots: 2
		});
		expect(dots.status).toBe(200);
		expect((await as.facilitator.request('POST', api(`/votes/${vote.id}/close`))).status).toBe(200);

		const keep = (body: unknown) =>
			as.facilitator.request('POST', api(`/votes/${vote.id}/keep`), body);
		const noStage = await keep({ candidateIds: [free.id] });
		expect(noStage.status).toBe(400);
		expect(apiErrorSchema.parse(noStage.body).error.message).toBe(da.runDays.keep.stageRequired);

		const stage = drejebog.stages[2];
		const kept = await keep({ candidateIds: [free.id], stageId: stage.id });
		expect(kept.status).toBe(200);
		expect(voteSchema.parse(kept.body)).toMatchObject({ removedOthers: false });
		const after = storedDrejebog().stages[2];
		expect(after.steps.map((s) => s.title)).toEqual([
			...stage.steps.map((s) => s.title),
			'Jobklub hver uge'
		]);
		const doc = readStoredDocument(server.dataDir, demo.drejebog);
		expect(hasDrejebogKeptVote(doc, vote.id)).toBe(true);
		doc.destroy();
	});
});

/** The template as stored by the collaboration server. */
function readStoredTemplate() {
	const doc = readStoredDocument(server.dataDir, demo.template);
	try {
		return readTemplate(doc);
	} finally {
		doc.destroy();
	}
}

/** A statement id of the stored template (for a vote that mixes documents). */
function readStoredTemplateStatement(): string {
	return readStoredTemplate().areas[0].statements[0].id;
}

describe('the template on Dag 2', () => {
	it('drops a member’s raw update and stores the facilitator’s', async () => {
		const watcher = connectClient(wsBase(), demo.template, as.member2.cookieHeader);
		clients.push(watcher);
		await watcher.synced;
		const frame = (edit: (ops: ReturnType<typeof bindTemplate>) => void) => {
			const doc = readStoredDocument(server.dataDir, demo.template);
			const before = Y.encodeStateVector(doc);
			edit(bindTemplate(doc, 'raw'));
			return updateFrame(Y.encodeStateAsUpdate(doc, before));
		};
		const area = readStoredTemplate().areas[0];
		const jonas = await openSocket(as.member, demo.template);
		jonas.ws.send(frame((ops) => ops.renameArea({ areaId: area.id, label: 'Rettet af gruppen' })));
		const frida = await openSocket(as.facilitator, demo.template);
		frida.ws.send(frame((ops) => ops.renameTemplate({ title: 'Rettet af facilitatoren' })));
		await waitFor(
			() => readTemplate(watcher.doc).title === 'Rettet af facilitatoren',
			'the facilitator’s correction'
		);
		// The member's update, sent first, was dropped: neither stored nor broadcast.
		expect(readTemplate(watcher.doc).areas[0].label).toBe(area.label);
		expect(readStoredTemplate()).toMatchObject({ title: 'Rettet af facilitatoren' });
		expect(readStoredTemplate().areas[0].label).toBe(area.label);
	});
});
