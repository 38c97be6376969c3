import { test, expect, expectAccessible, loginAs, newLoggedInPage } from './fixtures.ts';
import { AdminUsersPage } from './pages/admin-users-page.ts';

test('an administrator creates a user, changes the role and removes the user again', async ({
	browser,
	server
}) => {
	const page = await newLoggedInPage(browser, server, 'administrator');
	const admin = new AdminUsersPage(page, server.url);
	await admin.goto();
	await expect(page.getByRole('heading', { name: 'Brugere i Demo Kommune' })).toBeVisible();
	await expect(admin.row('Frida Facilitator')).toContainText('facilitator@demo.formvaerk.dk');
	// Nobody changes or removes themselves: their own row has no controls.
	await expect(admin.row('Anne Administrator').getByRole('combobox')).toHaveCount(0);
	await expect(admin.row('Anne Administrator').getByText(/Fjern/)).toHaveCount(0);
	await expectAccessible(page);

	// Bad input: the form explains each field in Danish, focuses the first one and creates nothing.
	await admin.fillCreateForm({ email: 'ikke-en-adresse', name: '', password: 'kort' });
	await expect(page.getByLabel('E-mail')).toBeFocused();
	await expect(page.getByText('Skriv en gyldig e-mailadresse.')).toBeVisible();
	await expect(page.getByText('Udfyld feltet.')).toBeVisible();
	await expect(page.getByText('Adgangskoden skal være mindst 10 tegn.')).toBeVisible();
	await expectAccessible(page);

	// An address that already has an account is refused with a clear message.
	await admin.fillCreateForm({
		email: 'facilitator@demo.formvaerk.dk',
		name: 'Dobbelt Frida',
		password: 'et-langt-kodeord-1'
	});
	await expect(page.getByRole('alert')).toHaveText(
		'Der findes allerede en bruger med den e-mailadresse.'
	);

	const user = {
		email: `karin-${Date.now()}@demo.formvaerk.dk`,
		name: 'Karin Konsulent',
		role: 'Bruger' as const,
		password: 'et-langt-kodeord-1'
	};
	await admin.createUser(user);
	await expect(admin.row(user.name)).toContainText(user.email);

	// Drift's roles are offered too, with their Danish names.
	await admin.setRole(user.name, 'Jobkonsulent');
	await page.reload();
	await expect(admin.row(user.name).getByLabel(`Rolle for ${user.name}`)).toHaveValue(
		'jobkonsulent'
	);
	await expect(admin.row(user.name).getByRole('option', { name: 'Sagsbehandler' })).toHaveCount(1);

	await admin.setRole(user.name, 'Facilitator');
	await page.reload();
	await expect(admin.row(user.name).getByLabel(`Rolle for ${user.name}`)).toHaveValue(
		'facilitator'
	);

	// The new user can log in and, as a facilitator, create workshops.
	const context = await browser.newContext();
	const userPage = await context.newPage();
	await userPage.goto(`${server.url}/login`);
	await userPage.getByLabel('E-mail').fill(user.email);
	await userPage.getByLabel('Adgangskode').fill(user.password);
	await userPage.getByRole('button', { name: 'Log ind' }).click();
	await expect(userPage.getByRole('heading', { name: 'Opret udviklingsforløb' })).toBeVisible();
	await context.close();

	await admin.remove(user.name);
	await expect(admin.row(user.name)).toHaveCount(0);
	await expectAccessible(page);
	await page.context().close();
});

test('someone who is not an administrator gets a 403 page', async ({ page, server }) => {
	await loginAs(page, server, 'facilitator');
	await expect(page.getByRole('link', { name: 'Brugere' })).toHaveCount(0);
	const response = await page.goto(`${server.url}/admin/users`);
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Du har ikke adgang til dette.')).toBeVisible();
	await expectAccessible(page);
});

test('a person who is not logged in is sent to the login page', async ({ page, server }) => {
	for (const path of ['/admin/users', '/account', '/workshops']) {
		await page.goto(`${server.url}${path}`);
		await expect(page).toHaveURL(`${server.url}/login?next=${encodeURIComponent(path)}`);
	}
});
