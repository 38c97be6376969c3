/**
 * A published version's files against the real server: the PDF and the Word file that
 * `GET /api/v1/publications/{id}.pdf` and `.docx` send (what a reader finds in them, their Danish
 * file names), and the print view; everyone in the municipality may fetch them, nobody else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { publish, setUpMunicipalities, type RoleClients } from '../support/publications.ts';
import { docxHtml, htmlText, pdfReaders } from '../support/exports.ts';
import { parseContent } from '#lib/domain/publications/content.ts';
import type { PublicationContent } from '#lib/domain/publications/content.ts';

let server: TestServer;
let as: RoleClients;
let version: { id: string; number: number };
let content: PublicationContent;
const pdf = pdfReaders();

/** Fetches a path with a client's session, as bytes. */
async function fetchBytes(client: { cookieHeader: string } | null, path: string) {
	const response = await fetch(server.url + path, {
		headers: client ? { cookie: client.cookieHeader } : {},
		redirect: 'manual'
	});
	return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

beforeAll(async () => {
	server = await startServer();
	let demoId: string;
	({ as, demoId } = await setUpMunicipalities(server));
	const moved = await as.facilitator.request('POST', `/api/v1/workshops/${demoId}/phase`, {
		phase: 'drejebog'
	});
	expect(moved.status).toBe(200);
	version = await publish(as.facilitator, demoId, 'Første version');
	const read = await as.staff.request('GET', `/api/v1/publications/${version.id}`);
	content = parseContent(JSON.stringify(read.body));
});
afterAll(async () => {
	await server?.stop();
});

describe('a version as files', () => {
	it('sends a tagged A4 PDF in Danish holding the statements, CV phrases and the drejebog', async () => {
		const { response, bytes } = await fetchBytes(
			as.staff,
			`/api/v1/publications/${version.id}.pdf`
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="[^"]*version-1\.pdf"; filename\*=UTF-8''.*version-1\.pdf$/
		);
		const info = await pdf.info(bytes);
		expect(info.Tagged).toBe('yes');
		expect(info['Page size']).toMatch(/A4/);
		const text = await pdf.text(bytes);
		const statement = content.template.areas[0].statements[0];
		expect(text).toContain(statement.text);
		expect(text).toContain(statement.cvPhrase);
		expect(text).toContain(content.drejebog.stages[0].label);
		expect(text).toContain(content.drejebog.stages[0].steps[0].title);
		expect(text).toMatch(/[æøå]/);
	});

	it('sends a Word file with the same headings and statements', async () => {
		const { response, bytes } = await fetchBytes(
			as.member,
			`/api/v1/publications/${version.id}.docx`
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
		expect(response.headers.get('content-disposition')).toMatch(/version-1\.docx/);
		const html = await docxHtml(bytes);
		expect(html).toMatch(/<h1>/);
		const text = htmlText(html);
		expect(text).toContain(content.template.areas[0].statements[0].text);
		expect(text).toContain(content.drejebog.stages[0].steps[0].title);
	});

	it('shows the print view to anyone in the municipality', async () => {
		const { response, bytes } = await fetchBytes(as.staff, `/publications/${version.id}/print`);
		expect(response.status).toBe(200);
		const html = new TextDecoder().decode(bytes);
		expect(html).toContain(content.template.areas[0].statements[0].text);
		expect(html).toContain(content.drejebog.stages[0].steps[0].title);
	});

	it('refuses another municipality (404), no session (401) and an unknown version (404)', async () => {
		for (const suffix of ['.pdf', '.docx']) {
			const path = `/api/v1/publications/${version.id}${suffix}`;
			expect((await fetchBytes(as.otherAdmin, path)).response.status, path).toBe(404);
			expect((await fetchBytes(null, path)).response.status, path).toBe(401);
			const unknown = `/api/v1/publications/${'0'.repeat(version.id.length)}${suffix}`;
			expect((await fetchBytes(as.staff, unknown)).response.status, unknown).toBe(404);
		}
		const print = await fetchBytes(as.otherAdmin, `/publications/${version.id}/print`);
		expect(print.response.status).toBe(404);
	});
});
