/**
 * The team lead's statistics in the browser (issue 14): the demo's administrator opens
 * "Statistik" from the menu and sees the Drift workshop's two cases only as "< 5", explained; in
 * a municipality of the test's own, six closed cases and one open seeded through the cases module
 * show real figures, a target group of one shows the Danish notice, and the CSV link gives the same
 * figures. A jobkonsulent has no menu entry and is refused the page. Axe on every state.
 */
import { test, expect, expectAccessible, loginWithPassword, newLoggedInPage } from './fixtures.ts';
import { driftMunicipality, withDriftSeeder } from '../support/cases-ui.ts';
import { seedCase } from '#lib/server/platform/demo-cases.ts';
import { DEMO_CASES } from '#lib/server/platform/demo-cases-data.ts';
import { DEMO_DRIFT_WORKSHOP_TITLE } from '#lib/server/platform/demo-drift.ts';

function day(offset: number): string {
	return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

test("the demo's two cases show as « < 5 », with the explanation", async ({ browser, server }) => {
	const page = await newLoggedInPage(browser, server, 'administrator');
	await page.goto(`${server.url}/publications`);
	await page.getByRole('link', { name: 'Statistik', exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Statistik over progression' })
	).toBeVisible();
	await page
		.getByRole('combobox', { name: 'Version', exact: true })
		.selectOption({ label: `${DEMO_DRIFT_WORKSHOP_TITLE}, version 1` });
	await page.getByRole('button', { name: 'Vis statistik' }).click();
	await expect(page.getByText('Unge: < 5')).toBeVisible();
	await expect(page.getByText(/betyder, at tallet bygger på færre end 5 unge/)).toBeVisible();
	const stages = page.getByRole('table', { name: 'Forløb pr. fase' });
	await expect(stages.getByRole('row', { name: /Afsluttet/ })).toContainText('< 5');
	await expectAccessible(page);
	await page.context().close();
});

test('six closed cases show real figures; a small group and the CSV', async ({
	browser,
	server
}) => {
	test.setTimeout(120_000);
	const drift = await driftMunicipality(server, 'Statistikkommune');
	await withDriftSeeder(server, drift, (s) => {
		for (let i = 0; i < 6; i++) {
			seedCase(s, { ...DEMO_CASES[1], firstName: `Ung${i}`, start: day(-140), end: day(-84) });
		}
		seedCase(s, { ...DEMO_CASES[0], firstName: 'Aktiv', start: day(-28), end: day(28) });
	});

	const context = await browser.newContext();
	const page = await context.newPage();
	await loginWithPassword(page, server.url, 'admin@statistikkommune.example', 'en-god-adgangskode');
	await page.goto(`${server.url}/statistics`);
	await expect(page.getByText('Unge: 7')).toBeVisible();
	// One case is open: its stage is hidden, and "Afsluttet" too (7 - 6 would give it away).
	const stages = page.getByRole('table', { name: 'Forløb pr. fase' });
	await expect(stages.getByRole('row', { name: /Afsluttet/ })).toContainText('< 5');
	const progression = page.getByRole('table', { name: /rykket mindst ét niveau/ });
	await expect(progression.getByRole('row').nth(1)).toContainText('100 %');
	// Six of seven have a next step: 7 - 6 would give the open one away too.
	const next = page.getByRole('table', { name: 'Næste skridt ved afslutningen' });
	await expect(next.getByRole('row', { name: /Uddannelse/ })).toContainText('< 5');
	await expectAccessible(page);

	// One young person is aktivitetsparat: the group is under five, hidden and explained.
	await page
		.getByRole('combobox', { name: 'Målgruppe', exact: true })
		.selectOption({ label: 'Aktivitetsparat' });
	await page.getByRole('button', { name: 'Vis statistik' }).click();
	await expect(page.getByRole('status')).toContainText('færre end 5 unge i den gruppe');
	await expect(page.getByText('Unge: < 5')).toBeVisible();
	await expectAccessible(page);

	// The CSV has the whole group's figures.
	await page
		.getByRole('combobox', { name: 'Målgruppe', exact: true })
		.selectOption({ label: 'Alle unge' });
	await page.getByRole('button', { name: 'Vis statistik' }).click();
	await expect(page).toHaveURL(/targetGroup=(&|$)/);
	const link = page.getByRole('link', { name: /Hent tallene som CSV/ });
	const csv = await page.request.get(new URL((await link.getAttribute('href'))!, server.url).href);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('Unge i alt;;;;7');

	// A jobkonsulent has no menu entry and is refused the page.
	const konsulent = await (await browser.newContext()).newPage();
	await loginWithPassword(konsulent, server.url, drift.consultant.email, drift.consultant.password);
	await expect(konsulent.getByRole('link', { name: 'Statistik', exact: true })).toHaveCount(0);
	const refused = await konsulent.goto(`${server.url}/statistics`);
	expect(refused?.status()).toBe(403);
	await konsulent.context().close();
	await context.close();
});
