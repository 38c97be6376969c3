/**
 * Setup for rollout tests: a published version of a workshop (a row of migration 011's
 * `publications`), staff accounts in a municipality, and logged-in clients.
 *
 * TEMPORARY until the publish branch (issue 11) is in main: the version is inserted straight into
 * the server's database, and the `publications` table is created here exactly as 011 creates it
 * when the server's database does not have it yet. Once 011 is merged, `publishVersion` should
 * publish through `POST /api/v1/workshops/{id}/publications` instead and the CREATE goes away.
 */
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { z } from 'zod';
import { ApiClient } from './http.ts';
import { withServerDb } from './db.ts';
import type { TestServer } from './server.ts';
import { createUser, setOrgRole } from '#lib/server/accounts/accounts.ts';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { starterDrejebog } from '#lib/domain/drejebog/starter.ts';
import { workshopSummarySchema } from '#lib/domain/api-schemas.ts';

const PUBLICATIONS_011 = `
CREATE TABLE IF NOT EXISTS publications (
	id TEXT PRIMARY KEY,
	workshop_id TEXT NOT NULL REFERENCES workshops(id),
	org_id TEXT NOT NULL REFERENCES organisations(id),
	number INTEGER NOT NULL CHECK (number >= 1),
	note TEXT NOT NULL,
	published_by TEXT NOT NULL,
	published_by_name TEXT NOT NULL,
	published_at INTEGER NOT NULL,
	format INTEGER NOT NULL,
	template_shape_version INTEGER NOT NULL,
	drejebog_shape_version INTEGER NOT NULL,
	content TEXT NOT NULL,
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	UNIQUE (workshop_id, number)
);`;

/** The template and drejebog a test version holds: the detail starter and STAR's drejebog. */
export function versionContent(starterId = 'detail') {
	const template = starterToTemplate(getStarter(starterId)!);
	return { format: 1, template, drejebog: starterDrejebog(template) };
}

/** Inserts version `number` of `workshopId` and returns its id. */
export function publishVersion(
	server: TestServer,
	workshopId: string,
	number: number,
	note = `Version ${number}`
): Promise<string> {
	return withServerDb(server.dataDir, (db) => {
		db.exec(PUBLICATIONS_011);
		const { org_id: orgId } = db
			.prepare('SELECT org_id FROM workshops WHERE id = ?')
			.get(workshopId) as { org_id: string };
		const id = randomBytes(16).toString('base64url');
		const content = JSON.stringify(versionContent());
		db.prepare(
			`INSERT INTO publications (id, workshop_id, org_id, number, note, published_by,
				published_by_name, published_at, format, template_shape_version, drejebog_shape_version,
				content, sha256)
			 VALUES (?, ?, ?, ?, ?, 'test', 'Test', ?, 1, 3, 2, ?, ?)`
		).run(
			id,
			workshopId,
			orgId,
			number,
			note,
			Date.now(),
			content,
			createHash('sha256').update(content).digest('hex')
		);
		return id;
	});
}

/** A client logged in as `email`. */
export async function loginAs(server: TestServer, email: string, password: string) {
	const client = new ApiClient(server.url);
	expect((await client.login(email, password)).status).toBe(200);
	return client;
}

/** The first demo login of a role. */
export function demoClient(server: TestServer, role: string) {
	const { email, password } = server.logins[role][0];
	return loginAs(server, email, password);
}

/** The demo workshop's id and organisation, through the facilitator's API. */
export async function demoWorkshop(facilitator: ApiClient) {
	const list = await facilitator.request('GET', '/api/v1/workshops');
	return z.array(workshopSummarySchema).parse(list.body)[0];
}

/** `count` staff accounts (organisation role `member`) in `orgId`, logged in. */
export async function staffClients(
	server: TestServer,
	orgId: string,
	count: number,
	prefix = 'staff'
): Promise<ApiClient[]> {
	const password = 'en-god-adgangskode';
	const emails = await withServerDb(server.dataDir, async () => {
		const made: string[] = [];
		for (let i = 0; i < count; i++) {
			const email = `${prefix}${i}@kommune-${orgId
				.replace(/[^a-z0-9]/gi, '')
				.slice(0, 6)
				.toLowerCase()}.example`;
			const user = await createUser({ email, name: `Medarbejder ${prefix} ${i + 1}`, password });
			setOrgRole(orgId, user.id, 'member');
			made.push(email);
		}
		return made;
	});
	return Promise.all(emails.map((email) => loginAs(server, email, password)));
}
