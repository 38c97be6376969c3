import { test, expect, loginAs } from './fixtures.ts';
import { WorkshopsPage } from './pages/workshops-page.ts';
import { InvitationPage } from './pages/invitation-page.ts';
import { AccountPage } from './pages/account-page.ts';

// axe cannot run here (it injects a script); the same pages are checked in the chromium project.
test('without JavaScript: log in, create a workshop, invite, accept, change password, remove', async ({
	page,
	browser,
	server
}) => {
	await loginAs(page, server, 'facilitator');
	const workshop = await new WorkshopsPage(page, server.url).create('Forløb uden JavaScript');

	await page.getByRole('button', { name: 'Opret invitation' }).click();
	await expect(page.getByText('Udfyld feltet.')).toBeVisible();
	await expect(workshop.inviteEmail()).toHaveAttribute('aria-invalid', 'true');

	const email = `uden-js-${Date.now()}@kommune.example`;
	const link = await workshop.invite(email, 'Medlem af arbejdsgruppen');
	// The copy button only appears once scripts run: its absence shows this really is script-free.
	await expect(page.getByText('Markér linket, og kopiér det.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Kopiér link' })).toHaveCount(0);

	const context = await browser.newContext({ javaScriptEnabled: false });
	const invited = new InvitationPage(await context.newPage());
	await invited.open(link);
	await invited.register('Ole Uden Script', 'kort');
	await expect(invited.page.getByText('Adgangskoden skal være mindst 10 tegn.')).toBeVisible();
	await invited.register('Ole Uden Script', 'et-langt-kodeord-1');
	await expect(invited.page).toHaveURL(workshop.url);
	await expect(invited.page.getByText('Din rolle: Medlem af arbejdsgruppen')).toBeVisible();

	const account = new AccountPage(invited.page, server.url);
	await account.goto();
	await account.changePassword('et-langt-kodeord-1', 'nyt-langt-kodeord-2', 'ikke-det-samme-1');
	await expect(invited.page.getByText('De to adgangskoder er ikke ens.')).toBeVisible();
	await account.changePassword('et-langt-kodeord-1', 'nyt-langt-kodeord-2');
	await expect(invited.page.getByRole('status')).toHaveText(
		'Adgangskoden er skiftet. Du er logget ud alle andre steder.'
	);
	await context.close();

	// goto, not reload: this page is the answer to the invite POST and a reload would re-post it.
	await page.goto(workshop.url);
	await expect(workshop.invitationRow(email)).toContainText('Accepteret');
	await workshop.removeMember('Ole Uden Script');
	await expect(workshop.group('Arbejdsgruppe')).not.toContainText('Ole Uden Script');
});
