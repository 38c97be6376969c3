/**
 * The template editor's accessible primitives (bits-ui) and icons: a statement's "more actions"
 * menu opened and used from the keyboard (moving the statement to another area, deleting it),
 * the tooltip of an icon-only button on keyboard focus, closed with Escape, and a link to a field
 * inside a closed scale of an area further down, which opens what hides it.
 */
import { test, expect, expectAccessible } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';

const SOCIAL = 'Sociale kompetencer';
const PERSONAL = 'Personlige kompetencer';
const STATEMENT = 'Kan rydde op efter sig selv';

test("a statement's more actions: a keyboard menu that moves it to another area and deletes it", async ({
	loggedInPage: page,
	server
}) => {
	const editor = new TemplatePage(page);
	await editor.open(server);
	await editor.addStatement(SOCIAL, STATEMENT);
	const text = editor.statementFields(SOCIAL).last();
	await expect(text).toHaveValue(STATEMENT);

	// Into the row by keyboard, then End: the row's last control, the menu button.
	await text.focus();
	await page.keyboard.press('End');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('End');
	const more = editor.statementMenu(SOCIAL, STATEMENT);
	await expect(more).toBeFocused();
	await expect(more).toHaveAttribute('aria-haspopup', 'menu');
	// Its icon says nothing by itself: the tooltip gives the words to those who see it.
	const tooltip = page.locator('.icon-tooltip');
	await expect(tooltip).toHaveText('Flere handlinger');
	await page.keyboard.press('Escape');
	await expect(tooltip).toHaveCount(0);

	await page.keyboard.press('Enter');
	const menu = page.getByRole('menu');
	await expect(menu).toBeVisible();
	await expect(menu.getByRole('menuitem')).toHaveText([
		'Faglige kompetencer',
		PERSONAL,
		'Slet udsagnet'
	]);
	await expectAccessible(page);
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(menu.getByRole('menuitem', { name: PERSONAL })).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(menu).toHaveCount(0);
	await expect.poll(() => editor.statements(PERSONAL)).toContain(STATEMENT);
	expect(await editor.statements(SOCIAL)).not.toContain(STATEMENT);
	await expect(editor.announcer).toHaveText(`»${STATEMENT}« er flyttet til ${PERSONAL}.`);
	// Focus went along with the statement.
	await expect(editor.statementFields(PERSONAL).last()).toBeFocused();

	await editor.removeStatement(PERSONAL, STATEMENT);
	await expect(editor.announcer).toHaveText(new RegExp(`»${STATEMENT}« er slettet`));
	await expect.poll(() => editor.statements(PERSONAL)).not.toContain(STATEMENT);
	await editor.expectSaved();
});

test('a link to a level in a closed scale further down opens the scale and focuses the field', async ({
	loggedInPage: page,
	server
}) => {
	const editor = new TemplatePage(page);
	await editor.open(server);
	await editor.openScale(PERSONAL);
	const level = editor.levelLabel(PERSONAL, 2);
	const id = await level.getAttribute('id');
	const url = page.url();

	// As the problem list on the workshop page links: the page's address with the field's id.
	await page.goto('about:blank');
	await page.goto(`${url}#${id}`);
	const again = editor.levelLabel(PERSONAL, 2);
	await expect(again).toBeFocused();
	await expect(again).toBeInViewport();
	await expect(editor.area(PERSONAL).locator('details.scale').last()).toHaveAttribute('open');
});
