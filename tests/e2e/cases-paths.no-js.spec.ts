/**
 * The case page's copy boxes without JavaScript (issue 13): no copy button (the clipboard needs
 * scripts), a line that says to select and copy, and the link and the CV phrases in read-only
 * fields whose text can be selected. axe cannot run here (it injects a script); the same views
 * are checked in cases-paths.spec.ts.
 */
import { expect, test } from './fixtures.ts';
import { makeLink, openSignesCase } from './pages/case-pages.ts';

test('without JavaScript the link and the CV phrases are selectable text', async ({
	page,
	server
}) => {
	await openSignesCase(page, server, 'Markerkommune');

	const url = await makeLink(page, 'Den unge');
	const link = page.getByRole('group', { name: /^Link til Den unge ved Slut/ });
	await expect(link.getByText('Markér teksten, og kopiér den.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Kopiér' })).toHaveCount(0);
	const field = link.getByRole('textbox');
	await expect(field).toHaveAttribute('readonly', '');
	await field.selectText();
	await expect(field).toHaveJSProperty('selectionStart', 0);
	await expect(field).toHaveJSProperty('selectionEnd', url.length);

	await page.getByLabel('Til mit CV').fill('Jeg kan tage imod varer og tjekke følgesedlen');
	await page.getByRole('button', { name: 'Gem afslutningen' }).click();
	const cv = page.getByRole('group', { name: "Sætninger til CV'et på Jobnet" });
	const text = cv.getByRole('textbox');
	await expect(text).toHaveValue(/Jeg kan tage imod varer og tjekke følgesedlen/);
	await expect(cv.getByText('Markér teksten, og kopiér den.')).toBeVisible();
	await text.selectText();
	await expect(text).toHaveJSProperty('selectionEnd', (await text.inputValue()).length);
});
