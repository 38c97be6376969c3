/**
 * Page object of the template editor (the document page of a template): areas, statements,
 * scales, the problem panel, the preview and the view switch. Selectors follow roles and
 * accessible names, so the specs read as what a person does and sees.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { TestServer } from '../../support/server.ts';
import { DocumentPage } from './document-page.ts';

export class TemplatePage {
	readonly page: Page;
	readonly presence: Locator;
	readonly saveState: Locator;
	readonly problems: Locator;
	readonly preview: Locator;
	readonly announcer: Locator;

	constructor(page: Page) {
		this.page = page;
		this.presence = page.getByRole('region', { name: 'Samarbejde' });
		this.saveState = this.presence.locator('.save-state');
		this.problems = page.getByRole('region', { name: 'Det skal rettes' });
		this.preview = page.getByRole('region', { name: 'Forhåndsvisning' });
		this.announcer = page.locator('.announcer');
	}

	/** Opens the demo workshop's template and waits until the editor shows it. */
	async open(server: TestServer): Promise<void> {
		await this.page.goto(`${server.url}${DocumentPage.path(server, 'template')}`);
		await this.waitForEditor();
	}

	/**
	 * Waits until the whole editor is rendered: it renders in steps after its first frame
	 * (progressive.svelte.ts), and the signature section, the last one, comes with the last step.
	 */
	async waitForEditor(): Promise<void> {
		await expect(this.page.getByRole('heading', { name: 'Kompetenceområder' })).toBeVisible();
		await expect(this.page.getByRole('heading', { name: 'Underskrifter', level: 2 })).toBeVisible();
	}

	async expectSaved(): Promise<void> {
		await expect(this.saveState).toHaveText('Gemt');
	}

	/** One competence area (a region named by the area's label). */
	area(label: string): Locator {
		return this.page.getByRole('region', { name: label, exact: true });
	}

	/** The statement text fields of an area, in order. */
	statementFields(areaLabel: string): Locator {
		return this.area(areaLabel).getByRole('textbox', { name: /^Kompetenceudsagn \d+ i / });
	}

	/** The statements of an area as they read, in order. */
	async statements(areaLabel: string): Promise<string[]> {
		return this.statementFields(areaLabel).evaluateAll((fields) =>
			fields.map((f) => (f as HTMLTextAreaElement).value)
		);
	}

	/** Adds a statement through the area's "add" field. */
	async addStatement(areaLabel: string, text: string): Promise<void> {
		const input = this.area(areaLabel).getByRole('textbox', { name: 'Nyt kompetenceudsagn' });
		await input.fill(text);
		await input.press('Enter');
		await expect(input).toHaveValue('');
	}

	/** The row (toolbar) of one statement: its text, kind, comments, moves, more actions. */
	statementRow(areaLabel: string, statement: string): Locator {
		return this.area(areaLabel)
			.getByRole('toolbar')
			.filter({ has: this.page.getByRole('button', { name: `Flyt ned ${statement}` }) });
	}

	/** A button of one statement's row ("Flyt op", "Flyt ned"). */
	statementButton(areaLabel: string, action: string, statement: string): Locator {
		return this.area(areaLabel).getByRole('button', {
			name: `${action} ${statement}`,
			exact: true
		});
	}

	/** A statement's "more actions" menu button (moving it to another area, deleting it). */
	statementMenu(areaLabel: string, statement: string): Locator {
		return this.area(areaLabel).getByRole('button', {
			name: `Flere handlinger for »${statement}«`,
			exact: true
		});
	}

	/** Opens a statement's details (its CV phrase, description and own scale) below its row. */
	async openStatementDetails(areaLabel: string, statement: string): Promise<void> {
		const toggle = this.statementRow(areaLabel, statement).getByRole('button', {
			name: 'CV-sætning, beskrivelse og egen skala'
		});
		if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	}

	/** Deletes a statement through its "more actions" menu. */
	async removeStatement(areaLabel: string, statement: string): Promise<void> {
		await this.statementMenu(areaLabel, statement).click();
		await this.page.getByRole('menuitem', { name: 'Slet udsagnet' }).click();
	}

	/** Opens the scale of an area (a disclosure, closed at first). */
	async openScale(areaLabel: string): Promise<void> {
		const summary = this.area(areaLabel).getByText(`Skala for ${areaLabel}`, { exact: true });
		const details = this.area(areaLabel).locator('details.scale').last();
		if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
	}

	/** The label field of level `position` (1-based) in an area's scale. */
	levelLabel(areaLabel: string, position: number): Locator {
		return this.area(areaLabel).getByRole('textbox', { name: `Niveau ${position}`, exact: true });
	}

	/** Switches between "Rediger", "Side om side" and "Forhåndsvisning". */
	async view(name: 'Rediger' | 'Side om side' | 'Forhåndsvisning'): Promise<void> {
		await this.page.getByRole('radio', { name }).check({ force: true });
	}

	/** A tab of the preview: "Læringsbevis", "Progressionsskema" or "Tomme skemaer". */
	outputTab(name: 'Læringsbevis' | 'Progressionsskema' | 'Tomme skemaer'): Locator {
		return this.preview.getByRole('tab', { name, exact: true });
	}

	/** The panel a preview tab shows. */
	outputPanel(name: 'Læringsbevis' | 'Progressionsskema' | 'Tomme skemaer'): Locator {
		return this.preview.getByRole('tabpanel', { name, exact: true });
	}

	/** Opens a preview tab and waits until its panel shows. */
	async showOutput(name: 'Læringsbevis' | 'Progressionsskema' | 'Tomme skemaer'): Promise<Locator> {
		await this.outputTab(name).click();
		await expect(this.outputTab(name)).toHaveAttribute('aria-selected', 'true');
		await expect(this.outputPanel(name)).toBeVisible();
		return this.outputPanel(name);
	}

	/** "Fortryd" or "Gentag" in the workspace toolbar (not a rich-text field's own). */
	historyButton(name: 'Fortryd' | 'Gentag'): Locator {
		return this.page
			.getByRole('group', { name: 'Fortryd og gentag' })
			.getByRole('button', { name, exact: true });
	}
}
