import { test, expect, expectAccessible } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';
import { demoDocuments } from '../support/demo-documents.ts';

const PROFESSIONAL = 'Faglige kompetencer';

type SocketSeen = { path: string; readyState: DocumentReadyState };

/** Records every WebSocket the page creates: its path and how far the HTML was parsed then. */
function recordSockets(): void {
	const seen: SocketSeen[] = [];
	(window as unknown as { socketsSeen: SocketSeen[] }).socketsSeen = seen;
	const Native = window.WebSocket;
	window.WebSocket = class extends Native {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols);
			seen.push({ path: new URL(url).pathname, readyState: document.readyState });
		}
	};
}

test('a full load of a document page opens its socket while the HTML is parsed, and the session works over it', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const docs = demoDocuments(server);
	await loggedInPage.addInitScript(recordSockets);
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	await frida.expectSaved();

	// One socket for the template, opened before the parser reached the app's scripts (they
	// start after the HTML is parsed): the session adopted it instead of opening its own.
	const seen = await loggedInPage.evaluate(
		() => (window as unknown as { socketsSeen: SocketSeen[] }).socketsSeen
	);
	expect(seen).toEqual([{ path: `/collab/${docs.template}`, readyState: 'loading' }]);

	// Edits go both ways over it and the server confirms them ("Gemt"); the document ends as it
	// began, as other specs on this server expect the demo's names.
	const fridaArea = frida.page.getByRole('textbox', { name: 'Kompetenceområde 1', exact: true });
	const jonasArea = jonas.page.getByRole('textbox', { name: 'Kompetenceområde 1', exact: true });
	await fridaArea.fill('Fag og opgaver');
	await expect(jonasArea).toHaveValue('Fag og opgaver');
	await frida.expectSaved();
	await jonasArea.fill(PROFESSIONAL);
	await expect(fridaArea).toHaveValue(PROFESSIONAL);
	await jonas.expectSaved();
	await frida.expectSaved();
	await expectAccessible(frida.page);
});

test('pages other than a document page carry no early socket, and client-side navigation opens one socket', async ({
	loggedInPage,
	server
}) => {
	const docs = demoDocuments(server);
	await loggedInPage.addInitScript(recordSockets);
	await loggedInPage.goto(`${server.url}/workshops/${docs.workshopId}`);
	await expect(loggedInPage.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await loggedInPage.locator('script[data-early-socket]').count()).toBe(0);

	// Reaching the document by a link: the app opens the socket itself, once.
	await loggedInPage
		.getByRole('region', { name: 'Dokumenter' })
		.getByRole('link', { name: 'Læringsbevis (skabelon)' })
		.click();
	const template = new TemplatePage(loggedInPage);
	await template.waitForEditor();
	await template.expectSaved();
	const seen = await loggedInPage.evaluate(
		() => (window as unknown as { socketsSeen: SocketSeen[] }).socketsSeen
	);
	expect(seen.filter((s) => s.path === `/collab/${docs.template}`)).toHaveLength(1);
	expect(seen.every((s) => s.readyState === 'complete')).toBe(true);
});
