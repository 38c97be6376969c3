/**
 * `cases.area_levels` (migration 016, issue 14's statistics speed) against the real server: after
 * every way a rating is written (staff through the API, a rating link, the carry-over when a case
 * starts from a previous one, the demo seeder's cases through the module, a rating changed and a
 * rating cleared), every case's maintained levels are exactly what the statistics computed from
 * all ratings at read time before (`support/read-time-area-levels.ts`, the former code, is the
 * oracle). The detail starter has a statement with a scale of its own of another length
 * (detail-s16), which the levels leave out. Then migration 016's backfill, run on a copy of the
 * same database as migration 015 left it, writes the very same strings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { withServerDb } from '../support/db.ts';
import { caseWorld, dayFromNow, seedWorldCases, type CaseWorld } from '../support/cases.ts';
import type { ApiClient } from '../support/http.ts';
import { readTimeAreaLevels } from '../support/read-time-area-levels.ts';
import { caseLinkOpenedSchema, createdCaseLinkSchema } from '#lib/domain/cases/api-schemas.ts';
import { casePlan, statementIndex, type CasePlanCell } from '#lib/domain/cases/plan.ts';
import { decodeAreaLevels } from '#lib/domain/privacy/area-levels.ts';
import { migrate } from '#lib/server/platform/db.ts';
import { seedCase } from '#lib/server/platform/demo-cases.ts';

let server: TestServer;
let w: CaseWorld;

beforeAll(async () => {
	server = await startServer();
	w = await caseWorld(server);
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

/** Every case of the version: its stored `area_levels`. */
function storedLevels(db: DatabaseSync): Map<string, string> {
	const rows = db
		.prepare('SELECT id, area_levels FROM cases WHERE publication_id = ? ORDER BY id')
		.all(w.versionId) as { id: string; area_levels: string }[];
	return new Map(rows.map((r) => [r.id, r.area_levels]));
}

/** Checks every case's maintained levels against the oracle; returns the stored strings. */
async function expectLevelsAsComputed(): Promise<Map<string, string>> {
	return withServerDb(server.dataDir, (db) => {
		const stored = storedLevels(db);
		const oracle = readTimeAreaLevels(db, w.versionId, w.template);
		expect(stored.size).toBe(oracle.size);
		for (const [id, text] of stored) {
			expect(decodeAreaLevels(w.template, text), `case ${id}: "${text}"`).toEqual(oracle.get(id));
		}
		return stored;
	});
}

const NEW_CASE = () => ({
	publicationId: w.versionId,
	youngPerson: { firstName: 'Amalie', lastName: 'Testesen' },
	company: 'Brugsen Thisted',
	start: dayFromNow(-60),
	end: dayFromNow(-5),
	targetGroup: 'uddannelsesparat'
});

async function startCase(extra: object = {}): Promise<string> {
	const created = await w.konsulent.request<{ id: string }>('POST', '/api/v1/cases', {
		...NEW_CASE(),
		...extra
	});
	expect(created.status, JSON.stringify(created.body)).toBe(201);
	return created.body.id;
}

async function rate(caseId: string, rating: object): Promise<void> {
	const response = await w.konsulent.request('POST', `/api/v1/cases/${caseId}/ratings`, rating);
	expect(response.status, JSON.stringify(response.body)).toBe(204);
}

/** The levels `statementId` may take, by id. */
const levelsOf = (statementId: string) =>
	statementIndex(w.template)
		.get(statementId)!
		.levels.map((l) => l.id);

/** The plan's cells when every statement is chosen (as the API's cases here). */
const planCells = () =>
	casePlan(
		w.template,
		w.template.areas.flatMap((a) => a.statements.map((s) => s.id))
	);

/**
 * Rates every statement of `cell` through the staff API, with levels that differ per statement
 * (the own-scale statement too), one of them "ikke vurderet".
 */
async function rateCell(caseId: string, cell: CasePlanCell, seed: number): Promise<void> {
	for (const [i, statementId] of cell.statementIds.entries()) {
		const levels = levelsOf(statementId);
		const level = i === 2 ? null : levels[(i * 3 + seed) % levels.length];
		await rate(caseId, { pointId: cell.pointId, raterId: cell.raterId, statementId, level });
	}
}

describe('the maintained area levels', () => {
	it('equal the read-time computation after every write path', async () => {
		await seedWorldCases(server, w, (s, { open, closed }) => {
			seedCase(s, {
				...closed,
				firstName: 'Lukket',
				start: dayFromNow(-140),
				end: dayFromNow(-84)
			});
			seedCase(s, { ...open, firstName: 'Åben', start: dayFromNow(-28), end: dayFromNow(28) });
		});
		expect([...(await expectLevelsAsComputed()).values()].every((t) => t !== '')).toBe(true);

		// Staff through the API, at the first and the last point.
		const first = w.template.measurementPoints[0].id;
		const last = w.template.measurementPoints.at(-1)!.id;
		const caseId = await startCase({ caseworkerId: w.sagsbehandlerId });
		expect((await expectLevelsAsComputed()).get(caseId)).toBe('');
		for (const [i, cell] of planCells().entries()) {
			if (cell.pointId === first || cell.pointId === last) await rateCell(caseId, cell, i);
		}
		const staffRated = (await expectLevelsAsComputed()).get(caseId)!;
		expect(staffRated).toMatch(/\d/);

		// A rating link: the holder answers every statement they are shown, one "ikke vurderet".
		const rater = w.template.raters[1].id;
		const linkPoint = w.template.measurementPoints[1].id;
		const created = await w.konsulent.request('POST', `/api/v1/cases/${caseId}/links`, {
			raterId: rater,
			pointId: linkPoint
		});
		expect(created.status, JSON.stringify(created.body)).toBe(201);
		const token = createdCaseLinkSchema.parse(created.body).url.split('/r/')[1];
		const holder = new (w.konsulent.constructor as new (url: string) => ApiClient)(server.url);
		const form = caseLinkOpenedSchema.parse(
			(await holder.request('GET', `/api/v1/links/${token}`)).body
		);
		const answers = form.statements.map((s, i) => ({
			statementId: s.id,
			level: i === 1 ? null : s.levels[i % s.levels.length].id,
			comment: ''
		}));
		const stored = await holder.request('POST', `/api/v1/links/${token}/answers`, { answers });
		expect(stored.status, JSON.stringify(stored.body)).toBe(204);
		const linkRated = (await expectLevelsAsComputed()).get(caseId)!;
		expect(linkRated).not.toBe(staffRated);

		// Carry-over: the next case starts with the previous case's last ratings at its first point.
		const nextId = await startCase({ previousCaseId: caseId });
		const carried = (await expectLevelsAsComputed()).get(nextId)!;
		expect(carried).toMatch(/\d/);

		// A rating changed, then every rating of one cell cleared.
		const cell = planCells().find((c) => c.pointId === first)!;
		const [statementId] = cell.statementIds;
		const changed = { pointId: first, raterId: cell.raterId, statementId };
		await rate(nextId, { ...changed, level: levelsOf(statementId).at(-1) });
		const afterChange = (await expectLevelsAsComputed()).get(nextId)!;
		for (const id of cell.statementIds) {
			await rate(nextId, { ...changed, statementId: id, level: null });
		}
		const afterClear = (await expectLevelsAsComputed()).get(nextId)!;
		expect(new Set([carried, afterChange, afterClear]).size).toBeGreaterThan(1);
	}, 120_000);

	it('are written by migration 016 on a database as migration 015 left it', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'formvaerk-m16-'));
		const file = path.join(dir, 'formvaerk.db');
		try {
			const maintained = await withServerDb(server.dataDir, (db) => {
				db.prepare('VACUUM INTO ?').run(file);
				return storedLevels(db);
			});
			expect(maintained.size).toBeGreaterThanOrEqual(4);
			const old = new DatabaseSync(file);
			try {
				old.exec('ALTER TABLE cases DROP COLUMN area_levels');
				old.exec('DELETE FROM schema_migrations WHERE version >= 16');
				old.exec('PRAGMA foreign_keys = ON');
				expect(migrate(old)).toBeGreaterThanOrEqual(1);
				expect(storedLevels(old)).toEqual(maintained);
				const oracle = readTimeAreaLevels(old, w.versionId, w.template);
				for (const [id, text] of storedLevels(old)) {
					expect(decodeAreaLevels(w.template, text)).toEqual(oracle.get(id));
				}
			} finally {
				old.close();
			}
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
