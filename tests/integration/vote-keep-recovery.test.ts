/**
 * A crash in the middle of keeping a vote, against the real server process: the keep is recorded
 * on the vote before the template is edited, and marked applied after. The server is killed
 * (SIGKILL) and the database is left as a crash at either gap would leave it; at the next start
 * the server finishes a keep whose edit was stored and undoes one whose edit never happened, so
 * the facilitator can keep that vote again. A vote on drejebog steps is settled by the drejebog,
 * which carries its own marker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient } from '../support/http.ts';
import { demoDocuments, type DemoDocuments } from '../support/demo-documents.ts';
import { loadStoredDoc } from '../support/stored-doc.ts';
import { closedVote as makeClosedVote } from '../support/closed-vote.ts';
import { readTemplate } from '#lib/collab/template/template-binding.ts';
import { hasKeptVote } from '#lib/collab/template/template-kept-votes.ts';
import { readDrejebog } from '#lib/collab/drejebog/drejebog-binding.ts';
import { hasDrejebogKeptVote } from '#lib/collab/drejebog/drejebog-kept-votes.ts';
import { voteSchema } from '#lib/domain/api-schemas.ts';

type Login = { email: string; password: string };

let server: TestServer;
let demo: DemoDocuments;
let logins: { facilitator: Login; member: Login };
let facilitator: ApiClient;

async function loggedIn(login: Login): Promise<ApiClient> {
	const client = new ApiClient(server.url);
	expect((await client.login(login.email, login.password)).status).toBe(200);
	return client;
}

/** Kills the server as a crash would, changes its database, and starts it again. */
async function crashAndRestart(change: (db: DatabaseSync) => void): Promise<void> {
	await server.stop('SIGKILL');
	const db = new DatabaseSync(path.join(server.dataDir, 'formvaerk.db'));
	try {
		change(db);
	} finally {
		db.close();
	}
	server = await startServer({ dataDir: server.dataDir, env: { LOG_LEVEL: 'warn' } });
	facilitator = await loggedIn(logins.facilitator);
}

/** A closed vote on free texts, the first with a work-group member's dot. */
async function closedVote(title: string, texts: string[], subject?: 'steps') {
	const participant = await loggedIn(logins.member);
	return makeClosedVote({ facilitator, participant }, demo.workshopId, title, texts, subject);
}

async function voteView(voteId: string) {
	const listed = await facilitator.request('GET', `/api/v1/workshops/${demo.workshopId}/votes`);
	return z
		.array(voteSchema)
		.parse(listed.body)
		.find((v) => v.id === voteId)!;
}

function keep(voteId: string, candidateIds: string[], areaId: string) {
	return facilitator.request('POST', `/api/v1/workshops/${demo.workshopId}/votes/${voteId}/keep`, {
		candidateIds,
		areaId
	});
}

/** The stored template: how often `text` occurs, and whether it holds the vote's keep. */
function stored(text: string, voteId: string): { count: number; hasMarker: boolean } {
	const doc = loadStoredDoc(server.dataDir, demo.template);
	try {
		const texts = readTemplate(doc).areas.flatMap((a) => a.statements.map((s) => s.text));
		return { count: texts.filter((t) => t === text).length, hasMarker: hasKeptVote(doc, voteId) };
	} finally {
		doc.destroy();
	}
}

function keepAppliedAt(voteId: string): number | null {
	const db = new DatabaseSync(path.join(server.dataDir, 'formvaerk.db'), { readOnly: true });
	try {
		const row = db.prepare('SELECT keep_applied_at FROM votes WHERE id = ?').get(voteId) as {
			keep_applied_at: number | null;
		};
		return row.keep_applied_at;
	} finally {
		db.close();
	}
}

function firstAreaId(): string {
	const doc = loadStoredDoc(server.dataDir, demo.template);
	try {
		return readTemplate(doc).areas[0].id;
	} finally {
		doc.destroy();
	}
}

beforeAll(async () => {
	server = await startServer();
	demo = demoDocuments(server);
	logins = {
		facilitator: server.logins.facilitator[0],
		member: server.logins.arbejdsgruppe[0]
	};
	facilitator = await loggedIn(logins.facilitator);
});
afterAll(async () => {
	await server?.stop();
});

describe('a keep interrupted by a crash', () => {
	it('a finished keep is marked applied, and its edit carries the vote', async () => {
		const text = 'Møder til tiden hver dag';
		const vote = await closedVote('Hele vejen?', [text, 'Noget andet']);
		expect((await keep(vote.id, [vote.ids[0]], firstAreaId())).status).toBe(200);
		expect(keepAppliedAt(vote.id)).not.toBeNull();
		expect(stored(text, vote.id)).toEqual({ count: 1, hasMarker: true });
	});

	it('before the template edit: the keep is undone at the next start and can be done again', async () => {
		const text = 'Spørger om hjælp, når det går i stå';
		const vote = await closedVote('Afbrudt før?', [text, 'Noget tredje']);
		// What the first write of a keep leaves when the process dies right after it.
		await crashAndRestart((db) => {
			db.prepare('UPDATE votes SET kept_at = ?, kept_by = NULL WHERE id = ?').run(
				Date.now(),
				vote.id
			);
			db.prepare('UPDATE vote_candidates SET is_kept = (id = ?) WHERE vote_id = ?').run(
				vote.ids[0],
				vote.id
			);
		});
		expect(server.output()).toContain('interrupted vote keeps settled at start');
		expect(await voteView(vote.id)).toMatchObject({
			keptAt: null,
			candidates: [{ isKept: null }, { isKept: null }]
		});
		expect(stored(text, vote.id)).toEqual({ count: 0, hasMarker: false });

		expect((await keep(vote.id, [vote.ids[0]], firstAreaId())).status).toBe(200);
		expect(stored(text, vote.id)).toEqual({ count: 1, hasMarker: true });
		expect(keepAppliedAt(vote.id)).not.toBeNull();
	});

	it('after the template edit: the keep stands and is marked applied, the edit is not repeated', async () => {
		const text = 'Holder orden på sin arbejdsplads';
		const vote = await closedVote('Afbrudt efter?', [text, 'Noget fjerde']);
		expect((await keep(vote.id, [vote.ids[0]], firstAreaId())).status).toBe(200);
		const keptAt = (await voteView(vote.id)).keptAt;
		// What a crash between storing the edit and the last write leaves.
		await crashAndRestart((db) => {
			db.prepare('UPDATE votes SET keep_applied_at = NULL WHERE id = ?').run(vote.id);
		});
		expect(server.output()).toContain('interrupted vote keeps settled at start');
		expect(keepAppliedAt(vote.id)).not.toBeNull();
		expect(await voteView(vote.id)).toMatchObject({
			keptAt,
			candidates: [{ isKept: true }, { isKept: false }]
		});
		expect(stored(text, vote.id)).toEqual({ count: 1, hasMarker: true });
	});
});

describe('a keep of a vote on drejebog steps interrupted by a crash', () => {
	/** The stored drejebog: how often `title` occurs, and whether it holds the vote's keep. */
	function storedSteps(title: string, voteId: string) {
		const doc = loadStoredDoc(server.dataDir, demo.drejebog);
		try {
			const stages = readDrejebog(doc).stages;
			const titles = stages.flatMap((s) => s.steps.map((step) => step.title));
			return {
				stageId: stages[0].id,
				count: titles.filter((t) => t === title).length,
				hasMarker: hasDrejebogKeptVote(doc, voteId)
			};
		} finally {
			doc.destroy();
		}
	}

	it('is settled by the drejebog: undone when it never reached it, marked applied when it did', async () => {
		const title = 'Aftal opfølgning med virksomheden';
		const undone = await closedVote('Trin, afbrudt før?', [title, 'Noget femte'], 'steps');
		const applied = await closedVote('Trin, afbrudt efter?', ['Ring til mentor', 'x'], 'steps');
		const stageId = storedSteps(title, undone.id).stageId;
		const keepSteps = (voteId: string, candidateId: string) =>
			facilitator.request('POST', `/api/v1/workshops/${demo.workshopId}/votes/${voteId}/keep`, {
				candidateIds: [candidateId],
				stageId
			});
		expect((await keepSteps(applied.id, applied.ids[0])).status).toBe(200);
		expect(storedSteps('Ring til mentor', applied.id)).toMatchObject({ count: 1, hasMarker: true });
		await crashAndRestart((db) => {
			db.prepare('UPDATE votes SET kept_at = ? WHERE id = ?').run(Date.now(), undone.id);
			db.prepare('UPDATE votes SET keep_applied_at = NULL WHERE id = ?').run(applied.id);
		});
		expect(keepAppliedAt(applied.id)).not.toBeNull();
		expect((await voteView(undone.id)).keptAt).toBeNull();
		expect(storedSteps(title, undone.id)).toMatchObject({ count: 0, hasMarker: false });
		expect((await keepSteps(undone.id, undone.ids[0])).status).toBe(200);
		expect(storedSteps(title, undone.id)).toMatchObject({ count: 1, hasMarker: true });
		expect(storedSteps('Ring til mentor', applied.id)).toMatchObject({ count: 1 });
	});
});
