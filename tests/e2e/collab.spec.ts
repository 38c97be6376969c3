import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { DocumentPage } from './pages/document-page.ts';

const OFFLINE = 'Offline – dine ændringer gemmes på denne computer';

test('two people edit one document and see each other’s text, names and carets', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new DocumentPage(loggedInPage);
	const jonas = new DocumentPage(secondUser);
	await frida.open(server, 'drejebog');
	await jonas.open(server, 'drejebog');
	await frida.expectSaved();
	await jonas.expectSaved();

	await expect(frida.people.getByRole('listitem')).toHaveText([
		'Frida Facilitator (dig)',
		'Jonas Jobkonsulent'
	]);
	await expect(jonas.people.getByRole('listitem')).toHaveText([
		'Jonas Jobkonsulent (dig)',
		'Frida Facilitator'
	]);

	await frida.typeAtEnd('Før praktik: aftal mål med virksomheden.');
	await expect(jonas.editor).toContainText('Før praktik: aftal mål med virksomheden.');
	await jonas.typeAtEnd(' Husk mentoren.');
	await expect(frida.editor).toContainText('aftal mål med virksomheden. Husk mentoren.');
	await frida.expectSaved();
	await jonas.expectSaved();

	// Jonas's caret is in the text now (he typed last); Frida sees it with his name, and back.
	await expect(frida.caretOf('Jonas Jobkonsulent')).toBeVisible();
	await frida.editor.click();
	await expect(jonas.caretOf('Frida Facilitator')).toBeVisible();

	// Text is stored by the server: a fresh page load shows it.
	await jonas.page.reload();
	await expect(jonas.editor).toContainText('aftal mål med virksomheden. Husk mentoren.');
});

test('offline edits survive a reload without network and merge when the connection returns', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new DocumentPage(loggedInPage);
	const jonas = new DocumentPage(secondUser);
	await frida.open(server, 'drejebog');
	await jonas.open(server, 'drejebog');
	await jonas.waitUntilAvailableOffline();
	await frida.typeAtEnd('Fælles start.');
	await expect(jonas.editor).toContainText('Fælles start.');
	await jonas.expectSaved();

	await jonas.page.context().setOffline(true);
	await expect(jonas.saveState).toHaveText(OFFLINE);
	await jonas.typeAtEnd(' Skrevet uden net.');
	await frida.typeAtEnd(' Skrevet med net.');
	await expect(jonas.editor).not.toContainText('Skrevet med net.');

	await jonas.page.reload();
	await expect(jonas.editor).toContainText('Fælles start. Skrevet uden net.');
	await expect(jonas.saveState).toHaveText(OFFLINE);

	await jonas.page.context().setOffline(false);
	await jonas.expectSaved();
	await frida.expectSaved();
	for (const person of [frida, jonas]) {
		await expect(person.editor).toContainText('Skrevet uden net.');
		await expect(person.editor).toContainText('Skrevet med net.');
	}
	await expect.poll(() => frida.text()).toBe(await jonas.text());
});

test('staff see the document read-only and cannot type into it', async ({ browser, server }) => {
	const page = await newLoggedInPage(browser, server, 'medarbejder');
	const mads = new DocumentPage(page);
	await mads.open(server, 'drejebog');
	await expect(mads.saveState).toHaveText('Skrivebeskyttet');
	await expect(mads.editor).toHaveAttribute('aria-readonly', 'true');
	await expect(mads.toolbar).toHaveCount(0);
	// Wait for the text the earlier tests of this file wrote: read before the sync, `before`
	// would be empty and the comparison below would race the arriving content.
	await expect(mads.editor).not.toHaveText('');
	const before = await mads.editor.textContent();
	await mads.editor.click();
	await page.keyboard.type('Må ikke komme med');
	await expect(mads.editor).toHaveText(before ?? '');
	await page.context().close();
});

test('the document page is accessible and the toolbar works from the keyboard', async ({
	loggedInPage,
	server
}) => {
	const frida = new DocumentPage(loggedInPage);
	await frida.open(server, 'drejebog');
	await frida.expectSaved();
	await expectAccessible(loggedInPage);

	const bold = frida.toolbar.getByRole('button', { name: 'Fed' });
	await expect(bold).toHaveAttribute('aria-pressed', 'false');
	await frida.editor.click();
	await loggedInPage.keyboard.press('ControlOrMeta+End');
	// One tab stop for the toolbar, arrow keys inside it; a button hands focus back to the text.
	await loggedInPage.keyboard.press('Shift+Tab');
	await expect(bold).toBeFocused();
	await loggedInPage.keyboard.press('ArrowRight');
	await expect(frida.toolbar.getByRole('button', { name: 'Kursiv' })).toBeFocused();
	await loggedInPage.keyboard.press('ArrowLeft');
	await expect(bold).toBeFocused();
	await loggedInPage.keyboard.press('Enter');
	await expect(bold).toHaveAttribute('aria-pressed', 'true');
	await expect(frida.editor).toBeFocused();
	await loggedInPage.keyboard.type('Fed tekst');
	await expect(frida.editor.locator('strong')).toContainText('Fed tekst');
});
