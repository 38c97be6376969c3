/**
 * Shared browser-test fixtures: one real server per worker (built app, temporary data directory,
 * demo data), a logged-in page per role, and a second browser context for collaboration.
 */
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startServer, type TestServer } from '../support/server.ts';

export type Role = 'administrator' | 'facilitator' | 'arbejdsgruppe' | 'medarbejder';

/** Logs in through the login form, as a person would. */
export async function loginAs(
	page: Page,
	server: TestServer,
	role: Role,
	index = 0
): Promise<void> {
	const login = server.logins[role]?.[index];
	if (!login) throw new Error(`no demo login for ${role}`);
	await page.goto(`${server.url}/login`);
	await page.getByLabel('E-mail').fill(login.email);
	await page.getByLabel('Adgangskode').fill(login.password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(page).toHaveURL(/\/workshops/);
}

/** Logs in through the login form with any account (not only the demo's), as a person would. */
export async function loginWithPassword(page: Page, url: string, email: string, password: string) {
	await page.goto(`${url}/login`);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Adgangskode').fill(password);
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(page).toHaveURL(/\/workshops/);
}

/** A page in its own context, logged in as `role`. */
export async function newLoggedInPage(
	browser: Browser,
	server: TestServer,
	role: Role,
	index = 0
): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAs(page, server, role, index);
	return page;
}

/** Fails on serious or critical axe violations (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const serious = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect(
		serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
}

type WorkerFixtures = { server: TestServer };
type TestFixtures = { loggedInPage: Page; secondUser: Page };

export const test = base.extend<TestFixtures, WorkerFixtures>({
	server: [
		// Playwright requires an object pattern here, even when the fixture needs nothing.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const server = await startServer();
			await use(server);
			await server.stop();
		},
		{ scope: 'worker' }
	],
	/** The demo facilitator, logged in. */
	loggedInPage: async ({ browser, server }, use) => {
		const page = await newLoggedInPage(browser, server, 'facilitator');
		await use(page);
		await page.context().close();
	},
	/** The first demo work-group member in a second browser context. */
	secondUser: async ({ browser, server }, use) => {
		const page = await newLoggedInPage(browser, server, 'arbejdsgruppe');
		await use(page);
		await page.context().close();
	}
});

export { expect };
