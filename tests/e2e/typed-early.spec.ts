/**
 * Typing before the page has hydrated (a slow laptop, a quick typist): hydration sets a field's
 * rendered value back, and the root layout must put back what was typed (src/app.html records
 * it, src/lib/components/ui/typed-early.ts restores it). The app's scripts are held back until
 * the person has typed, so the test does not depend on the machine's speed.
 */
import { test, expect, newLoggedInPage } from './fixtures.ts';

test('what is typed into a field with a rendered value before hydration is kept', async ({
	browser,
	server
}) => {
	const page = await newLoggedInPage(browser, server, 'administrator');
	let release: () => void = () => {};
	const typed = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await typed;
		await route.continue();
	});
	await page.goto(`${server.url}/admin/persondata`, { waitUntil: 'domcontentloaded' });
	await expect(page.locator('html[data-hydrated]')).not.toBeAttached();

	const months = page.getByLabel('Antal måneder efter afslutning');
	const rendered = await months.inputValue();
	const mine = rendered === '37' ? '38' : '37';
	await months.fill(mine);
	release();

	await expect(page.locator('html[data-hydrated]')).toBeAttached();
	await expect(months).toHaveValue(mine);
	// The restored value is what the form sends: the page says it was stored, and it was.
	await page.getByRole('button', { name: 'Gem' }).click();
	await expect(page.getByText('Opbevaringsperioden er gemt.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Antal måneder efter afslutning')).toHaveValue(mine);
	await page.getByLabel('Antal måneder efter afslutning').fill(rendered);
	await page.getByRole('button', { name: 'Gem' }).click();
	await expect(page.getByText('Opbevaringsperioden er gemt.')).toBeVisible();
	await page.context().close();
});
