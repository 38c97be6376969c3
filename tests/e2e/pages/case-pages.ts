import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { TestServer } from '../../support/server.ts';
import { apiCase, driftMunicipality } from '../../support/cases-ui.ts';

/** Two statements of the detail starter the case tests choose: one the mentor rates, one not. */
export const FAGLIG = 'Kan modtage varer og kontrollere dem mod følgesedlen';
export const SOCIAL = 'Kan spørge en kollega eller lederen, når der er tvivl';
/** A phone's viewport. */
export const PHONE = { width: 390, height: 844 };

/** A calendar date `offsetDays` from today, as a date field takes it. */
export function isoDay(offsetDays: number): string {
	return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Logs in through the login form. */
export async function logIn(
	page: Page,
	server: TestServer,
	who: { email: string; password: string }
): Promise<void> {
	await page.goto(`${server.url}/login`);
	await page.getByLabel('E-mail').fill(who.email);
	await page.getByLabel('Adgangskode').fill(who.password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(page).toHaveURL(/\/workshops/);
}

/**
 * Fills the "start a case" form for Signe (with `lastName`), choosing only `FAGLIG` and `SOCIAL`,
 * and submits it.
 */
export async function fillStartForm(page: Page, lastName: string): Promise<void> {
	await page.getByLabel('Fornavn').fill('Signe');
	await page.getByLabel('Efternavn').fill(lastName);
	await page.getByLabel('Virksomhed', { exact: true }).fill('Brugsen i Thisted');
	await page.getByLabel('Mentor i virksomheden (valgfri)').fill('Mette Mentor');
	await page.getByLabel('Startdato').fill(isoDay(-60));
	await page.getByLabel('Slutdato').fill(isoDay(2));
	await page.getByLabel('Timer pr. uge ved start (valgfri)').fill('15');
	for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
	await page.getByRole('checkbox', { name: FAGLIG }).check();
	await page.getByRole('checkbox', { name: SOCIAL }).check();
	await page.getByRole('button', { name: 'Start forløbet' }).click();
}

/** Makes a rating link for `rater` at the end point on the case page and returns its URL. */
export async function makeLink(page: Page, rater: string): Promise<string> {
	await page.getByRole('button', { name: `Lav et link til ${rater} ved Slut` }).click();
	const field = page.getByRole('textbox', { name: new RegExp(`^Link til ${rater} ved Slut`) });
	await expect(field).toBeVisible();
	return field.inputValue();
}

/** Answers each statement of a rating page with its level and sends it. */
export async function answer(page: Page, levels: Record<string, string>): Promise<void> {
	for (const [statement, level] of Object.entries(levels)) {
		await page
			.getByRole('group', { name: statement })
			.getByRole('radio', { name: level, exact: true })
			.check();
	}
	await page.getByRole('button', { name: 'Send vurderingen' }).click();
}

/**
 * Answers the purpose question that comes before a case opens once per session (issue 14), with
 * "Opfølgning", and waits until the case page is back.
 */
export async function statePurpose(page: Page): Promise<void> {
	await expect(page.getByRole('heading', { name: 'Hvorfor åbner du forløbet?' })).toBeVisible();
	await page.getByRole('radio', { name: 'Opfølgning' }).check();
	await page.getByRole('button', { name: 'Åbn forløbet' }).click();
	await expect(page).toHaveURL(/\/cases\/[^/]+(#.*)?$/);
}

const run = promisify(execFile);

/** The text of a downloaded PDF as pdftotext reads it, whitespace collapsed. */
export async function pdfText(download: Download): Promise<string> {
	const file = await download.path();
	const bytes = await readFile(file);
	expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
	return stdout.replace(/\s+/g, ' ').trim();
}

/**
 * A municipality of its own named `municipality` with an open case of Signe Sørensen rating
 * `statements` (set up through the API), opened by its jobkonsulent in `page` (purpose stated).
 */
export async function openSignesCase(
	page: Page,
	server: TestServer,
	municipality: string,
	statements = [FAGLIG, SOCIAL]
): Promise<string> {
	const drift = await driftMunicipality(server, municipality);
	const caseId = await apiCase(server, drift, {
		firstName: 'Signe',
		lastName: 'Sørensen',
		statements
	});
	await logIn(page, server, drift.consultant);
	await page.goto(`${server.url}/cases/${caseId}`);
	await statePurpose(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Signe Sørensen' })).toBeVisible();
	return caseId;
}

/** The case page's card of `rater` at `point` under "Vurderinger og links". */
export function raterCard(page: Page, point: string, rater: string): Locator {
	return page
		.getByRole('region', { name: 'Vurderinger og links' })
		.getByRole('region', { name: point })
		.getByRole('listitem')
		.filter({ hasText: rater });
}
