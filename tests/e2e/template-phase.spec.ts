/**
 * Closing Dag 1 from the workshop page: refused with the template's problems (each a link to the
 * field that fixes it), accepted once they are fixed; then the template is read-only for the work
 * group (open pages switch at once, new pages open read-only) while the facilitator edits on.
 * (That the server also drops a member's raw updates is in tests/integration/template-phase.test.ts.)
 */
import { test, expect, newLoggedInPage } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';
import { WorkshopPage } from './pages/workshop-page.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { ApiClient } from '../support/http.ts';

const EXTRA = 'Arbejdsmiljø';

test.afterEach(async ({ server }) => {
	// Other tests on this worker's server expect the demo workshop in Dag 1.
	const { email, password } = server.logins.facilitator[0];
	const api = new ApiClient(server.url);
	await api.login(email, password);
	const { workshopId } = demoDocuments(server);
	await api.request('POST', `/api/v1/workshops/${workshopId}/phase`, { phase: 'format' });
});

test('Dag 2 is refused with the problems until they are fixed, then the group can only read', async ({
	loggedInPage,
	secondUser,
	browser,
	server
}) => {
	// Three browsers on the full template (a third joins for the read-only check): about 40 s
	// alone on two cores, and up to a minute beside the other worker, as for follow.spec.ts.
	test.slow();
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	// The toolbar's count comes with the problem check, just after the first frame.
	const toolbarCount = (name: string) => loggedInPage.getByRole('link', { name, exact: true });
	await expect(toolbarCount('Skabelonen er klar')).toBeVisible();

	// An area without statements makes the template unusable.
	const newArea = loggedInPage.getByRole('textbox', { name: 'Nyt kompetenceområde' });
	await newArea.fill(EXTRA);
	await newArea.press('Enter');
	const problem = `Kompetenceområdet "${EXTRA}" har ingen kompetenceudsagn. Tilføj mindst ét.`;
	await expect(frida.problems.getByRole('link', { name: problem })).toBeVisible();
	await expect(toolbarCount('1 ting mangler')).toBeVisible();
	await frida.expectSaved();

	const { workshopId } = demoDocuments(server);
	await loggedInPage.goto(`${server.url}/workshops/${workshopId}`);
	const workshop = new WorkshopPage(loggedInPage, server.url);
	await loggedInPage.getByRole('button', { name: 'Gå videre til Dag 2 Drejebog' }).click();
	const refusal = loggedInPage.getByRole('alert');
	await expect(refusal).toContainText(
		'Skabelonen er ikke klar til Dag 2. Ret disse ting i skabelonen først:'
	);
	await expect(workshop.currentPhase()).toContainText('Dag 1 Format');

	// The problem links to the very field that fixes it.
	await refusal.getByRole('link', { name: problem }).click();
	const addStatement = frida.area(EXTRA).getByRole('textbox', { name: 'Nyt kompetenceudsagn' });
	await expect(addStatement).toBeFocused();
	await loggedInPage.keyboard.type('Kan bruge sikkerhedssko og handsker');
	await loggedInPage.keyboard.press('Enter');
	await expect(frida.problems).toContainText('Skabelonen er klar.');
	await expect(toolbarCount('Skabelonen er klar')).toBeVisible();
	await frida.expectSaved();

	await loggedInPage.goto(`${server.url}/workshops/${workshopId}`);
	await loggedInPage.getByRole('button', { name: 'Gå videre til Dag 2 Drejebog' }).click();
	await expect(loggedInPage.getByRole('status')).toContainText(
		'Forløbet er nu i fasen Dag 2 Drejebog.'
	);
	await expect(workshop.currentPhase()).toContainText('Dag 2 Drejebog');

	// Jonas had the template open: it turns read-only at once.
	await expect(jonas.saveState).toHaveText('Skrivebeskyttet');
	await expect(secondUser.getByText(/Dag 1 er afsluttet, så skabelonen er låst/)).toBeVisible();
	await expect(secondUser.getByRole('textbox', { name: 'Nyt kompetenceudsagn' })).toHaveCount(0);
	await expect(secondUser.getByRole('button', { name: /^Slet / })).toHaveCount(0);
	await expect(secondUser.getByRole('button', { name: /^Flere handlinger/ })).toHaveCount(0);
	await expect(jonas.historyButton('Fortryd')).toHaveCount(0);
	const field = jonas.statementFields(EXTRA).first();
	await expect(field).toHaveAttribute('readonly', '');
	await field.click();
	await secondUser.keyboard.type(' ændret');
	await expect(field).toHaveValue('Kan bruge sikkerhedssko og handsker');

	// Sara opens it afresh: read-only as well.
	const saraPage = await newLoggedInPage(browser, server, 'arbejdsgruppe', 1);
	const sara = new TemplatePage(saraPage);
	await sara.open(server);
	await expect(sara.saveState).toHaveText('Skrivebeskyttet');
	await expect(saraPage.getByRole('textbox', { name: 'Nyt kompetenceområde' })).toHaveCount(0);

	// The facilitator still edits, and the group sees it live.
	await frida.open(server);
	await frida.addStatement(EXTRA, 'Kan løfte rigtigt');
	for (const reader of [jonas, sara]) {
		await expect.poll(() => reader.statements(EXTRA)).toContain('Kan løfte rigtigt');
	}
	await loggedInPage
		.getByRole('button', { name: `Slet ${EXTRA}`, exact: true })
		.first()
		.click();
	await expect(sara.area(EXTRA)).toHaveCount(0);
	await saraPage.context().close();
});
