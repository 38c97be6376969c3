/**
 * Data for rollout tests, without a test runner (vitest and Playwright both use it): a version
 * published through the API, a further version row inserted directly (publishing a second
 * version through the API needs a new draft and an edit, which is not what these tests are
 * about), and staff accounts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { withServerDb } from './db.ts';
import { ApiClient } from './http.ts';
import type { TestServer } from './server.ts';
import { createUser, setOrgRole } from '#lib/server/accounts/accounts.ts';
import { starterToTemplate } from '#lib/domain/template/from-starter.ts';
import { getStarter } from '#lib/domain/template/starters/index.ts';
import { starterDrejebog } from '#lib/domain/drejebog/starter.ts';

/** The template and drejebog a test version holds: the detail starter and STAR's drejebog. */
export function versionContent(starterId = 'detail') {
	const template = starterToTemplate(getStarter(starterId)!);
	return { format: 1, template, drejebog: starterDrejebog(template) };
}

/**
 * Publishes the workshop's current template and drejebog as its next version through
 * `POST /api/v1/workshops/{id}/publications`, as `facilitator` (demo login), and returns its id.
 */
export async function publishVersion(
	server: TestServer,
	workshopId: string,
	note = 'Første version'
): Promise<string> {
	const { email, password } = server.logins.facilitator[0];
	const client = new ApiClient(server.url);
	await client.login(email, password);
	const response = await client.request<{ id: string }>(
		'POST',
		`/api/v1/workshops/${workshopId}/publications`,
		{ note }
	);
	if (response.status !== 201) {
		throw new Error(`publishing failed: ${JSON.stringify(response.body)}`);
	}
	return response.body.id;
}

/**
 * Inserts version `number` of `workshopId` straight into the database (a row exactly as
 * publishing writes it, holding the detail starter), and returns its id.
 */
export function insertVersion(
	server: TestServer,
	workshopId: string,
	number: number,
	note = `Version ${number}`
): Promise<string> {
	return withServerDb(server.dataDir, (db) => {
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

/**
 * A further version of `workshopId` inserted directly with the next free number: browser tests
 * sharing a worker's server each need a version of their own (one open session per version), and
 * publishing unchanged content through the API is refused.
 */
export async function nextVersion(server: TestServer, workshopId: string): Promise<string> {
	const number = await withServerDb(server.dataDir, (db) => {
		const row = db
			.prepare(
				'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM publications WHERE workshop_id = ?'
			)
			.get(workshopId) as { next: number };
		return row.next;
	});
	return insertVersion(server, workshopId, number);
}

/** The organisation of `workshopId` (the demo workshop's municipality in the browser tests). */
export function workshopOrgId(server: TestServer, workshopId: string): Promise<string> {
	return withServerDb(server.dataDir, (db) => {
		const row = db.prepare('SELECT org_id FROM workshops WHERE id = ?').get(workshopId) as {
			org_id: string;
		};
		return row.org_id;
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
