import { test, expect, expectAccessible, loginAs } from './fixtures.ts';

test('a demo facilitator logs in and sees the demo workshop', async ({ page, server }) => {
	await page.goto(server.url);
	await expect(page).toHaveURL(/\/login/);
	await expect(page.getByRole('heading', { name: 'Log ind' })).toBeVisible();
	await expectAccessible(page);
	await loginAs(page, server, 'facilitator');
	await expect(
		page.getByRole('link', { name: 'Læringsbevis for unge i virksomhedspraktik' })
	).toBeVisible();
	await expectAccessible(page);
});

test('a wrong password gets one generic Danish message and no session', async ({
	page,
	server
}) => {
	await page.goto(`${server.url}/login`);
	await page.getByLabel('E-mail').fill('facilitator@demo.formvaerk.dk');
	await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(page.getByRole('alert')).toHaveText('E-mail eller adgangskode er forkert.');
	await page.goto(`${server.url}/workshops`);
	await expect(page).toHaveURL(/\/login/);
});
