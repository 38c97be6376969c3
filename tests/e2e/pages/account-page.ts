import { type Page } from '@playwright/test';

/** The signed-in person's own account page. */
export class AccountPage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string
	) {}

	async goto(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/account`);
	}

	async changePassword(current: string, next: string, confirm = next): Promise<void> {
		await this.page.getByLabel('Nuværende adgangskode').fill(current);
		await this.page.getByLabel('Ny adgangskode', { exact: true }).fill(next);
		await this.page.getByLabel('Gentag den nye adgangskode').fill(confirm);
		await this.page.getByRole('button', { name: 'Skift adgangskode' }).click();
	}

	async chooseLanguage(name: 'Dansk' | 'English', submit: string): Promise<void> {
		await this.page.getByRole('radio', { name }).check();
		await this.page.getByRole('button', { name: submit }).click();
	}
}
