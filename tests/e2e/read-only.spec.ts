/**
 * Read-only views: a staff member (medarbejder) reads the template and the drejebog without a
 * single editing affordance, and is told why. A phase change under a member who is typing
 * explains itself with the same notice on every document and throws no error in the page.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';
import { DocumentPage } from './pages/document-page.ts';
import { RunPanel } from './pages/run-panel.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { ApiClient } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';

const PERSONAL = 'Personlige kompetencer';

/** The facilitator's API client, to change the phase while a member's page is open. */
async function facilitatorApi(server: TestServer): Promise<ApiClient> {
	const { email, password } = server.logins.facilitator[0];
	const api = new ApiClient(server.url);
	await api.login(email, password);
	return api;
}

async function movePhase(server: TestServer, phase: string): Promise<void> {
	const { workshopId } = demoDocuments(server);
	const api = await facilitatorApi(server);
	const answer = await api.request('POST', `/api/v1/workshops/${workshopId}/phase`, { phase });
	expect(answer.status).toBe(200);
}

/** Publishes the demo workshop's current content (or finds it already published). */
async function publishDemo(server: TestServer): Promise<void> {
	const { workshopId } = demoDocuments(server);
	const api = await facilitatorApi(server);
	const answer = await api.request('POST', `/api/v1/workshops/${workshopId}/publications`, {
		note: 'Til Dag 3'
	});
	expect([201, 409]).toContain(answer.status);
}

/** Errors thrown in the page (uncaught), collected from now on. */
function pageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
	return errors;
}

/** The one notice every document page uses to say what the person may do, and why. */
function documentNotice(page: Page, text: string) {
	return page.getByRole('status').filter({ hasText: text });
}

test.afterEach(async ({ server }) => {
	// Other tests on this worker's server expect the demo workshop in Dag 1.
	await movePhase(server, 'format');
});

test('a staff member reads the template and the drejebog with no editing affordance', async ({
	browser,
	server
}) => {
	const page = await newLoggedInPage(browser, server, 'medarbejder');
	const template = new TemplatePage(page);
	await template.open(server);
	await expect(template.saveState).toHaveText('Skrivebeskyttet');
	await expect(documentNotice(page, 'Du kan læse skabelonen, men ikke ændre den.')).toBeVisible();
	await expect(template.area(PERSONAL)).toBeVisible();

	// No problems panel, no "Rediger", nothing to add, move, delete, undo or drag.
	await expect(template.problems).toHaveCount(0);
	await expect(page.getByRole('link', { name: /Skabelonen er klar|ting mangler/ })).toHaveCount(0);
	await expect(page.getByRole('radio', { name: 'Rediger' })).toHaveCount(0);
	await expect(page.getByRole('radio', { name: 'Skabelonen' })).toBeChecked();
	for (const name of [/^Rediger/, /^Slet/, /^Flyt/, /^Tilføj/, /^Fortryd/, /^Vis deltagerne/]) {
		await expect(page.getByRole('button', { name })).toHaveCount(0);
	}
	await expect(page.getByRole('textbox', { name: /^Nyt? / })).toHaveCount(0);
	await expect(page.getByRole('group', { name: 'Fortryd og gentag' })).toHaveCount(0);
	await expect(page.locator('[draggable="true"], .handle')).toHaveCount(0);
	// The run panel shows the day, but no controls and no forms.
	const panel = new RunPanel(page);
	await expect(panel.currentItem).toBeVisible();
	await expect(panel.root.getByRole('button', { name: /^(Start|Pause|Næste punkt)$/ })).toHaveCount(
		0
	);
	await expect(panel.root.getByText('Ny afstemning')).toHaveCount(0);
	await expect(panel.root.getByRole('textbox')).toHaveCount(0);
	await expectAccessible(page);

	const drejebog = new DocumentPage(page);
	await drejebog.open(server, 'drejebog');
	await expect(drejebog.saveState).toHaveText('Skrivebeskyttet');
	await expect(documentNotice(page, 'Du kan læse drejebogen, men ikke ændre den.')).toBeVisible();
	await expect(drejebog.toolbar).toHaveCount(0);
	await expect(drejebog.editor).toHaveAttribute('aria-readonly', 'true');
	await expectAccessible(page);
	await page.context().close();
});

test('a phase change under a member typing in the drejebog explains itself and throws nothing', async ({
	secondUser: page,
	server
}) => {
	const errors = pageErrors(page);
	const drejebog = new DocumentPage(page);
	await drejebog.open(server, 'drejebog');
	await drejebog.typeAtEnd('Vi starter med ');

	// Dag 2: the drejebog stays open for the group, and the page says the day moved on.
	await movePhase(server, 'drejebog');
	await page.keyboard.type('en runde ');
	await expect(
		documentNotice(page, 'Facilitatoren har flyttet forløbet til Dag 2 Drejebog.')
	).toContainText('Du kan stadig skrive i drejebogen.');
	await expect(drejebog.toolbar).toBeVisible();
	await drejebog.expectSaved();

	// Dag 3 while the member types: read-only now, and the notice says why the toolbar went.
	// Dag 3 needs a published version; a later run on this server may find one already.
	await publishDemo(server);
	const typing = page.keyboard.type('og så videre', { delay: 30 });
	await movePhase(server, 'rollout');
	await typing;
	const notice = documentNotice(
		page,
		'Facilitatoren har flyttet forløbet til Dag 3 Idriftsættelse.'
	);
	await expect(notice).toContainText('Drejebogen er låst for arbejdsgruppen i denne fase.');
	await expect(drejebog.saveState).toHaveText('Skrivebeskyttet');
	await expect(drejebog.toolbar).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Drejebog');
	await expectAccessible(page);
	expect(errors).toEqual([]);
});

test('Dag 2 under a member editing a rich-text field of the template: the same notice, no error', async ({
	secondUser: page,
	server
}) => {
	const errors = pageErrors(page);
	const template = new TemplatePage(page);
	await template.open(server);
	// A statement's description: a rich-text editor that disappears when the template locks.
	const area = template.area(PERSONAL);
	await area.getByText('CV-sætning, beskrivelse og egen skala').first().click();
	await area
		.getByRole('button', { name: /^Rediger Beskrivelse/ })
		.first()
		.click();
	const field = area.getByRole('textbox', { name: /^Beskrivelse/ }).first();
	await expect(field).toBeFocused();
	await page.keyboard.type('Fx ved ');

	await movePhase(server, 'drejebog');
	await expect(
		documentNotice(page, 'Facilitatoren har flyttet forløbet til Dag 2 Drejebog.')
	).toContainText('Dag 1 er afsluttet, så skabelonen er låst for arbejdsgruppen.');
	await expect(template.saveState).toHaveText('Skrivebeskyttet');
	await expect(area.getByRole('button', { name: /^Rediger/ })).toHaveCount(0);
	await expect(template.problems).toHaveCount(0);
	expect(errors).toEqual([]);
});
