import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { TestServer } from '../../support/server.ts';
import { newLoggedInPage } from '../fixtures.ts';

export type OrgRoleLabel =
	'Administrator' | 'Facilitator' | 'Bruger' | 'Jobkonsulent' | 'Sagsbehandler';
export type NewUser = { email: string; name: string; role: OrgRoleLabel; password: string };

/** User administration of a municipality. */
export class AdminUsersPage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string
	) {}

	async goto(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/admin/users`);
	}

	/** The table row of one user. */
	row(name: string): Locator {
		return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
	}

	async fillCreateForm(user: Partial<NewUser>): Promise<void> {
		const form = this.page.getByRole('region', { name: 'Opret bruger' });
		await form.getByLabel('E-mail').fill(user.email ?? '');
		await form.getByLabel('Navn').fill(user.name ?? '');
		if (user.role) await form.getByLabel('Rolle i kommunen').selectOption({ label: user.role });
		await form.getByLabel('Første adgangskode').fill(user.password ?? '');
		await form.getByRole('button', { name: 'Opret bruger' }).click();
	}

	async createUser(user: NewUser): Promise<void> {
		await this.fillCreateForm(user);
		await expect(
			this.page.getByRole('status').filter({ hasText: `${user.name} er oprettet` })
		).toBeVisible();
		await expect(this.row(user.name)).toBeVisible();
	}

	async setRole(name: string, role: OrgRoleLabel): Promise<void> {
		await this.row(name).getByLabel(`Rolle for ${name}`).selectOption({ label: role });
		await this.row(name)
			.getByRole('button', { name: `Gem rolle for ${name}` })
			.click();
		await expect(
			this.page.getByRole('status').filter({ hasText: 'Rollen er ændret' })
		).toBeVisible();
	}

	async remove(name: string): Promise<void> {
		await this.row(name).getByText(`Fjern ${name}`, { exact: true }).click();
		await this.row(name)
			.getByRole('button', { name: `Ja, fjern ${name}` })
			.click();
		await expect(this.page.getByRole('status').filter({ hasText: 'fjernet' })).toBeVisible();
	}
}

/**
 * Creates a fresh account through the demo administrator's UI, for tests that change a person's
 * password or language: demo accounts are shared by every test in the worker.
 */
export async function createFreshUser(
	browser: Browser,
	server: TestServer,
	label: string
): Promise<NewUser> {
	const unique = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
	const user: NewUser = {
		email: `${unique}@kommune.example`,
		name: `Test ${unique}`,
		role: 'Bruger',
		password: 'første-kodeord-123'
	};
	const adminPage = await newLoggedInPage(browser, server, 'administrator');
	const admin = new AdminUsersPage(adminPage, server.url);
	await admin.goto();
	await admin.createUser(user);
	await adminPage.context().close();
	return user;
}
