/**
 * Drift in the browser, the paths the start-to-end test does not walk (issue 13): a second
 * internship that starts from the previous one's end ratings, sub-goal statuses through to the
 * læringsbevis, revoking a rating link, the copy boxes, and rating at one point by keyboard only.
 * Each test sets up what comes before its subject through the API (`apiCase`), in a municipality
 * of its own; axe runs on every view.
 */
import { expect, expectAccessible, test } from './fixtures.ts';
import { expectVisibleFocus, tabTo } from './pages/keyboard.ts';
import { apiCase, driftMunicipality } from '../support/cases-ui.ts';
import {
	FAGLIG,
	isoDay,
	logIn,
	makeLink,
	openSignesCase,
	raterCard,
	pdfText,
	PHONE,
	SOCIAL,
	statePurpose
} from './pages/case-pages.ts';

/** A personal statement of the detail starter, which the jobkonsulent rates at Midtvejs. */
const PERSONAL = 'Møder til tiden og giver besked i god tid ved sygdom eller forsinkelse';

test('a second internship starts from the end ratings of the previous one', async ({
	page,
	server
}) => {
	const drift = await driftMunicipality(server, 'Forrigekommune');
	const previousId = await apiCase(server, drift, {
		firstName: 'Signe',
		lastName: 'Sørensen',
		statements: [FAGLIG, SOCIAL],
		ratings: [
			{
				rater: 'Den unge',
				point: 'Slut',
				levels: { [FAGLIG]: 'Kan lære andre', [SOCIAL]: 'Kan selv' }
			}
		],
		isClosed: true
	});
	await logIn(page, server, drift.consultant);

	// The consultant finds the closed case in "Mine forløb" and starts the next one from it.
	await page.goto(`${server.url}/cases`);
	await page
		.getByRole('region', { name: /Afsluttet/ })
		.getByRole('link', { name: 'Signe Sørensen' })
		.click();
	await statePurpose(page);
	await page.getByRole('link', { name: 'Start et nyt forløb for Signe ud fra dette' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Start et forløb' })).toBeVisible();
	const previous = page.getByLabel('Start fra et tidligere forløb med samme unge (valgfri)');
	await expect(previous).toHaveValue(previousId);
	await expect(page.getByLabel('Fornavn')).toHaveValue('Signe');
	await expect(page.getByLabel('Efternavn')).toHaveValue('Sørensen');
	await expectAccessible(page);

	await page.getByLabel('Virksomhed', { exact: true }).fill('Netto i Thisted');
	await page.getByLabel('Startdato').fill(isoDay(1));
	await page.getByLabel('Slutdato').fill(isoDay(60));
	for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
	await page.getByRole('checkbox', { name: FAGLIG }).check();
	await page.getByRole('checkbox', { name: SOCIAL }).check();
	// Another name beside the earlier case is refused at the name (the case keeps Signe's).
	await page.getByLabel('Efternavn').fill('Hansen');
	await page.getByRole('button', { name: 'Start forløbet' }).click();
	await expect(page.getByLabel('Efternavn')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Navnet passer ikke til det tidligere forløb')).toBeVisible();
	await expect(previous).toHaveValue(previousId);
	await expectAccessible(page);
	await page.getByLabel('Efternavn').fill('Sørensen');
	await page.getByRole('button', { name: 'Start forløbet' }).click();
	await statePurpose(page);

	// The new case says where it starts from, and the young person's end levels are its start.
	await expect(page.getByRole('heading', { level: 1, name: 'Signe Sørensen' })).toBeVisible();
	expect(page.url()).not.toContain(previousId);
	await expect(
		page.getByText('Forløbet starter fra vurderingerne ved slutningen af det forrige forløb.')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Se det forrige forløb' })).toHaveAttribute(
		'href',
		`/cases/${previousId}`
	);
	await expect(raterCard(page, 'Start', 'Den unge')).toContainText('2 af 2 udsagn vurderet');
	const progression = page.getByRole('region', { name: 'Progression', exact: true });
	await expect(progression.getByRole('row').filter({ hasText: FAGLIG })).toContainText(
		'Kan lære andre'
	);
	await expect(progression.getByRole('row').filter({ hasText: SOCIAL })).toContainText('Kan selv');
	await expectAccessible(page);
});

test('sub-goal statuses are kept per point, shown in the progression and reached ones in the læringsbevis', async ({
	page,
	server
}) => {
	await openSignesCase(page, server, 'Delmaalkommune');
	const VARER = 'Kunne modtage varer og fylde dem op uden hjælp';
	const KASSE = 'Kunne betjene kassen på en almindelig dag';
	const progress = () => page.getByRole('region', { name: 'Timer, opgaver og delmål' });

	for (const [point, statuses] of [
		['Midtvejs', { [VARER]: 'I gang', [KASSE]: 'I gang' }],
		['Slut', { [VARER]: 'Nået', [KASSE]: 'I gang' }]
	] as const) {
		const region = progress().getByRole('region', { name: point });
		for (const [subGoal, status] of Object.entries(statuses)) {
			await region.getByLabel(subGoal).selectOption({ label: status });
		}
		await region.getByRole('button', { name: 'Gem status for delmålene' }).click();
		await expect(
			progress().getByRole('region', { name: point }).getByLabel(VARER).locator('option:checked')
		).toHaveText(statuses[VARER]);
	}
	await expectAccessible(page);

	// The case view shows each sub-goal's status at each point.
	const table = page
		.getByRole('region', { name: 'Progression', exact: true })
		.getByRole('table', { name: 'Delmålenes status pr. målepunkt' });
	await expect(table.getByRole('row').filter({ hasText: VARER })).toContainText('I gang');
	await expect(table.getByRole('row').filter({ hasText: VARER })).toContainText('Nået');
	await expect(table.getByRole('row').filter({ hasText: KASSE })).not.toContainText('Nået');

	// The læringsbevis names the sub-goal reached at the last point, not the one still going.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Hent læringsbeviset (PDF)' }).click();
	const text = await pdfText(await download);
	expect(text).toContain(VARER);
	expect(text).not.toContain(KASSE);
});

test('a revoked rating link says so on the phone and in the case view', async ({
	page,
	browser,
	server
}) => {
	await openSignesCase(page, server, 'Tilbagekommune');
	const url = await makeLink(page, 'Den unge');
	const card = raterCard(page, 'Slut', 'Den unge');
	await expect(card.getByText(/virker til/)).toBeVisible();
	await card.getByRole('button', { name: 'Træk linket tilbage' }).click();

	await expect(card.getByText(/: trukket tilbage/)).toBeVisible();
	await expect(card.getByRole('button', { name: 'Træk linket tilbage' })).toHaveCount(0);
	await expectAccessible(page);

	const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
	const phone = await context.newPage();
	const response = await phone.goto(url);
	expect(response?.status()).toBe(410);
	await expect(
		phone.getByRole('heading', { level: 1, name: 'Linket er trukket tilbage' })
	).toBeVisible();
	await expect(phone.getByText('Jobkonsulenten har trukket linket tilbage.')).toBeVisible();
	await expect(phone.getByRole('button', { name: 'Send vurderingen' })).toHaveCount(0);
	await expectAccessible(phone);
	await context.close();
});

test('the copy buttons put the link, the CV phrases and the Min Plan text on the clipboard', async ({
	page,
	server
}) => {
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
		origin: server.url
	});
	await openSignesCase(page, server, 'Kopikommune');
	const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

	const url = await makeLink(page, 'Den unge');
	const link = page.getByRole('group', { name: /^Link til Den unge ved Slut/ });
	await link.getByRole('button', { name: 'Kopiér' }).click();
	await expect(link.getByRole('status')).toHaveText('Kopieret.');
	expect(await clipboard()).toBe(url);
	// Or by e-mail from the consultant's own mail program: the link and its expiry in the text.
	const mail = page.getByRole('link', { name: 'Send linket til Den unge som e-mail' });
	const href = new URL((await mail.getAttribute('href')) ?? '');
	expect(href.protocol).toBe('mailto:');
	expect(href.searchParams.get('subject')).toBe('Din vurdering af praktikken');
	expect(href.searchParams.get('body')).toContain(`\r\n${url}\r\n`);
	await expectAccessible(page);

	await page.getByLabel('Til mit CV').fill('Jeg kan tage imod varer og tjekke følgesedlen');
	await page.getByLabel('Næste skridt', { exact: true }).selectOption({ label: 'Ordinært job' });
	await page.getByLabel('Næste skridt med dine egne ord').fill('Søge job i Brugsen');
	await page.getByRole('button', { name: 'Gem afslutningen' }).click();
	await expect(page.getByText('Afslutningen er gemt.')).toBeVisible();

	const cv = page.getByRole('group', { name: "Sætninger til CV'et på Jobnet" });
	await cv.getByRole('button', { name: 'Kopiér' }).click();
	await expect(cv.getByRole('status')).toHaveText('Kopieret.');
	expect(await clipboard()).toBe(await cv.getByRole('textbox').inputValue());
	expect(await clipboard()).toContain('Jeg kan tage imod varer og tjekke følgesedlen');

	const minPlan = page.getByRole('group', { name: 'Tekst til Min Plan' });
	await minPlan.getByRole('button', { name: 'Kopiér' }).click();
	await expect(minPlan.getByRole('status')).toHaveText('Kopieret.');
	expect(await clipboard()).toContain('Næste skridt: Ordinært job: Søge job i Brugsen');
	await expectAccessible(page);
});

test('a jobkonsulent rates at one point with the keyboard only', async ({ page, server }) => {
	await openSignesCase(page, server, 'Tastaturkommune', [FAGLIG, SOCIAL, PERSONAL]);

	// From the case view to the rating page: Tab to the link, Enter.
	const rate = page.getByRole('link', { name: 'Vurder som Jobkonsulenten ved Midtvejs' });
	await tabTo(page, rate, 80);
	await expectVisibleFocus(rate);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Jobkonsulenten vurderer ved Midtvejs'
	);
	await expectAccessible(page);

	// The first statement: Tab into its radio group, Space picks the first level, arrows move on.
	const social = page.getByRole('group', { name: SOCIAL });
	const first = social.getByRole('radio', { name: 'Kan med hjælp', exact: true });
	await tabTo(page, first);
	await expectVisibleFocus(first);
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	await expect(
		social.getByRole('radio', { name: 'Kan med lidt hjælp', exact: true })
	).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(social.getByLabel('Kommentar eller eksempel (valgfri)')).toBeFocused();
	await page.keyboard.type('Spørger, når hun er i tvivl');

	// The next statement is the next Tab stop: "Ikke vurderet" is the last choice (ArrowUp wraps).
	const personal = page.getByRole('group', { name: PERSONAL });
	await page.keyboard.press('Tab');
	// This statement has a scale of its own.
	await expect(personal.getByRole('radio', { name: 'Sjældent' })).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowUp');
	await expect(personal.getByRole('radio', { name: 'Ikke vurderet' })).toBeChecked();

	const save = page.getByRole('button', { name: 'Gem vurderingen' });
	await tabTo(page, save);
	await expectVisibleFocus(save);
	await page.keyboard.press('Enter');

	// Back on the case: both statements are rated, with the level and the comment.
	await expect(page.getByRole('heading', { level: 1, name: 'Signe Sørensen' })).toBeVisible();
	await expect(raterCard(page, 'Midtvejs', 'Jobkonsulenten')).toContainText(
		'2 af 2 udsagn vurderet'
	);
	const progression = page.getByRole('region', { name: 'Progression', exact: true });
	await expect(progression.getByRole('row').filter({ hasText: SOCIAL })).toContainText(
		'Kan med lidt hjælp'
	);
	await expect(progression).toContainText('Spørger, når hun er i tvivl');
	await expectAccessible(page);
});
