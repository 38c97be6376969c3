/**
 * The citizen's access request in the browser: the administrator finds a young person of the
 * demo municipality by name, states a purpose (a missing one is explained and focused) and
 * downloads the ZIP, all by keyboard, with axe on every state of the page.
 */
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';

test('the administrator finds a young person and downloads their access export', async ({
	browser,
	server
}) => {
	const page = await newLoggedInPage(browser, server, 'administrator');
	await page.goto(`${server.url}/admin/persondata`);
	await page.getByRole('link', { name: 'Indsigt: hent alt om en ung' }).click();
	await expect(page.getByRole('heading', { name: 'Indsigt for en ung' })).toBeVisible();
	await expectAccessible(page);

	const name = page.getByLabel('Den unges navn');
	await name.fill('ingen-hedder-sådan');
	await name.press('Enter');
	await expect(page.getByText('Ingen unge i kommunen passer til søgningen.')).toBeVisible();

	await page.getByLabel('Den unges navn').fill('demosen');
	await page.getByLabel('Den unges navn').press('Enter');
	const person = page.getByRole('link', { name: 'Emma Demosen' });
	await expect(person).toBeVisible();
	await expect(page.getByRole('link', { name: /Eksempelsen/ })).toHaveCount(0);
	await expectAccessible(page);

	await person.focus();
	await person.press('Enter');
	const heading = page.getByRole('heading', { name: 'Hent indsigt for Emma Demosen' });
	await expect(heading).toBeVisible();
	await expect(person).toHaveAttribute('aria-current', 'true');

	// No purpose: explained next to the choices, and focus is taken there.
	const download = page.getByRole('button', { name: 'Hent ZIP-fil' });
	await download.focus();
	await download.press('Enter');
	const problem = page.getByText(
		'Vælg et formål: opfølgning, vurdering, udskrift, klage eller andet.'
	);
	await expect(problem).toBeVisible();
	await expect(problem).toBeFocused();
	await expectAccessible(page);

	await page.getByRole('radio', { name: 'Klage' }).focus();
	await page.keyboard.press('Space');
	await expect(page.getByRole('radio', { name: 'Klage' })).toBeChecked();
	const file = page.waitForEvent('download');
	await download.focus();
	await download.press('Enter');
	const zip = await file;
	expect(zip.suggestedFilename()).toMatch(/^Indsigt-Emma-Demosen-\d{4}-\d{2}-\d{2}\.zip$/);
	const files = unzipSync(new Uint8Array(fs.readFileSync(await zip.path())));
	const personJson = JSON.parse(strFromU8(files['person.json'])) as { fornavn: string };
	expect(personJson.fornavn).toBe('Emma');
	const log = JSON.parse(strFromU8(files['adgangslog.json'])) as { formaal: string | null }[];
	expect(log.some((entry) => entry.formaal === 'Klage')).toBe(true);
	await expect(page.getByRole('status').filter({ hasText: 'Hentningen er startet' })).toBeVisible();
	await expect(heading).toBeVisible();
	await expectAccessible(page);
	await page.context().close();
});
