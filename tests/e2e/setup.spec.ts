import { test as base, expect } from '@playwright/test';
import { expectAccessible } from './fixtures.ts';
import { startServer, type TestServer } from '../support/server.ts';

/** A server started without demo data: it prints a one-time link for the first administrator. */
const test = base.extend<object, { emptyServer: TestServer }>({
	emptyServer: [
		// Playwright requires an object pattern here, even when the fixture needs nothing.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const server = await startServer({ env: { FORMVAERK_DEMO: '0' } });
			await use(server);
			await server.stop();
		},
		{ scope: 'worker' }
	]
});

test('the printed setup link creates the first municipality and administrator, once', async ({
	page,
	browser,
	emptyServer: server
}) => {
	const match = /\/setup\/([A-Za-z0-9_-]+)/.exec(server.output());
	expect(match, server.output()).not.toBeNull();
	const path = match![0];

	const unknown = await page.goto(`${server.url}/setup/${'x'.repeat(43)}`);
	expect(unknown?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Linket findes ikke.' })).toBeVisible();
	await expectAccessible(page);

	await page.goto(`${server.url}${path}`);
	await expect(page.getByRole('heading', { name: 'Opret den første administrator' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Opret og log ind' }).click();
	await expect(page.getByLabel('Kommunens navn')).toBeFocused();
	await expect(page.getByText('Udfyld feltet.').first()).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Kommunens navn').fill('Nordby Kommune');
	await page.getByLabel('Dit navn').fill('Ida Indehaver');
	await page.getByLabel('E-mail').fill('ida@nordby.example');
	await page.getByLabel('Adgangskode').fill('et-langt-kodeord-1');
	await page.getByRole('button', { name: 'Opret og log ind' }).click();
	await expect(page).toHaveURL(`${server.url}/admin/users`);
	await expect(page.getByRole('heading', { name: 'Brugere i Nordby Kommune' })).toBeVisible();
	await expect(page.getByText('Logget ind som Ida Indehaver')).toBeVisible();

	const context = await browser.newContext();
	const again = await context.newPage();
	const used = await again.goto(`${server.url}${path}`);
	expect(used?.status()).toBe(410);
	await expect(again.getByRole('heading', { name: 'Linket er allerede brugt.' })).toBeVisible();
	await expectAccessible(again);
	await context.close();
});
