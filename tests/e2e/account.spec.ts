import { test, expect, expectAccessible } from './fixtures.ts';
import type { Browser, Page } from '@playwright/test';
import type { TestServer } from '../support/server.ts';
import { AccountPage } from './pages/account-page.ts';
import { createFreshUser, type NewUser } from './pages/admin-users-page.ts';

async function logInAs(browser: Browser, server: TestServer, user: NewUser): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto(`${server.url}/login`);
	await page.getByLabel('E-mail').fill(user.email);
	await page.getByLabel('Adgangskode').fill(user.password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(page).toHaveURL(`${server.url}/workshops`);
	return page;
}

test('changing the password keeps this session and logs out the other one', async ({
	browser,
	server
}) => {
	const user = await createFreshUser(browser, server, 'kodeord');
	const first = await logInAs(browser, server, user);
	const second = await logInAs(browser, server, user);

	const account = new AccountPage(first, server.url);
	await account.goto();
	await expect(first.getByText(user.email)).toBeVisible();
	await expectAccessible(first);

	// Wrong current password and a mismatched repeat: messages by the fields, nothing changes.
	await account.changePassword('forkert-kodeord', 'nyt-langt-kodeord-2', 'noget-andet-123');
	await expect(first.getByText('De to adgangskoder er ikke ens.')).toBeVisible();
	await expect(first.getByLabel('Gentag den nye adgangskode')).toBeFocused();
	await account.changePassword('forkert-kodeord', 'nyt-langt-kodeord-2');
	await expect(first.getByText('Den nuværende adgangskode er forkert.')).toBeVisible();
	await expect(first.getByLabel('Nuværende adgangskode')).toBeFocused();
	await expectAccessible(first);
	await second.reload();
	await expect(second).toHaveURL(`${server.url}/workshops`);

	await account.changePassword(user.password, 'nyt-langt-kodeord-2');
	await expect(first.getByRole('status')).toHaveText(
		'Adgangskoden er skiftet. Du er logget ud alle andre steder.'
	);
	await first.reload();
	await expect(first).toHaveURL(`${server.url}/account`);

	await second.reload();
	await expect(second).toHaveURL(/\/login/);
	await logInAs(browser, server, { ...user, password: 'nyt-langt-kodeord-2' });
});

test('a person switches the language to English and back, and logs out', async ({
	browser,
	server
}) => {
	const user = await createFreshUser(browser, server, 'sprog');
	const page = await logInAs(browser, server, user);
	const account = new AccountPage(page, server.url);
	await account.goto();
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');

	await account.chooseLanguage('English', 'Gem sprog');
	await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('button', { name: 'Change password' })).toBeVisible();
	await expectAccessible(page);
	// The choice belongs to the account: it survives a fresh page load.
	await page.goto(`${server.url}/workshops`);
	await expect(page.getByRole('heading', { level: 1, name: 'Workshops' })).toBeVisible();

	await account.goto();
	await account.chooseLanguage('Dansk', 'Save language');
	await expect(page.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');

	await page.getByRole('main').getByRole('button', { name: 'Log ud' }).click();
	await expect(page).toHaveURL(`${server.url}/login`);
	await page.goto(`${server.url}/account`);
	await expect(page).toHaveURL(/\/login/);
});

test('someone not logged in switches the language in the header and back', async ({
	browser,
	server
}) => {
	const page = await (await browser.newContext()).newPage();
	await page.goto(`${server.url}/login`);
	await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();

	await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByLabel('Password')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('banner').getByRole('button', { name: 'Dansk' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await expect(page.getByLabel('Adgangskode')).toBeVisible();
});
