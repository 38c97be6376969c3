/**
 * With FORMVAERK_ORIGIN set to the address the browser uses, a person logs in through the login
 * form, lands on their workshops and edits a document over the collaboration socket (whose
 * origin check uses the same configured origin).
 */
import { test, expect, expectAccessible, loginAs } from './fixtures.ts';
import { DocumentPage } from './pages/document-page.ts';
import { freePort, startServer, type TestServer } from '../support/server.ts';

let server: TestServer;

test.beforeAll(async () => {
	const port = await freePort();
	server = await startServer({ port, env: { FORMVAERK_ORIGIN: `http://127.0.0.1:${port}` } });
});
test.afterAll(async () => {
	await server?.stop();
});

test('logs in through the form and edits a document with FORMVAERK_ORIGIN set', async ({
	page
}) => {
	await loginAs(page, server, 'arbejdsgruppe');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);

	const document = new DocumentPage(page);
	await document.open(server, 'drejebog');
	await document.typeAtEnd(' Skrevet bag en proxy.');
	await document.expectSaved();
	await page.reload();
	await expect(document.editor).toContainText('Skrevet bag en proxy.');
});
