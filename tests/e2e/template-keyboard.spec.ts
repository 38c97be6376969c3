/**
 * The template editor with the keyboard only: choosing a starter, adding statements and
 * reordering them (Alt+arrow keys and the move buttons), with focus kept and every move announced.
 * Each statement row is one Tab stop, a toolbar whose controls are reached with the arrow keys.
 * It runs on a workshop of its own, so the template starts empty (the starter chooser).
 */
import { test, expect, expectAccessible } from './fixtures.ts';
import { WorkshopsPage } from './pages/workshops-page.ts';
import { TemplatePage } from './pages/template-page.ts';
import { tabTo } from './pages/keyboard.ts';
import { resetDemoDay } from '../support/run-reset.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { withServerDb } from '../support/db.ts';

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

	// Back into the last statement: its row is one Tab stop, its text. Alt+Arrow Up twice moves
	// it to the top, and focus moves with it.
	await page.keyboard.press('Shift+Tab');
	const lastText = editor.statementFields(AREA).last();
	await expect(lastText).toBeFocused();
	await expect(lastText).toHaveValue('Kan tale med kunder');
	await page.keyboard.press('Alt+ArrowUp');
	await expect(editor.announcer).toHaveText('»Kan tale med kunder« er flyttet til plads 2 af 3.');
	await page.keyboard.press('Alt+ArrowUp');
	await expect(editor.announcer).toHaveText('»Kan tale med kunder« er flyttet til plads 1 af 3.');
	await expect
		.poll(() => editor.statements(AREA))
		.toEqual(['Kan tale med kunder', 'Kan pakke varer ud', 'Kan feje gulvet']);
	const moved = editor.statementFields(AREA).first();
	await expect(moved).toBeFocused();

	// Arrow keys walk the row's controls: Right at the end of the text leaves it; "Flyt op" is
	// disabled on the first row, so it is skipped.
	await page.keyboard.press('End');
	const row = editor.statementRow(AREA, 'Kan tale med kunder');
	for (const stop of [
		row.getByRole('combobox', { name: 'Type af kompetence for »Kan tale med kunder«' }),
		row.getByRole('button', { name: 'CV-sætning, beskrivelse og egen skala' }),
		row.getByRole('button', { name: 'Kommentér udsagnet »Kan tale med kunder«' }),
		row.getByRole('button', { name: 'Flyt ned Kan tale med kunder' })
	]) {
		await page.keyboard.press('ArrowRight');
		await expect(stop).toBeFocused();
	}
	await expect(row.getByRole('button', { name: 'Flyt op Kan tale med kunder' })).toBeDisabled();

	// The move buttons work from the keyboard too and keep focus on the pressed button.
	const down = editor.statementButton(AREA, 'Flyt ned', 'Kan tale med kunder');
	await expect(down).toBeFocused();
	await page.keyboard.press('Enter');
	await expect
		.poll(() => editor.statements(AREA))
		.toEqual(['Kan pakke varer ud', 'Kan tale med kunder', 'Kan feje gulvet']);
	await expect(down).toBeFocused();
	await expect(editor.announcer).toHaveText('»Kan tale med kunder« er flyttet til plads 2 af 3.');

	// Home and End jump to the row's first and last control; Tab leaves the row at once.
	await page.keyboard.press('End');
	await expect(editor.statementMenu(AREA, 'Kan tale med kunder')).toBeFocused();
	await page.keyboard.press('Home');
	await expect(editor.statementFields(AREA).nth(1)).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(editor.statementFields(AREA).nth(2)).toBeFocused();

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

test('keyboard only: the third area is a handful of Tabs from the top, through the contents', async ({
	loggedInPage: page,
	server
}, info) => {
	// The count includes the run panel, so it starts from the day as a new workshop has it: other
	// tests on this worker's server may have left votes, comment threads or the agenda moved on.
	await resetDemoDay(server);
	const { workshopId } = demoDocuments(server);
	await withServerDb(server.dataDir, (db) => {
		db.exec('PRAGMA foreign_keys = ON');
		db.prepare('DELETE FROM votes WHERE workshop_id = ?').run(workshopId);
		db.prepare(
			'DELETE FROM comments WHERE document_id IN (SELECT id FROM documents WHERE workshop_id = ?)'
		).run(workshopId);
	});
	const editor = new TemplatePage(page);
	await editor.open(server);
	await expect(page.getByRole('heading', { name: 'Underskrifter', exact: true })).toBeVisible();
	const contents = page.getByRole('navigation', { name: 'Gå til' });
	const third = contents.getByRole('link', { name: 'Personlige kompetencer', exact: true });

	/** Presses Tab until the contents link of the third area has focus; returns how many. */
	async function tabsToThirdArea(): Promise<number> {
		let tabs = 0;
		while (!(await third.evaluate((link) => link === document.activeElement))) {
			await page.keyboard.press('Tab');
			tabs++;
			expect(tabs, 'the contents link is never reached').toBeLessThan(40);
		}
		return tabs;
	}

	// From the top of the page (focus on the document), as a keyboard user arrives: the skip
	// link and the app's header (7), the way back (1), the run panel beside the document, which
	// comes first in reading order (fold, the timer's three buttons, the agenda, a new vote: 6),
	// the toolbar (view, lock, comments, state: 4) and the contents (the header, the goals, the
	// areas, 1, 2, 3: 6). Each statement row used to be eight stops.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	const tabs = await tabsToThirdArea();
	expect(tabs).toBeLessThanOrEqual(24);
	await page.keyboard.press('Enter');
	const name = page.getByRole('textbox', { name: 'Kompetenceområde 3', exact: true });
	await expect(name).toBeFocused();
	await expect(name).toHaveValue('Personlige kompetencer');
	await expect(name).toBeInViewport();
	info.annotations.push({ type: 'Tabs from the top to the third area', description: `${tabs}` });

	// With the skip link ("Gå til indhold"): the way back, the run panel, the toolbar and the
	// contents.
	await page.reload();
	await expect(third).toBeVisible();
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Gå til indhold' })).toBeFocused();
	await page.keyboard.press('Enter');
	expect(1 + (await tabsToThirdArea())).toBeLessThanOrEqual(18);
	await page.keyboard.press('Enter');
	await expect(name).toBeFocused();

	// What looks disabled is disabled: nothing to undo yet, the first statement cannot move up.
	await expect(editor.historyButton('Fortryd')).toBeDisabled();
	const [first] = await editor.statements('Faglige kompetencer');
	await expect(editor.statementButton('Faglige kompetencer', 'Flyt op', first)).toBeDisabled();
	await expect(page.locator('main [aria-disabled]')).toHaveCount(0);
	await expectAccessible(page);
});
