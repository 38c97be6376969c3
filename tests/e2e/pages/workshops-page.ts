import { expect, type Page } from '@playwright/test';
import { WorkshopPage } from './workshop-page.ts';

/** The workshop list with its create form. */
export class WorkshopsPage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string
	) {}

	async goto(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workshops`);
	}

	/** Creates a workshop through the form and returns its page once it has opened. */
	async create(title: string): Promise<WorkshopPage> {
		await this.goto();
		await this.page.getByLabel('Titel').fill(title);
		await this.page.getByRole('button', { name: 'Opret udviklingsforløb' }).click();
		await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		return new WorkshopPage(this.page, this.baseUrl);
	}
}
