import { test, expect } from './fixtures.ts';
import { expectVisibleFocus, tabTo } from './pages/keyboard.ts';

test('keyboard only: log in, create a workshop, invite and copy the link', async ({
	page,
	server
}) => {
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
		origin: server.url
	});
	const login = server.logins.facilitator[0];
	await page.goto(`${server.url}/login`);

	// The skip link comes first and moves focus to the main content.
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Gå til indhold' });
	await expectVisibleFocus(skip);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();

	await tabTo(page, page.getByLabel('E-mail'));
	await page.keyboard.type(login.email);
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Adgangskode')).toBeFocused();
	await page.keyboard.type(login.password);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`${server.url}/workshops`);

	const title = page.getByLabel('Titel');
	await tabTo(page, title);
	await expectVisibleFocus(title);
	await page.keyboard.type('Forløb styret med tastaturet');
	await tabTo(page, page.getByRole('button', { name: 'Opret udviklingsforløb' }));
	await page.keyboard.press('Space');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Forløb styret med tastaturet' })
	).toBeVisible();

	const email = page.getByRole('textbox', { name: 'E-mail' });
	await tabTo(page, email, 80);
	await page.keyboard.type('tastatur@kommune.example');
	// The role select keeps its default (Medlem af arbejdsgruppen); Enter in the email field submits.
	await page.keyboard.press('Enter');

	// Focus lands on the new link, and the copy button is the next stop.
	const link = page.getByRole('textbox', { name: 'Invitationslink' });
	await expect(link).toBeFocused();
	await page.keyboard.press('Tab');
	const copy = page.getByRole('button', { name: 'Kopiér link' });
	await expectVisibleFocus(copy);
	await page.keyboard.press('Space');
	await expect(page.getByRole('status').filter({ hasText: 'Linket er kopieret.' })).toBeVisible();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toBe(await link.inputValue());
	expect(copied).toMatch(/\/invitations\/[A-Za-z0-9_-]{20,}$/);
});
