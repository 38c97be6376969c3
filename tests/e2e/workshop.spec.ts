import { test, expect, expectAccessible } from './fixtures.ts';
import { WorkshopsPage } from './pages/workshops-page.ts';
import { WorkshopPage } from './pages/workshop-page.ts';

test('a facilitator creates a workshop and sees its phases, agenda, documents and members', async ({
	loggedInPage: page,
	server
}) => {
	const workshops = new WorkshopsPage(page, server.url);
	await workshops.goto();
	await expectAccessible(page);
	const workshop = await workshops.create('Læringsbevis for voksne i løntilskud');

	await expect(page.getByText('Demo Kommune')).toBeVisible();
	await expect(page.getByText('Din rolle: Facilitator')).toBeVisible();
	await expect(workshop.phaseSteps()).toHaveText([
		/Dag 1 Format/,
		/Dag 2 Drejebog/,
		/Dag 3 Idriftsættelse/,
		/Drift/
	]);
	await expect(workshop.currentPhase()).toHaveCount(1);
	await expect(workshop.currentPhase()).toContainText('Dag 1 Format');
	await expect(page.getByRole('heading', { name: 'Program: Dag 1 Format' })).toBeVisible();
	await expect(page.getByText('Velkomst og mål for dagen')).toBeVisible();

	for (const name of ['Læringsbevis (skabelon)', 'Drejebog']) {
		await expect(workshop.documentLink(name)).toHaveAttribute(
			'href',
			new RegExp(`^/workshops/${workshop.id}/documents/[A-Za-z0-9_-]{8,64}$`)
		);
	}
	await expect(workshop.group('Facilitatorer')).toContainText('Frida Facilitator');
	await expect(workshop.member('Frida Facilitator')).toContainText('Facilitator');
	await expect(workshop.group('Arbejdsgruppe')).toContainText('Ingen endnu.');
	await expect(page.getByRole('heading', { name: 'Invitér deltagere' })).toBeVisible();
	await expectAccessible(page);
});

test('an unknown or malformed workshop id is a 404 page, not a 500', async ({
	loggedInPage: page,
	server
}) => {
	for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'x', 'not$an$id']) {
		const response = await page.goto(`${server.url}/workshops/${id}`);
		expect(response?.status(), id).toBe(404);
		await expect(page.getByRole('heading', { name: 'Der opstod en fejl' })).toBeVisible();
		await expect(
			page.getByText('Siden findes ikke, eller du har ikke adgang til den.')
		).toBeVisible();
	}
	await expectAccessible(page);
});

test('a work-group member sees the demo workshop without the facilitator tools', async ({
	secondUser: page,
	server
}) => {
	await page.goto(`${server.url}/workshops`);
	await page.getByRole('link', { name: 'Læringsbevis for unge i virksomhedspraktik' }).click();
	const workshop = new WorkshopPage(page, server.url);
	await expect(page.getByText('Din rolle: Medlem af arbejdsgruppen')).toBeVisible();
	await expect(workshop.group('Arbejdsgruppe')).toContainText('Jonas Jobkonsulent');
	await expect(workshop.group('Arbejdsgruppe')).toContainText('Sara Sagsbehandler');
	await expect(workshop.group('Medarbejdere')).toContainText('Mads Medarbejder');
	await expect(page.getByRole('heading', { name: 'Invitér deltagere' })).toHaveCount(0);
	await expect(page.getByText(/^Fjern /)).toHaveCount(0);
	await expectAccessible(page);
});

test('a bad invitation email is explained next to the field, which gets focus', async ({
	loggedInPage: page,
	server
}) => {
	const workshop = await new WorkshopsPage(page, server.url).create('Forløb med fejl i formularen');
	await workshop.inviteEmail().fill('ikke-en-adresse');
	await page.getByRole('button', { name: 'Opret invitation' }).click();
	await expect(page.getByText('Skriv en gyldig e-mailadresse.')).toBeVisible();
	await expect(workshop.inviteEmail()).toHaveAttribute('aria-invalid', 'true');
	await expect(workshop.inviteEmail()).toHaveAccessibleDescription(
		'Skriv en gyldig e-mailadresse.'
	);
	await expect(workshop.inviteEmail()).toBeFocused();
	await expect(workshop.inviteEmail()).toHaveValue('ikke-en-adresse');
	await expect(page.getByText('Der er ikke oprettet nogen invitationer endnu.')).toBeVisible();
	await expectAccessible(page);
});
