/**
 * Personal data in the browser: the purpose asked before a case opens, the administrator's
 * retention setting and audit log search (with the CSV link), each checked with axe.
 */
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { withWritableDb } from '../support/privacy-cases.ts';
import { writeAuditEntry } from '#lib/server/privacy/audit-log.ts';

test('the purpose is asked before a case opens, and a missing one is explained', async ({
	browser,
	server
}) => {
	const page = await newLoggedInPage(browser, server, 'facilitator');
	await page.goto(`${server.url}/formaal?case=case-e2e&next=${encodeURIComponent('/account')}`);
	await expect(page.getByRole('heading', { name: 'Hvorfor åbner du forløbet?' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Åbn forløbet' }).click();
	await expect(
		page.getByText('Vælg et formål: opfølgning, vurdering, udskrift, klage eller andet.')
	).toBeVisible();
	await page.getByRole('radio', { name: 'Andet' }).check();
	await page.getByRole('button', { name: 'Åbn forløbet' }).click();
	await expect(page.getByText('Skriv, hvad formålet er, når du vælger Andet.')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('radio', { name: 'Opfølgning' }).check();
	await page.getByRole('button', { name: 'Åbn forløbet' }).click();
	await expect(page).toHaveURL(/\/account$/);
	await page.context().close();
});

test('the administrator sets the retention period and searches the log', async ({
	browser,
	server
}) => {
	const page = await newLoggedInPage(browser, server, 'administrator');
	await page.goto(`${server.url}/admin/users`);
	await page.getByRole('link', { name: 'Persondata: logbog og opbevaring' }).click();
	await expect(page.getByRole('heading', { name: 'Persondata', exact: true })).toBeVisible();
	const months = page.getByLabel('Antal måneder efter afslutning');
	await expect(months).toHaveValue('12');
	await expectAccessible(page);

	await months.fill('0');
	await page.getByRole('button', { name: 'Gem' }).click();
	await expect(page.getByText('Forløb skal gemmes i mindst 1 måned.')).toBeVisible();
	await expectAccessible(page);
	await months.fill('18');
	await page.getByRole('button', { name: 'Gem' }).click();
	await expect(page.getByText('Opbevaringsperioden er gemt.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Antal måneder efter afslutning')).toHaveValue('18');

	const orgId = new URL(
		await page
			.getByRole('link', { name: 'Hent søgningen som CSV' })
			.getAttribute('href')
			.then((h) => `${server.url}${h}`)
	).searchParams.get('organisation') as string;
	withWritableDb(server.dataDir, (db) => {
		for (const [caseId, at] of [
			['case-a', Date.UTC(2026, 2, 1, 12)],
			['case-b', Date.UTC(2026, 2, 9, 12)]
		] as const) {
			writeAuditEntry(db, {
				orgId,
				action: 'read',
				caseId,
				youngPersonId: 'yp',
				userId: null,
				role: 'link',
				linkId: 'link-1',
				purpose: { kind: 'assessment', text: '' },
				requestId: `req-${caseId}`,
				at
			});
		}
	});
	await page.getByLabel('Forløb (id)').fill('case-b');
	await page.getByRole('button', { name: 'Søg' }).click();
	await expect(page).toHaveURL(/case=case-b/);
	const table = page.getByRole('table', { name: '1 linjer i logbogen' });
	await expect(table).toBeVisible();
	await expect(table.getByRole('row').nth(1)).toContainText('case-b');
	await expect(table.getByRole('row').nth(1)).toContainText('Vurdering');
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: 'Hent søgningen som CSV' })).toHaveAttribute(
		'href',
		/case=case-b/
	);

	// The same case from the day after its entry: nothing (the demo's own cases have entries of
	// their own in the log, so the period is searched within this case).
	await page.getByLabel('Fra dato').fill('2026-03-10');
	await page.getByRole('button', { name: 'Søg' }).click();
	await expect(page.getByText('Ingen linjer i logbogen passer til søgningen.')).toBeVisible();

	// Back to the default, for other tests on this worker's server.
	await page.getByLabel('Antal måneder efter afslutning').fill('12');
	await page.getByRole('button', { name: 'Gem' }).click();
	await expect(page.getByText('Opbevaringsperioden er gemt.')).toBeVisible();
	await page.context().close();
});

test('the footer links to the accessibility statement and the processing record', async ({
	page,
	server
}) => {
	await page.goto(`${server.url}/login`);
	await page
		.getByRole('contentinfo')
		.getByRole('link', { name: 'Tilgængelighedserklæring' })
		.click();
	await expect(page.getByRole('heading', { name: 'Tilgængelighedserklæring' })).toBeVisible();
	await expectAccessible(page);
	await page
		.getByRole('contentinfo')
		.getByRole('link', { name: 'Behandling af personoplysninger' })
		.click();
	const categories = page.getByRole('table', { name: 'Kategorier af oplysninger' });
	await expect(categories).toContainText('audit_log');
	await expectAccessible(page);
});
