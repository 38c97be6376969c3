/**
 * The audit hook of the cases module (`recordCaseAccess` through `caseTransaction`): exactly one
 * entry per access, in the same transaction as the work, with the purpose, the role and the
 * young person; a person's read without a purpose is refused (428) and leaves nothing; work
 * that fails leaves no entry; a deletion keeps the municipality and young person in its entry.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, getDb, initDatabase } from '#lib/server/platform/db.ts';
import {
	createOrganisation,
	createUser,
	loadSessionUser,
	setOrgRole
} from '#lib/server/accounts/accounts.ts';
import { createWorkshop } from '#lib/server/workshops/workshops.ts';
import { caseTransaction } from '#lib/server/cases/case-transaction.ts';
import { deleteCase } from '#lib/server/cases/cases.ts';
import { PurposeRequiredError } from '#lib/domain/errors.ts';
import type { Actor } from '#lib/domain/permissions.ts';
import { insertCase, standInPublication, type TestCase } from '../../support/privacy-cases.ts';

let dataDir: string;
let orgId: string;
let konsulent: Actor;
let admin: Actor;
let theCase: TestCase;

type Entry = {
	action: string;
	purpose: string | null;
	purpose_text: string;
	actor_role: string;
	young_person_id: string | null;
	link_id: string | null;
	detail: string;
	org_id: string;
};
const entries = () => getDb().prepare('SELECT * FROM audit_log ORDER BY id').all() as Entry[];

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'formvaerk-audit-'));
	initDatabase(dataDir);
	orgId = createOrganisation('Testkommune');
	const k = await createUser({
		email: 'k@test.example',
		name: 'Karin',
		password: 'en-god-adgangskode'
	});
	const a = await createUser({
		email: 'a@test.example',
		name: 'Anna',
		password: 'en-god-adgangskode'
	});
	setOrgRole(orgId, k.id, 'jobkonsulent');
	setOrgRole(orgId, a.id, 'admin');
	konsulent = loadSessionUser(k.id)!;
	admin = loadSessionUser(a.id)!;
	createWorkshop(admin, { orgId, title: 'Forløb' });
	const publicationId = standInPublication(getDb(), orgId);
	theCase = insertCase(getDb(), { orgId, publicationId, closedAt: null, staffUserId: k.id });
});

afterAll(() => {
	closeDatabase();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

const work = (caseId: string | null) => () => ({ result: 'ok', caseId });

describe('recordCaseAccess', () => {
	it('writes one entry per access with purpose, role and young person', () => {
		const before = entries().length;
		caseTransaction(
			{ actor: konsulent, requestId: 'r1', purpose: { kind: 'other', text: 'Klagesag' } },
			'read',
			work(theCase.id)
		);
		caseTransaction({ actor: konsulent, requestId: 'r2', purpose: null }, 'rate', work(theCase.id));
		caseTransaction({ link: { id: 'L1' }, requestId: 'r3' }, 'link-use', work(theCase.id));
		const added = entries().slice(before);
		expect(added).toHaveLength(3);
		expect(added[0]).toMatchObject({
			action: 'read',
			purpose: 'other',
			purpose_text: 'Klagesag',
			actor_role: 'jobkonsulent',
			young_person_id: theCase.youngPersonId,
			org_id: orgId,
			detail: 'read'
		});
		expect(added[1]).toMatchObject({ action: 'change', purpose: null, detail: 'rate' });
		expect(added[2]).toMatchObject({ action: 'link-use', actor_role: 'link', link_id: 'L1' });
	});

	it('refuses a read or export without a purpose, and keeps nothing of the work', () => {
		const before = entries().length;
		for (const action of ['read', 'export'] as const) {
			expect(() =>
				caseTransaction({ actor: konsulent, requestId: 'r4' }, action, (db) => {
					db.prepare("UPDATE cases SET company = 'Ændret' WHERE id = ?").run(theCase.id);
					return { result: null, caseId: theCase.id };
				})
			).toThrow(PurposeRequiredError);
		}
		expect(entries()).toHaveLength(before);
		const company = getDb().prepare('SELECT company FROM cases WHERE id = ?').get(theCase.id) as {
			company: string;
		};
		expect(company.company).toBe('Firma A/S');
	});

	it('leaves no entry when the work fails', () => {
		const before = entries().length;
		expect(() =>
			caseTransaction(
				{ actor: konsulent, requestId: 'r5', purpose: { kind: 'followUp' } },
				'update',
				() => {
					throw new Error('refused');
				}
			)
		).toThrow('refused');
		expect(entries()).toHaveLength(before);
	});

	it('records a deletion with its reason, municipality and young person after the rows are gone', () => {
		deleteCase(
			{ actor: admin, requestId: 'r6', purpose: { kind: 'complaint' } },
			theCase.id,
			'Borgeren bad om det'
		);
		const last = entries().at(-1)!;
		expect(last).toMatchObject({
			action: 'delete',
			org_id: orgId,
			young_person_id: theCase.youngPersonId,
			actor_role: 'admin',
			purpose: 'complaint'
		});
		expect(last.detail).toContain('Borgeren bad om det');
		expect(getDb().prepare('SELECT COUNT(*) AS n FROM cases WHERE id = ?').get(theCase.id)).toEqual(
			{ n: 0 }
		);
	});
});
