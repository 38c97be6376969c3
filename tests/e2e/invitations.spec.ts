import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { WorkshopsPage } from './pages/workshops-page.ts';
import { WorkshopPage } from './pages/workshop-page.ts';
import { InvitationPage } from './pages/invitation-page.ts';
import { expireInvitations } from '../support/db.ts';

/** A unique address per test run, so tests sharing a worker's server never collide. */
function uniqueEmail(label: string): string {
	return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@kommune.example`;
}

test('an invited person creates an account in a second browser and lands in the workshop as work-group member', async ({
	loggedInPage: page,
	browser,
	server
}) => {
	const title = 'Læringsbevis for ledige akademikere';
	const workshop = await new WorkshopsPage(page, server.url).create(title);
	const email = uniqueEmail('ny');
	const link = await workshop.invite(email, 'Medlem af arbejdsgruppen');
	await expect(
		page.getByText(`Invitationen til ${email} er oprettet med rollen »Medlem af arbejdsgruppen«.`)
	).toBeVisible();
	await expect(workshop.invitationRow(email)).toContainText('Afventer');
	await expectAccessible(page);

	const context = await browser.newContext();
	const invited = new InvitationPage(await context.newPage());
	const response = await invited.open(link);
	expect(response?.status()).toBe(200);
	await invited.expectInvitation({
		workshop: title,
		org: 'Demo Kommune',
		role: 'Medlem af arbejdsgruppen'
	});
	await expect(invited.page.getByLabel('E-mail')).toHaveValue(email);
	await expect(
		invited.page.getByRole('link', { name: 'Har du allerede en konto? Log ind' })
	).toHaveAttribute('href', `/login?next=${encodeURIComponent(new URL(link).pathname)}`);
	await expectAccessible(invited.page);

	// A too short password is explained in Danish and nothing is created.
	await invited.register('Nina Nyansat', 'kort');
	await expect(invited.page.getByText('Adgangskoden skal være mindst 10 tegn.')).toBeVisible();
	await expect(invited.page.getByLabel('Vælg en adgangskode')).toBeFocused();
	await expect(invited.page.getByLabel('Dit navn')).toHaveValue('Nina Nyansat');
	await expectAccessible(invited.page);

	await invited.register('Nina Nyansat', 'et-langt-kodeord-1');
	await expect(invited.page).toHaveURL(`${server.url}/workshops/${workshop.id}`);
	await expect(invited.page.getByText('Din rolle: Medlem af arbejdsgruppen')).toBeVisible();
	await expect(invited.page.getByText('Logget ind som Nina Nyansat')).toBeVisible();
	const asInvited = new WorkshopPage(invited.page, server.url);
	await expect(asInvited.group('Arbejdsgruppe')).toContainText('Nina Nyansat');
	await context.close();

	await page.reload();
	await expect(workshop.invitationRow(email)).toContainText('Accepteret');
	// Who accepted, and when.
	await expect(workshop.invitationRow(email)).toContainText('af Nina Nyansat,');
	await expectAccessible(page);
	await expect(workshop.group('Arbejdsgruppe')).toContainText('Nina Nyansat');

	// The link worked once; a stranger opening it again is told it has been used.
	const stranger = await browser.newContext();
	const strangerPage = await stranger.newPage();
	const used = await strangerPage.goto(link);
	expect(used?.status()).toBe(409);
	await expect(
		strangerPage.getByRole('heading', { name: 'Invitationen er allerede brugt.' })
	).toBeVisible();
	await expectAccessible(strangerPage);
	await stranger.close();
});

test('an existing user follows the log-in link, accepts a staff invitation and lands in the workshop', async ({
	loggedInPage: page,
	browser,
	server
}) => {
	const workshop = await new WorkshopsPage(page, server.url).create('Forløb med medarbejdere');
	const link = await workshop.invite(server.logins.medarbejder[0].email, 'Medarbejder');

	const context = await browser.newContext();
	const invited = new InvitationPage(await context.newPage());
	await invited.open(link);
	await invited.page.getByRole('link', { name: 'Har du allerede en konto? Log ind' }).click();
	await invited.page.getByLabel('E-mail').fill(server.logins.medarbejder[0].email);
	await invited.page.getByLabel('Adgangskode').fill(server.logins.medarbejder[0].password);
	await invited.page.getByRole('button', { name: 'Log ind' }).click();
	await expect(invited.page).toHaveURL(link);
	await invited.expectInvitation({
		workshop: 'Forløb med medarbejdere',
		org: 'Demo Kommune',
		role: 'Medarbejder'
	});
	await expectAccessible(invited.page);
	await invited.accept();
	await expect(invited.page).toHaveURL(workshop.url);
	await expect(invited.page.getByText('Din rolle: Medarbejder')).toBeVisible();
	await expect(new WorkshopPage(invited.page, server.url).group('Medarbejdere')).toContainText(
		'Mads Medarbejder'
	);
	// Opening one's own used link again leads back into the workshop instead of an error.
	await invited.open(link);
	await expect(invited.page).toHaveURL(workshop.url);
	await context.close();
});

test('a logged-in person with another address is told why and cannot accept', async ({
	loggedInPage: page,
	browser,
	server
}) => {
	const workshop = await new WorkshopsPage(page, server.url).create('Forløb med forkert adresse');
	const email = uniqueEmail('anden');
	const link = await workshop.invite(email, 'Facilitator');
	const other = await newLoggedInPage(browser, server, 'arbejdsgruppe', 1);
	await other.goto(link);
	await expect(
		other.getByText('Kun den inviterede kan tage imod den.', { exact: false })
	).toBeVisible();
	await expect(
		other.getByText(
			`Invitationen er sendt til ${email}, men du er logget ind som ${server.logins.arbejdsgruppe[1].email}.`,
			{ exact: false }
		)
	).toBeVisible();
	await expect(other.getByRole('button', { name: 'Acceptér' })).toHaveCount(0);
	await expect(other.getByRole('main').getByRole('button', { name: 'Log ud' })).toBeVisible();
	await expectAccessible(other);
	await other.context().close();

	// Nothing changed: the invitation still waits for its person.
	await page.reload();
	await expect(workshop.invitationRow(email)).toContainText('Afventer');
});

test('a revoked invitation shows which: revoked, with status 410', async ({
	loggedInPage: page,
	browser,
	server
}) => {
	const workshop = await new WorkshopsPage(page, server.url).create('Forløb med tilbagekaldt link');
	const email = uniqueEmail('tilbagekaldt');
	const link = await workshop.invite(email, 'Medlem af arbejdsgruppen');
	await workshop.revoke(email);
	await expect(page.getByRole('status').filter({ hasText: 'tilbagekaldt' })).toBeVisible();
	await expect(
		workshop.invitationRow(email).getByRole('button', { name: /Tilbagekald/ })
	).toHaveCount(0);

	const context = await browser.newContext();
	const visitor = await context.newPage();
	const response = await visitor.goto(link);
	expect(response?.status()).toBe(410);
	await expect(
		visitor.getByRole('heading', { name: 'Invitationen er tilbagekaldt.' })
	).toBeVisible();
	await expect(visitor.getByText('Facilitatoren har trukket invitationen tilbage.')).toBeVisible();
	await expect(visitor.getByRole('button', { name: 'Opret konto og deltag' })).toHaveCount(0);
	await expectAccessible(visitor);
	await context.close();
});

test('an expired or unknown link says which', async ({ loggedInPage: page, browser, server }) => {
	const workshop = await new WorkshopsPage(page, server.url).create('Forløb med gammelt link');
	const email = uniqueEmail('udloebet');
	const link = await workshop.invite(email, 'Medarbejder');
	// Fourteen days cannot pass during a test: move the expiry into the past instead.
	expect(expireInvitations(server.dataDir, email)).toBe(1);
	await page.reload();
	await expect(workshop.invitationRow(email)).toContainText('Udløbet');

	const context = await browser.newContext();
	const visitor = await context.newPage();
	const expired = await visitor.goto(link);
	expect(expired?.status()).toBe(410);
	await expect(visitor.getByRole('heading', { name: 'Invitationen er udløbet.' })).toBeVisible();
	await expect(visitor.getByText('Bed facilitatoren om en ny invitation.')).toBeVisible();
	await expectAccessible(visitor);

	const unknown = await visitor.goto(`${server.url}/invitations/${'x'.repeat(43)}`);
	expect(unknown?.status()).toBe(404);
	await expect(visitor.getByRole('heading', { name: 'Invitationen findes ikke.' })).toBeVisible();
	await expectAccessible(visitor);
	await context.close();
});

test('a facilitator removes a member, who then loses access', async ({
	loggedInPage: page,
	browser,
	server
}) => {
	const workshop = await new WorkshopsPage(page, server.url).create('Forløb hvor nogen fjernes');
	const link = await workshop.invite(
		server.logins.arbejdsgruppe[1].email,
		'Medlem af arbejdsgruppen'
	);
	const member = await newLoggedInPage(browser, server, 'arbejdsgruppe', 1);
	const invited = new InvitationPage(member);
	await invited.open(link);
	await invited.accept();
	await expect(member).toHaveURL(workshop.url);

	await page.reload();
	await expect(workshop.group('Arbejdsgruppe')).toContainText('Sara Sagsbehandler');
	await workshop.removeMember('Sara Sagsbehandler');
	await expect(workshop.group('Arbejdsgruppe')).not.toContainText('Sara Sagsbehandler');
	await expectAccessible(page);

	const response = await member.goto(workshop.url);
	expect(response?.status()).toBe(404);
	await member.context().close();
});
