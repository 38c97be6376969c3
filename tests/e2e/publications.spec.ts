/**
 * Publishing in the browser: the facilitator publishes version 1 with a note, a staff member finds
 * and reads it in the library (the template and the drejebog stage by stage), the facilitator
 * opens a new draft, changes the template and a drejebog step and publishes version 2, and the
 * diff reads like a change list. Refusals (problems of both documents with links, "ingen
 * ændringer") and the Dag 3 rule show next to their forms. Each workshop here is its own, so the
 * demo workshop's documents stay as other tests expect them.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { WorkshopsPage } from './pages/workshops-page.ts';
import { TemplatePage } from './pages/template-page.ts';
import { DrejebogPage } from './pages/drejebog-page.ts';
import type { WorkshopPage } from './pages/workshop-page.ts';

const AREA = 'Faglige kompetencer';
const FIRST = 'Kan modtage varer og kontrollere dem mod følgesedlen';
const CHANGED = 'Kan modtage varer og kontrollere dem grundigt mod følgesedlen';
/** A step of STAR's starter drejebog, and its new title in version 2. */
const STEP = 'Overvej jobklub';
const STEP_CHANGED = 'Overvej jobklub eller mentor';

/**
 * A new workshop whose template is started from the retail starter and whose drejebog is started
 * from STAR's steps made for it.
 */
async function startedWorkshop(page: Page, baseUrl: string, title: string): Promise<WorkshopPage> {
	const workshop = await new WorkshopsPage(page, baseUrl).create(title);
	await workshop.documentLink('Læringsbevis (skabelon)').click();
	await page.getByRole('button', { name: 'Start skabelonen' }).click();
	const editor = new TemplatePage(page);
	await editor.waitForEditor();
	await editor.expectSaved();
	await page.goto(workshop.url);
	await workshop.documentLink('Drejebog').click();
	await page.getByRole('button', { name: 'Start drejebogen' }).click();
	await new DrejebogPage(page).waitForEditor();
	await page.goto(workshop.url);
	return workshop;
}

async function publish(page: Page, number: number, note: string): Promise<void> {
	const versions = page.getByRole('region', { name: 'Udgivne versioner' });
	await versions.getByRole('textbox', { name: 'Ændringsnote' }).fill(note);
	await versions.getByRole('button', { name: `Udgiv version ${number}` }).click();
	await expect(versions.getByRole('status')).toContainText(`Version ${number} er udgivet.`);
}

test('publish version 1, read it as staff, open a new draft, publish version 2 and read the diff', async ({
	loggedInPage: page,
	browser,
	server
}) => {
	test.slow();
	const title = 'Butik – udgivelser';
	const workshop = await startedWorkshop(page, server.url, title);
	await expectAccessible(page);
	await publish(page, 1, 'Første version til hele jobcentret.');
	const versions = page.getByRole('region', { name: 'Udgivne versioner' });
	await expect(versions.getByRole('row', { name: /Version 1/ })).toContainText(
		'Første version til hele jobcentret.'
	);
	await expect(versions.getByRole('row', { name: /Version 1/ })).toContainText('Nyeste');
	await expectAccessible(page);

	// A staff member of the municipality finds it in the library through the main navigation.
	const staff = await newLoggedInPage(browser, server, 'medarbejder');
	await staff
		.getByRole('navigation', { name: 'Hovedmenu' })
		.getByRole('link', { name: 'Udgivne versioner' })
		.click();
	await expect(staff.getByRole('heading', { level: 1, name: 'Udgivne versioner' })).toBeVisible();
	const row = staff.getByRole('row', { name: new RegExp(`Version 1 – ${title}`) });
	await expect(row).toContainText('Første version til hele jobcentret.');
	await expectAccessible(staff);
	await row.getByRole('link', { name: `Version 1 – ${title}` }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toContainText('Version 1');
	await expect(staff.getByRole('heading', { level: 2, name: /^Læringsbevis:/ })).toBeVisible();
	await expect(staff.getByText(FIRST, { exact: true }).first()).toBeVisible();
	await expect(staff.getByText('Første version til hele jobcentret.')).toBeVisible();
	// The drejebog, stage by stage, with its rules.
	await expect(staff.getByRole('heading', { level: 2, name: /^Drejebog:/ })).toBeVisible();
	const before = staff.getByRole('region', { name: 'Før praktik', exact: true });
	await expect(before.getByRole('heading', { level: 3, name: 'Før praktik' })).toBeVisible();
	await expect(staff.getByRole('heading', { level: 4, name: STEP, exact: true })).toBeVisible();
	await expect(staff.getByRole('region', { name: 'CV og Min Plan' })).toBeVisible();
	await expect(staff.getByRole('region', { name: 'Hurtig reaktion' })).toBeVisible();
	await expectAccessible(staff);
	await staff.getByText('Se læringsbeviset udfyldt med et eksempel').click();
	await expect(staff.getByRole('heading', { name: 'Progressionsskema' })).toBeVisible();
	await expectAccessible(staff);

	// The version's files and its print view, offered on the version page.
	const files = staff.getByRole('list', { name: 'Udskriv eller hent versionen' });
	await expect(files.getByRole('link', { name: 'Hent som PDF' })).toHaveAttribute(
		'href',
		/\/api\/v1\/publications\/[^/]+\.pdf$/
	);
	await expect(files.getByRole('link', { name: 'Hent som Word-fil' })).toHaveAttribute(
		'href',
		/\.docx$/
	);
	const download = staff.waitForEvent('download');
	await files.getByRole('link', { name: 'Hent som PDF' }).click();
	expect((await download).suggestedFilename()).toMatch(/version-1\.pdf$/);
	await files.getByRole('link', { name: 'Udskriftsvenlig visning' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(staff.getByRole('heading', { name: STEP, exact: true })).toBeVisible();
	// Exact: the outputs below bring "Udskriv læringsbeviset" and "Udskriv progressionsskemaet".
	await expect(staff.getByRole('button', { name: 'Udskriv', exact: true })).toBeVisible();
	await expectAccessible(staff);
	await staff.getByRole('link', { name: 'Tilbage til versionen' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toContainText('Version 1');

	// The facilitator opens a new draft from version 1: back on Dag 2, new documents.
	await page.goto(workshop.url);
	await versions.getByText('Åbn ny kladde', { exact: true }).click();
	await versions.getByRole('button', { name: 'Ja, åbn ny kladde fra version 1' }).click();
	await expect(versions.getByRole('status')).toContainText(
		'Der er åbnet en ny kladde fra version 1. Forløbet er tilbage på Dag 2.'
	);
	await expect(workshop.currentPhase()).toContainText('Dag 2 Drejebog');
	await expect(versions).toContainText('Kladden er åbnet fra version 1.');

	// Changing the new draft and publishing it as version 2.
	await workshop.documentLink('Læringsbevis (skabelon)').click();
	const editor = new TemplatePage(page);
	await editor.waitForEditor();
	await editor.statementFields(AREA).first().fill(CHANGED);
	await editor.addStatement(AREA, 'Kan tjekke datoer på kølevarer');
	await editor.expectSaved();
	await page.goto(workshop.url);
	await workshop.documentLink('Drejebog').click();
	const drejebog = new DrejebogPage(page);
	await drejebog.waitForEditor();
	await drejebog.stepTitle(STEP).fill(STEP_CHANGED);
	await drejebog.expectSaved();
	await page.goto(workshop.url);
	await publish(page, 2, 'Præciseret modtagelse af varer og tilføjet kølevarer.');

	// Version 2 in the library; its diff from version 1 reads like a change list.
	await staff.goto(`${server.url}/publications`);
	await staff.getByRole('link', { name: `Version 2 – ${title}` }).click();
	await staff.getByRole('link', { name: 'Ændringer siden version 1' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText(
		'Ændringer fra version 1 til version 2'
	);
	const changes = staff.getByRole('list', { name: 'Ændringer fra version 1 til version 2' });
	await expect(changes.getByRole('listitem').filter({ hasText: 'Udsagn tilføjet' })).toContainText(
		`Udsagn tilføjet i ${AREA}: Kan tjekke datoer på kølevarer`
	);
	const changed = changes.getByRole('listitem').filter({ hasText: `Udsagn ændret i ${AREA}` });
	await expect(changed.locator('ins')).toContainText('grundigt');
	const step = changes.getByRole('listitem').filter({ hasText: `»${STEP_CHANGED}«` });
	await expect(step).toContainText(/Trin ændret i .+: »Overvej jobklub eller mentor«/);
	await expect(step.locator('ins')).toContainText('eller mentor');
	await expectAccessible(staff);
	await staff.context().close();
});

test('refusals: the problems with links, "ingen ændringer", and Dag 3 before a version', async ({
	loggedInPage: page,
	server
}) => {
	const empty = await new WorkshopsPage(page, server.url).create('Tomt forløb');
	const versions = page.getByRole('region', { name: 'Udgivne versioner' });
	await versions.getByRole('textbox', { name: 'Ændringsnote' }).fill('For tidligt');
	await versions.getByRole('button', { name: 'Udgiv version 1' }).click();
	const refusal = versions.getByRole('alert');
	await expect(refusal).toContainText('Versionen kan ikke udgives endnu. Ret disse ting først:');
	const problem = refusal.getByRole('listitem').filter({ hasText: 'Skabelonen mangler en titel.' });
	await expect(problem).toContainText('Læringsbevis:');
	await expect(problem.getByRole('link')).toHaveAttribute(
		'href',
		new RegExp(`/workshops/${empty.id}/documents/`)
	);
	// The drejebog's problems too, in Danish, each leading into the drejebog editor.
	const stages = refusal
		.getByRole('listitem')
		.filter({ hasText: 'Drejebogen har ingen faser. Tilføj mindst én.' });
	await expect(stages).toContainText('Drejebog:');
	await expect(stages.getByRole('link')).toHaveAttribute('href', /#djb-stages-new$/);
	await expect(versions.getByRole('textbox', { name: 'Ændringsnote' })).toHaveValue('For tidligt');
	await expectAccessible(page);

	// A note is required.
	await versions.getByRole('textbox', { name: 'Ændringsnote' }).fill('');
	await versions.getByRole('button', { name: 'Udgiv version 1' }).click();
	await expect(versions.getByRole('textbox', { name: 'Ændringsnote' })).toBeFocused();
	await expect(versions.getByRole('textbox', { name: 'Ændringsnote' })).toHaveAttribute(
		'aria-invalid',
		'true'
	);

	// Dag 3 needs a version: the phase control says so, and the server refuses.
	const workshop = await startedWorkshop(page, server.url, 'Forløb uden version');
	await page.getByRole('button', { name: 'Gå videre til Dag 2 Drejebog' }).click();
	await expect(workshop.currentPhase()).toContainText('Dag 2 Drejebog');
	const control = page.getByRole('region', { name: 'Skift fase' });
	await expect(control).toContainText(
		'Før I går videre til Dag 3, skal der være udgivet en version.'
	);
	await control.getByRole('button', { name: 'Gå videre til Dag 3 Idriftsættelse' }).click();
	await expect(control.getByRole('alert')).toHaveText(
		'Udgiv en version af læringsbeviset og drejebogen, før I går videre til Dag 3.'
	);
	await expect(workshop.currentPhase()).toContainText('Dag 2 Drejebog');
	await expectAccessible(page);

	// Published once, the same content again is "ingen ændringer"; Dag 3 is now open.
	await publish(page, 1, 'Klar til Dag 3');
	await versions.getByRole('textbox', { name: 'Ændringsnote' }).fill('Igen');
	await versions.getByRole('button', { name: 'Udgiv version 2' }).click();
	await expect(versions.getByRole('alert')).toHaveText(
		'Ingen ændringer: indholdet er det samme som i den nyeste version.'
	);
	await control.getByRole('button', { name: 'Gå videre til Dag 3 Idriftsættelse' }).click();
	await expect(workshop.currentPhase()).toContainText('Dag 3 Idriftsættelse');
});
