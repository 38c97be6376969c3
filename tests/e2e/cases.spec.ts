/**
 * Drift in the browser (issue 13): a jobkonsulent starts a case from the version in operation,
 * rates in the app with the keyboard only, and sends links; the young person and the company
 * mentor rate through their links on a phone (390 × 844) without an account; the consultant sees
 * the disagreement and records the agreed level, ends the case, signs, closes it, and downloads
 * both PDFs. A used link explains itself. Axe runs on every view. The case lives in a
 * municipality of its own, so the demo workshop other specs share is untouched.
 */
import type { Browser } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';
import { driftMunicipality } from '../support/cases-ui.ts';
import {
	answer,
	FAGLIG,
	fillStartForm,
	statePurpose,
	logIn,
	makeLink,
	pdfText,
	PHONE,
	SOCIAL
} from './pages/case-pages.ts';

/** Opens `url` on a phone without an account and rates each statement with `levels`. */
async function rateOnPhone(browser: Browser, url: string, levels: Record<string, string>) {
	const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
	const phone = await context.newPage();
	await phone.goto(url);
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Vurdering af Signes praktik');
	await expectAccessible(phone);
	// Sending without answering everything is refused at the statements, nothing is stored.
	await phone.getByRole('button', { name: 'Send vurderingen' }).click();
	await expect(phone.getByText('Vælg et niveau eller »Ikke vurderet«.').first()).toBeVisible();
	await expectAccessible(phone);
	await answer(phone, levels);
	await expect(phone.getByRole('heading', { name: 'Tak for dit svar' })).toBeVisible();
	await expectAccessible(phone);
	// The link is used: it says so, with 409.
	const again = await phone.goto(url);
	expect(again?.status()).toBe(409);
	await expect(phone.getByRole('heading', { name: 'Linket er allerede brugt' })).toBeVisible();
	await expectAccessible(phone);
	await context.close();
}

/** Opens a signing link on a phone without an account and signs as `name`. */
async function signOnPhone(browser: Browser, url: string, name: string) {
	const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
	const phone = await context.newPage();
	await phone.goto(url);
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText(
		'Underskrift på Signes læringsbevis'
	);
	await expectAccessible(phone);
	await phone.getByLabel('Dit fulde navn').fill(name);
	await phone.getByRole('button', { name: 'Skriv under' }).click();
	await expect(phone.getByRole('heading', { name: 'Tak for dit svar' })).toBeVisible();
	await context.close();
}

test('a jobkonsulent runs a case from start to læringsbevis with links for the young person and the mentor', async ({
	browser,
	server
}) => {
	test.setTimeout(180_000);
	const drift = await driftMunicipality(server, 'Driftkommune');
	const context = await browser.newContext();
	const page = await context.newPage();
	await logIn(page, server, drift.consultant);

	// "Mine forløb" is in the menu, empty at first.
	await page.getByRole('link', { name: 'Mine forløb' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mine forløb' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Start et nyt forløb' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Start et forløb' })).toBeVisible();
	await expectAccessible(page);

	// A CPR number is refused at its field, and what was typed stays.
	await page
		.getByLabel('Målet med den unges egne ord (valgfri)')
		.fill('Jeg vil have et job i en butik');
	await fillStartForm(page, '010203-1234');
	const lastName = page.getByLabel('Efternavn');
	await expect(lastName).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText(/CPR-nummer/).first()).toBeVisible();
	await expect(page.getByLabel('Fornavn')).toHaveValue('Signe');
	await expectAccessible(page);
	await lastName.fill('Sørensen');
	await page.getByRole('checkbox', { name: FAGLIG }).check();
	await page.getByRole('checkbox', { name: SOCIAL }).check();
	await page.getByRole('button', { name: 'Start forløbet' }).click();
	// Opening the case asks for the purpose once in this session (the audit log records it).
	await statePurpose(page);
	await expectAccessible(page);

	// The case view says which version it uses.
	await expect(page.getByRole('heading', { level: 1, name: 'Signe Sørensen' })).toBeVisible();
	await expect(page.getByText('Forløbet bruger version 1')).toBeVisible();
	const caseUrl = page.url();
	await expectAccessible(page);

	// The consultant rates in the app, with the keyboard only.
	await page.getByRole('link', { name: 'Vurder som Jobkonsulenten ved Slut' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Jobkonsulenten vurderer ved Slut'
	);
	await expectAccessible(page);
	const firstLevel = page.getByRole('radio', { name: 'Kan med hjælp', exact: true });
	for (
		let i = 0;
		i < 30 && !(await firstLevel.evaluate((el) => el === document.activeElement));
		i++
	) {
		await page.keyboard.press('Tab');
	}
	await expect(firstLevel).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'Kan selv', exact: true })).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Kommentar eller eksempel (valgfri)')).toBeFocused();
	await page.keyboard.type('Spørger altid, før hun går i gang');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Gem vurderingen' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Signe Sørensen' })).toBeVisible();

	// Links for the young person and the mentor, rated on their phones.
	const youngUrl = await makeLink(page, 'Den unge');
	await expect(page.getByRole('textbox', { name: /^Link til Den unge ved Slut/ })).toBeFocused();
	await expectAccessible(page);
	const mentorUrl = await makeLink(page, 'Virksomheden');
	await rateOnPhone(browser, youngUrl, { [FAGLIG]: 'Kan lære andre', [SOCIAL]: 'Kan selv' });
	await rateOnPhone(browser, mentorUrl, { [FAGLIG]: 'Kan med hjælp' });

	// The disagreement shows, and the agreed level is recorded.
	await page.goto(caseUrl);
	const disagreements = page.getByRole('region', { name: 'Uenighed mellem vurderingerne' });
	await expect(disagreements.getByText('Den unge: Kan lære andre')).toBeVisible();
	await expect(disagreements.getByText('Virksomheden: Kan med hjælp')).toBeVisible();
	await disagreements.getByLabel('Det niveau, I er enige om').selectOption({ label: 'Kan selv' });
	await disagreements.getByRole('button', { name: 'Gem aftalt niveau' }).click();
	await expect(page.getByText('Aftalt niveau: Kan selv')).toBeVisible();
	await expectAccessible(page);

	// Hours and tasks at the last point.
	const atEnd = page
		.getByRole('region', { name: 'Timer, opgaver og delmål' })
		.getByRole('region', { name: 'Slut' });
	await atEnd.getByLabel('Timer pr. uge').fill('25');
	await atEnd.getByLabel('Opgaver').fill('Varemodtagelse og kasse');
	await atEnd.getByRole('button', { name: 'Gem timer og opgaver' }).click();
	await expect(
		page
			.getByRole('region', { name: 'Timer, opgaver og delmål' })
			.getByRole('region', { name: 'Slut' })
			.getByLabel('Opgaver')
	).toHaveValue('Varemodtagelse og kasse');

	// The end: own words, next step, signatures in the app and through a link, closing.
	await page
		.getByLabel('Det har jeg lært')
		.fill('At tage imod varer og spørge, når jeg er i tvivl');
	await page.getByLabel('Næste skridt', { exact: true }).selectOption({ label: 'Ordinært job' });
	await page.getByLabel('Næste skridt med dine egne ord').fill('Søge job i Brugsen');
	await page.getByRole('button', { name: 'Gem afslutningen' }).click();
	await expect(page.getByText('Afslutningen er gemt.')).toBeVisible();
	await page.getByLabel('Navn på Jobkonsulent').fill(drift.consultant.name);
	await page.getByRole('button', { name: 'Skriv under som Jobkonsulent' }).click();
	await expect(page.getByText(`Underskrevet af ${drift.consultant.name}`)).toBeVisible();
	await page.getByRole('button', { name: 'Lav et underskriftslink til Den unge' }).click();
	const signUrl = await page
		.getByRole('textbox', { name: /^Underskriftslink til Den unge/ })
		.inputValue();
	await signOnPhone(browser, signUrl, 'Signe Sørensen');
	await page.goto(caseUrl);
	await expect(page.getByText('Underskrevet af Signe Sørensen')).toBeVisible();
	await page.getByRole('button', { name: 'Afslut forløbet' }).click();
	await expect(page.getByText('Afsluttet', { exact: true }).first()).toBeVisible();
	await expect(page.getByRole('button', { name: /Lav et link/ })).toHaveCount(0);
	await expectAccessible(page);

	// Both PDFs download, with the young person's results in them.
	const lb = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Hent læringsbeviset (PDF)' }).click();
	const lbText = await pdfText(await lb);
	expect(lbText).toContain('Signe Sørensen');
	expect(lbText).toContain('Søge job i Brugsen');
	const ps = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Hent progressionsskemaet (PDF)' }).click();
	const psText = await pdfText(await ps);
	expect(psText).toContain(FAGLIG);
	expect(psText).toContain('Spørger altid, før hun går i gang');

	// "Mine forløb" lists it as closed.
	await page
		.getByRole('navigation', { name: 'Hovedmenu' })
		.getByRole('link', { name: 'Mine forløb' })
		.click();
	const closed = page.getByRole('region', { name: /Afsluttet/ });
	await expect(closed.getByRole('link', { name: 'Signe Sørensen' })).toBeVisible();
	await expectAccessible(page);
	await context.close();
});

test('an unknown link explains itself with 404, without a session', async ({ browser, server }) => {
	const context = await browser.newContext({ viewport: PHONE, isMobile: true });
	const phone = await context.newPage();
	const response = await phone.goto(`${server.url}/r/${'x'.repeat(43)}`);
	expect(response?.status()).toBe(404);
	await expect(phone.getByRole('heading', { name: 'Vi kender ikke det link' })).toBeVisible();
	await expectAccessible(phone);
	await context.close();
});
