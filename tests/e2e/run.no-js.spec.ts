import { test, expect, loginAs } from './fixtures.ts';
import { demoDocuments } from '../support/demo-documents.ts';

// axe cannot run here (it injects a script); the run page is checked in the chromium project.
test('without JavaScript: the facilitator opens a vote on template statements by ticking them', async ({
	page,
	server
}) => {
	await loginAs(page, server, 'facilitator');
	const { workshopId } = demoDocuments(server);
	await page.goto(`${server.url}/workshops/${workshopId}/run`);
	// The searchable list needs scripts; without them the statements are plain checkboxes.
	await expect(page.getByRole('combobox', { name: 'Udsagn fra skabelonen' })).toHaveCount(0);
	const statements = page.getByRole('group', { name: 'Udsagn fra skabelonen' });
	const [first, second] = await statements.getByRole('checkbox').all();
	const texts = await Promise.all(
		[first, second].map(async (box) => (await box.locator('..').textContent())?.trim() ?? '')
	);
	await first.check();
	await second.check();
	await page.getByLabel('Spørgsmål', { exact: true }).fill('Hvilket udsagn er vigtigst?');
	await page.getByRole('button', { name: 'Åbn afstemningen' }).click();
	await expect(page.getByText('Afstemningen er åbnet.')).toBeVisible();
	const vote = page.getByRole('region', { name: /^Hvilket udsagn er vigtigst\?/ });
	for (const text of texts) await expect(vote.getByText(text, { exact: true })).toBeVisible();
});
