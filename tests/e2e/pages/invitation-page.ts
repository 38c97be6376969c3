import { expect, type Page, type Response } from '@playwright/test';

/** The page an invitation link opens. */
export class InvitationPage {
	constructor(readonly page: Page) {}

	/** Opens the link and returns the HTTP response (its status tells used from unknown). */
	async open(link: string): Promise<Response | null> {
		return this.page.goto(link);
	}

	async expectInvitation(details: { workshop: string; org: string; role: string }): Promise<void> {
		await expect(
			this.page.getByRole('heading', { name: 'Du er inviteret til et udviklingsforløb' })
		).toBeVisible();
		await expect(this.page.getByText(details.workshop)).toBeVisible();
		await expect(this.page.getByText(details.org)).toBeVisible();
		await expect(
			this.page.getByRole('definition').filter({ hasText: new RegExp(`^${details.role}$`) })
		).toBeVisible();
	}

	/** Fills the create-account form and submits it (the email is fixed by the invitation). */
	async register(name: string, password: string): Promise<void> {
		await this.page.getByLabel('Dit navn').fill(name);
		await this.page.getByLabel('Vælg en adgangskode').fill(password);
		await this.page.getByRole('button', { name: 'Opret konto og deltag' }).click();
	}

	async accept(): Promise<void> {
		await this.page.getByRole('button', { name: 'Acceptér' }).click();
	}
}
