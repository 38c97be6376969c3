/**
 * Page object of the drejebog editor: stages, steps and their details, the problem panel and the
 * live region. Selectors live here so the specs read as what a person does and sees.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class DrejebogPage {
	readonly page: Page;
	readonly problems: Locator;
	readonly announcer: Locator;
	readonly presence: Locator;

	constructor(page: Page) {
		this.page = page;
		this.problems = page.getByRole('region', { name: 'Det skal rettes' });
		this.announcer = page.locator('.drejebog-toolbar').getByRole('status');
		this.presence = page.getByRole('region', { name: 'Samarbejde' });
	}

	/** Waits until the started drejebog is shown (stages and the problem panel). */
	async waitForEditor(): Promise<void> {
		await expect(this.page.getByRole('heading', { name: 'Faser og trin' })).toBeVisible();
		await expect(this.problems).toBeVisible();
	}

	/** Waits until the server has confirmed every edit ("Gemt"). */
	async expectSaved(): Promise<void> {
		await expect(this.presence.locator('.save-state')).toHaveText('Gemt');
	}

	/** A stage by its label (its region is named by a hidden heading with the label). */
	stage(label: string): Locator {
		return this.page.getByRole('region', { name: label, exact: true });
	}

	/** A step card by its title. */
	step(title: string): Locator {
		return this.page.getByRole('article', { name: title, exact: true });
	}

	/** The title input of a step. */
	stepTitle(title: string): Locator {
		return this.step(title).getByRole('textbox', { name: /^Trin \d+ i / });
	}

	/** Opens a step's details (who, when, which part …) and returns the card. */
	async openDetails(title: string): Promise<Locator> {
		const step = this.step(title);
		const details = step.locator('details');
		if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) {
			await step.getByText(`Detaljer om »${title}«`).click();
		}
		return step;
	}

	/** The step titles of a stage, in order. */
	async stepTitles(stage: string): Promise<string[]> {
		return this.stage(stage)
			.getByRole('textbox', { name: /^Trin \d+ i / })
			.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
	}

	/** The problems listed in the panel, as their texts. */
	problemTexts(): Promise<string[]> {
		return this.problems.getByRole('listitem').allTextContents();
	}
}
