/**
 * Page object of the run panel beside a workshop document ("Dagen"): the clock, the votes, the
 * comment threads and the facilitator's controls. Selectors follow roles and accessible names.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** A regular expression matching `text` literally at the start of a name. */
function startsWith(text: string): RegExp {
	return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

export class RunPanel {
	readonly page: Page;
	readonly root: Locator;
	readonly timeLeft: Locator;
	readonly currentItem: Locator;
	readonly threads: Locator;

	constructor(page: Page) {
		this.page = page;
		this.root = page.getByRole('complementary', { name: 'Dagen', exact: true });
		this.timeLeft = this.root.getByTestId('time-left');
		this.currentItem = this.root.getByRole('heading', { name: /^Nu: / });
		this.threads = this.root.getByRole('region', { name: 'Kommentartråde', exact: true });
	}

	/** One of the facilitator's timer buttons ("Start", "Pause", "Næste punkt"). */
	timerButton(name: string): Locator {
		return this.root.getByRole('button', { name, exact: true });
	}

	/** The card of the vote with this question. */
	vote(title: string): Locator {
		return this.root.getByRole('region', { name: startsWith(title) });
	}

	/**
	 * Opens a vote from the panel (facilitator): the question, the dots, template statements picked
	 * in the searchable list (each found by typing `search` and pressing Enter on the match), and
	 * free-text candidates.
	 */
	async openVote(options: {
		title: string;
		dots: number;
		statements: { search: string; text: string }[];
		others: string[];
	}): Promise<void> {
		const details = this.root.locator('details.open-vote');
		if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
			await this.root.getByText('Ny afstemning', { exact: true }).click();
		}
		await this.root.getByLabel('Spørgsmål', { exact: true }).fill(options.title);
		await this.root.getByLabel('Prikker pr. person', { exact: true }).fill(String(options.dots));
		const picker = this.root.getByRole('combobox', { name: 'Udsagn fra skabelonen' });
		// The list opens over the page (the template has <select>s with options of their own).
		const list = this.page.getByRole('listbox');
		for (const statement of options.statements) {
			await picker.fill('');
			await picker.pressSequentially(statement.search);
			await expect(list.getByRole('option')).toHaveCount(1);
			await expect(list.getByRole('option', { name: statement.text })).toBeVisible();
			await picker.press('Enter');
			await expect(
				list.getByRole('option', { name: statement.text, selected: true })
			).toBeVisible();
			await picker.press('Escape');
		}
		const picked = this.root.getByRole('list', { name: 'Valgte udsagn' });
		for (const statement of options.statements) {
			await expect(
				picked.getByRole('button', { name: `Fjern ${statement.text}`, exact: true })
			).toBeVisible();
		}
		await this.root
			.getByLabel('Andre kandidater (ét udsagn pr. linje)')
			.fill(options.others.join('\n'));
		await this.root.getByRole('button', { name: 'Åbn afstemningen' }).click();
		await expect(this.root.getByText('Afstemningen er åbnet.')).toBeVisible();
	}
}
