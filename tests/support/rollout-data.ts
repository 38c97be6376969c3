/**
 * Data for rollout tests, without a test runner (vitest and Playwright both use it): a published
 * version of a workshop (a row of migration 011's `publications`) and staff accounts.
 *
 * TEMPORARY until the publish branch (issue 11) is in main: the version is inserted straight into
 * the server's database, and the `publications` table is created here exactly as 011 creates it
 * when the server's database does not have it yet. Once 011 is merged, `publishVersion` should
 * publish through `POST /api/v1/workshops/{id}/publications` instead and the CREATE goes away.
 */
import { createHash, randomBytes } from 'node:crypto';
import { withServerDb } from './db.ts';
import type { TestServer } from './server.ts';
import { createUser, setOrgRole } from '#lib/server/accounts/accounts.ts';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { starterDrejebog } from '#lib/domain/drejebog/starter.ts';

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

/** `count` staff accounts (organisation role `member`) in `orgId`. */
export async function createStaff(
	server: TestServer,
	orgId: string,
	count: number,
	prefix = 'staff'
): Promise<{ email: string; password: string; name: string }[]> {
	const password = 'en-god-adgangskode';
	const domain = `kommune-${orgId
		.replace(/[^a-z0-9]/gi, '')
		.slice(0, 6)
		.toLowerCase()}.example`;
	return withServerDb(server.dataDir, async () => {
		const made: { email: string; password: string; name: string }[] = [];
		for (let i = 0; i < count; i++) {
			const email = `${prefix}${i}@${domain}`;
			const name = `Medarbejder ${prefix} ${i + 1}`;
			const user = await createUser({ email, name, password });
			setOrgRole(orgId, user.id, 'member');
			made.push({ email, password, name });
		}
		return made;
	});
}
