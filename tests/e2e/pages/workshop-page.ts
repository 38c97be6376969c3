import { expect, type Locator, type Page } from '@playwright/test';

/** Role names as the invite form's select shows them. */
export type RoleLabel = 'Facilitator' | 'Medlem af arbejdsgruppen' | 'Medarbejder';
/** Member groups on the workshop page. */
export type GroupName = 'Facilitatorer' | 'Arbejdsgruppe' | 'Medarbejdere';

/** One workshop: phases, agenda, documents, members and (for facilitators) invitations. */
export class WorkshopPage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string
	) {}

	/** The workshop's id, read from the current URL. */
	get id(): string {
		const match = /\/workshops\/([^/?#]+)/.exec(this.page.url());
		if (!match) throw new Error(`not on a workshop page: ${this.page.url()}`);
		return match[1];
	}

	get url(): string {
		return `${this.baseUrl}/workshops/${this.id}`;
	}

	/** The phase stepper's steps. */
	phaseSteps(): Locator {
		return this.page.getByRole('region', { name: 'Forløbets faser' }).getByRole('listitem');
	}

	/** The step marked as the current one. */
	currentPhase(): Locator {
		return this.page.locator('[aria-current="step"]');
	}

	documentLink(name: string): Locator {
		return this.page.getByRole('region', { name: 'Dokumenter' }).getByRole('link', { name });
	}

	/** A member group (Facilitatorer, Arbejdsgruppe, Medarbejdere). */
	group(name: GroupName): Locator {
		return this.page.getByRole('region', { name, exact: true });
	}

	/** The list item of one person in the member list. */
	member(name: string): Locator {
		return this.page
			.getByRole('region', { name: 'Deltagere' })
			.getByRole('listitem')
			.filter({ hasText: name });
	}

	inviteEmail(): Locator {
		return this.page.getByRole('textbox', { name: 'E-mail' });
	}

	/** Creates an invitation and returns the link the page shows for copying. */
	async invite(email: string, role: RoleLabel): Promise<string> {
		await this.inviteEmail().fill(email);
		await this.page.getByLabel('Rolle', { exact: true }).selectOption({ label: role });
		await this.page.getByRole('button', { name: 'Opret invitation' }).click();
		const link = this.page.getByRole('textbox', { name: 'Invitationslink' });
		await expect(link).toHaveValue(/\/invitations\//);
		return link.inputValue();
	}

	/** The row of an invitation in the invitations table. */
	invitationRow(email: string): Locator {
		return this.page.getByRole('row').filter({ hasText: email });
	}

	async revoke(email: string): Promise<void> {
		await this.invitationRow(email)
			.getByRole('button', { name: `Tilbagekald invitationen til ${email}` })
			.click();
		await expect(this.invitationRow(email)).toContainText('Tilbagekaldt');
	}

	/** Opens the inline confirmation for a member and confirms the removal. */
	async removeMember(name: string): Promise<void> {
		await this.member(name).getByText(`Fjern ${name}`, { exact: true }).click();
		await this.member(name)
			.getByRole('button', { name: `Ja, fjern ${name}` })
			.click();
		await expect(this.page.getByRole('status').filter({ hasText: 'fjernet' })).toBeVisible();
	}
}
