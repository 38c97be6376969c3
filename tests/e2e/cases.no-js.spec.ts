/**
 * Drift without JavaScript (issue 13): every case form is a plain form action, so a consultant
 * starts a case (a refused field is shown at the field, the rest kept) and makes a link, and the
 * young person rates through it on a phone, all with JavaScript off.
 */
import { expect, test } from './fixtures.ts';
import { driftMunicipality } from '../support/cases-ui.ts';
import {
	answer,
	FAGLIG,
	fillStartForm,
	statePurpose,
	logIn,
	makeLink,
	PHONE,
	SOCIAL
} from './pages/case-pages.ts';

test('a case starts and a link is rated with JavaScript off', async ({ browser, server }) => {
	const drift = await driftMunicipality(server, 'Udenjskommune');
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await logIn(page, server, drift.consultant);
	await page.goto(`${server.url}/cases/new`);

	// The end date before the start is refused at the end date.
	await page.getByLabel('Slutdato').fill('2020-01-01');
	await page.getByLabel('Fornavn').fill('Signe');
	await page.getByLabel('Efternavn').fill('Sørensen');
	await page.getByLabel('Virksomhed', { exact: true }).fill('Brugsen i Thisted');
	await page.getByLabel('Startdato').fill('2026-01-05');
	await page.getByRole('button', { name: 'Start forløbet' }).click();
	await expect(page.getByLabel('Slutdato')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Efternavn')).toHaveValue('Sørensen');

	await fillStartForm(page, 'Sørensen');
	await statePurpose(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Signe Sørensen' })).toBeVisible();
	const caseUrl = page.url();
	const url = await makeLink(page, 'Den unge');

	const phoneContext = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
	const phone = await phoneContext.newPage();
	await phone.goto(url);
	await answer(phone, { [FAGLIG]: 'Kan selv', [SOCIAL]: 'Ikke vurderet' });
	await expect(phone.getByRole('heading', { name: 'Tak for dit svar' })).toBeVisible();
	await phoneContext.close();

	await page.goto(caseUrl);
	await expect(page.getByText('Link lavet').first()).toContainText('brugt');
	await context.close();
});
