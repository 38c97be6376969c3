/**
 * Helpers for tests of publishing: logged-in API clients per demo role, editing a workshop's
 * documents through a real y-websocket client and waiting until the server has stored the edit,
 * and reading a version back.
 */
import { z } from 'zod';
import * as Y from 'yjs';
import { expect } from 'vitest';
import { ApiClient } from './http.ts';
import { connectClient, waitFor, type TestClient } from './collab-client.ts';
import { readStoredDocument } from './collab-server.ts';
import type { TestServer } from './server.ts';
import {
	bindTemplate,
	readTemplate,
	type TemplateHandle
} from '#lib/collab/template/template-binding.ts';
import {
	bindDrejebog,
	readDrejebog,
	resolveDrejebogText,
	type BoundDrejebogOperations
} from '#lib/collab/drejebog/drejebog-binding.ts';
import { publicationSummarySchema } from '#lib/domain/publications/api-schemas.ts';
import { workshopDetailSchema, workshopSummarySchema } from '#lib/domain/api-schemas.ts';
import { createMunicipality, type Municipality } from './db.ts';

export type Role = 'administrator' | 'facilitator' | 'arbejdsgruppe' | 'medarbejder';

/** A client logged in as the first demo login of `role`. */
export async function loggedIn(server: TestServer, role: Role): Promise<ApiClient> {
	const { email, password } = server.logins[role][0];
	const client = new ApiClient(server.url);
	expect((await client.login(email, password)).status).toBe(200);
	return client;
}

/** The workshop's current documents by kind, through the API. */
export async function workshopDocuments(
	client: ApiClient,
	workshopId: string
): Promise<{ template: string; drejebog: string; phase: string }> {
	const detail = workshopDetailSchema.parse(
		(await client.request('GET', `/api/v1/workshops/${workshopId}`)).body
	);
	const id = (kind: string) => detail.documents.find((d) => d.kind === kind)!.id;
	return { template: id('template'), drejebog: id('drejebog'), phase: detail.phase };
}

/** A synced y-websocket client on `documentId` with `client`'s session. */
export async function openDocument(
	server: TestServer,
	client: ApiClient,
	documentId: string
): Promise<TestClient> {
	const socket = connectClient(server.url.replace('http', 'ws'), documentId, client.cookieHeader);
	await socket.synced;
	return socket;
}

/** Edits the template through a live client and waits until the server has stored the result. */
export async function editTemplate(
	server: TestServer,
	client: ApiClient,
	documentId: string,
	edit: (template: TemplateHandle) => void
): Promise<void> {
	const socket = await openDocument(server, client, documentId);
	try {
		const handle = bindTemplate(socket.doc, 'test');
		edit(handle);
		const expected = JSON.stringify(handle.read());
		await waitFor(() => JSON.stringify(storedTemplate(server, documentId)) === expected, 'stored');
	} finally {
		socket.destroy();
	}
}

/** The template as the server's database holds it now. */
export function storedTemplate(server: TestServer, documentId: string) {
	const doc = readStoredDocument(server.dataDir, documentId);
	try {
		return readTemplate(doc);
	} finally {
		doc.destroy();
	}
}

/** Publishes through the API; expects 201 and returns the version. */
export async function publish(client: ApiClient, workshopId: string, note: string) {
	const response = await client.request('POST', `/api/v1/workshops/${workshopId}/publications`, {
		note
	});
	expect(response.status, JSON.stringify(response.body)).toBe(201);
	return publicationSummarySchema.parse(response.body);
}

/** The versions of an organisation through the API. */
export async function listVersions(client: ApiClient, orgId: string) {
	const response = await client.request('GET', `/api/v1/publications?organisation=${orgId}`);
	expect(response.status).toBe(200);
	return z.array(publicationSummarySchema).parse(response.body);
}

/** Edits the drejebog through a live client and waits until the server has stored the result. */
export async function editDrejebog(
	server: TestServer,
	client: ApiClient,
	documentId: string,
	edit: (drejebog: BoundDrejebogOperations & { read: () => unknown }) => void
): Promise<void> {
	const socket = await openDocument(server, client, documentId);
	try {
		const handle = bindDrejebog(socket.doc, 'test');
		edit(handle);
		const expected = JSON.stringify(handle.read());
		await waitFor(() => JSON.stringify(storedDrejebog(server, documentId)) === expected, 'stored');
	} finally {
		socket.destroy();
	}
}

/** The drejebog as the server's database holds it now. */
export function storedDrejebog(server: TestServer, documentId: string) {
	const doc = readStoredDocument(server.dataDir, documentId);
	try {
		return readDrejebog(doc);
	} finally {
		doc.destroy();
	}
}

/** Types `text` at the end of the first step's title, as the title field does: one Y.Text insert. */
export function typeIntoDrejebog(doc: Y.Doc, text: string): void {
	const [stage] = readDrejebog(doc).stages;
	const slot = resolveDrejebogText(doc, { field: 'stepTitle', stepId: stage.steps[0].id });
	const title = slot?.map.get(slot.key);
	if (!(title instanceof Y.Text)) throw new Error('the first step has no title text');
	doc.transact(() => title.insert(title.length, text), 'typist');
}

/** Starts the drejebog of a workshop from STAR's steps, through the API, as `client`. */
export async function startDrejebog(client: ApiClient, workshopId: string): Promise<void> {
	const { drejebog } = await workshopDocuments(client, workshopId);
	const response = await client.request(
		'POST',
		`/api/v1/workshops/${workshopId}/documents/${drejebog}/drejebog/start`,
		{ starter: 'star' }
	);
	expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/** One client per demo role plus the administrator of a second municipality. */
export type RoleClients = Record<
	'admin' | 'facilitator' | 'member' | 'staff' | 'otherAdmin',
	ApiClient
>;

/**
 * Creates a second municipality and logs in every demo role and its administrator; also returns
 * the demo workshop and its organisation.
 */
export async function setUpMunicipalities(server: TestServer): Promise<{
	as: RoleClients;
	other: Municipality;
	demoId: string;
	orgId: string;
}> {
	const other = await createMunicipality(server.dataDir, 'Anden Kommune');
	const [admin, facilitator, member, staff] = await Promise.all([
		loggedIn(server, 'administrator'),
		loggedIn(server, 'facilitator'),
		loggedIn(server, 'arbejdsgruppe'),
		loggedIn(server, 'medarbejder')
	]);
	const otherAdmin = new ApiClient(server.url);
	expect((await otherAdmin.login(other.admin.email, other.admin.password)).status).toBe(200);
	const [demo] = z
		.array(workshopSummarySchema)
		.parse((await facilitator.request('GET', '/api/v1/workshops')).body);
	return {
		as: { admin, facilitator, member, staff, otherAdmin },
		other,
		demoId: demo.id,
		orgId: demo.orgId
	};
}
