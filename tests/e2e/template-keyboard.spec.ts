/**
 * The template editor with the keyboard only: choosing a starter, adding statements and
 * reordering them (Alt+arrow keys and the move buttons), with focus kept and every move announced.
 * It runs on a workshop of its own, so the template starts empty (the starter chooser).
 */
import { test, expect, expectAccessible } from './fixtures.ts';
import { WorkshopsPage } from './pages/workshops-page.ts';
import { TemplatePage } from './pages/template-page.ts';
import { tabTo } from './pages/keyboard.ts';

const AREA = 'Faglige kompetencer';

test('keyboard only: start a blank template, add statements and reorder them', async ({
	loggedInPage: page,
	server
}) => {
	const workshop = await new WorkshopsPage(page, server.url).create('Forløb med tastaturet');
	await workshop.documentLink('Læringsbevis (skabelon)').click();
	await expect(page.getByRole('heading', { name: 'Vælg et udgangspunkt' })).toBeVisible();
	await expectAccessible(page);

	// The retail starter is preselected; the blank one is the option before it.
	await tabTo(page, page.getByRole('radio', { checked: true }));
	await page.keyboard.press('ArrowUp');
	await expect(page.getByRole('radio', { name: /^Tom skabelon/ })).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Start skabelonen' })).toBeFocused();
	await page.keyboard.press('Enter');

	const editor = new TemplatePage(page);
	await editor.waitForEditor();
	const add = editor.area(AREA).getByRole('textbox', { name: 'Nyt kompetenceudsagn' });
	await tabTo(page, add, 60);
	for (const text of ['Kan pakke varer ud', 'Kan feje gulvet', 'Kan tale med kunder']) {
		await page.keyboard.type(text);
		await page.keyboard.press('Enter');
		await expect(add).toBeFocused();
	}
	await expect
		.poll(() => editor.statements(AREA))
		.toEqual(['Kan pakke varer ud', 'Kan feje gulvet', 'Kan tale med kunder']);

	// Back into the last statement, then Alt+Arrow Up twice: it moves to the top, focus follows.
	await page.keyboard.press('Shift+Tab');
	const lastItem = editor
		.area(AREA)
		.locator('li', { has: page.getByText('Beskrivelse og egen skala') })
		.last();
	await expect(lastItem.locator('details.more > summary')).toBeFocused();
	await page.keyboard.press('Alt+ArrowUp');
	await expect(editor.announcer).toHaveText('»Kan tale med kunder« er flyttet til plads 2 af 3.');
	await page.keyboard.press('Alt+ArrowUp');
	await expect(editor.announcer).toHaveText('»Kan tale med kunder« er flyttet til plads 1 af 3.');
	await expect
		.poll(() => editor.statements(AREA))
		.toEqual(['Kan tale med kunder', 'Kan pakke varer ud', 'Kan feje gulvet']);
	const moved = editor.area(AREA).locator('li.statement').first();
	await expect(moved.locator('details.more > summary')).toBeFocused();

	// The move buttons work from the keyboard too and keep focus on the pressed button (past
	// "Flyt til andet område" and "Slet").
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	const down = editor.statementButton(AREA, 'Flyt ned', 'Kan tale med kunder');
	await expect(down).toBeFocused();
	await page.keyboard.press('Enter');
	await expect
		.poll(() => editor.statements(AREA))
		.toEqual(['Kan pakke varer ud', 'Kan tale med kunder', 'Kan feje gulvet']);
	await expect(down).toBeFocused();
	await expect(editor.announcer).toHaveText('»Kan tale med kunder« er flyttet til plads 2 af 3.');

	await editor.expectSaved();
	await page.reload();
	await editor.waitForEditor();
	expect(await editor.statements(AREA)).toEqual([
		'Kan pakke varer ud',
		'Kan tale med kunder',
		'Kan feje gulvet'
	]);
	await expectAccessible(page);
});
