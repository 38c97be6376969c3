/**
 * Live typing in the template's plain text fields, in two browser contexts, as the first trial of
 * Dag 1 found it broken: merely focusing a field used to write its old value back on blur, and of
 * two people typing in one field only the last to press Enter kept their text. Now typing is sent
 * as it happens and merged character by character; focus writes nothing.
 */
import { test, expect, expectAccessible } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';

const TITLE = 'Titel på læringsbeviset';

test('a member who only clicks into the title never undoes the facilitator’s new title', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	const fridaTitle = loggedInPage.getByRole('textbox', { name: TITLE });
	const jonasTitle = secondUser.getByRole('textbox', { name: TITLE });
	const before = await jonasTitle.inputValue();

	// Jonas clicks into the title and types nothing.
	await jonasTitle.click();
	await expect(jonasTitle).toBeFocused();
	await expect(fridaTitle.locator('..')).toContainText('Jonas Jobkonsulent er her');

	// Frida changes the title and presses Enter; Jonas sees it while still in the field.
	await fridaTitle.fill('Læringsbevis – praktik i butik og lager');
	await fridaTitle.press('Enter');
	await expect(jonasTitle).toHaveValue('Læringsbevis – praktik i butik og lager');
	await expect(jonasTitle).toBeFocused();

	// Jonas leaves the field: the new title stays, for both and on the server.
	await jonasTitle.press('Tab');
	await expect(jonasTitle).not.toBeFocused();
	await jonas.expectSaved();
	await frida.expectSaved();
	for (const title of [fridaTitle, jonasTitle]) {
		await expect(title).toHaveValue('Læringsbevis – praktik i butik og lager');
	}
	expect(before).not.toBe('Læringsbevis – praktik i butik og lager');
	await loggedInPage.reload();
	await frida.waitForEditor();
	await expect(fridaTitle).toHaveValue('Læringsbevis – praktik i butik og lager');
});

test('two people typing in the same field at the same time both keep every character', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	const area = 'Sociale kompetencer';
	await frida.addStatement(area, 'Kan hjælpe en kunde');
	await expect.poll(() => jonas.statements(area)).toContain('Kan hjælpe en kunde');
	const fridaField = frida.statementFields(area).last();
	const jonasField = jonas.statementFields(area).last();
	await expect(fridaField).toHaveValue('Kan hjælpe en kunde');
	await expect(jonasField).toHaveValue('Kan hjælpe en kunde');

	// Frida types at the start, Jonas at the end, at the same time, key by key.
	await fridaField.click();
	await fridaField.press('ControlOrMeta+Home');
	await jonasField.click();
	await jonasField.press('ControlOrMeta+End');
	await Promise.all([
		fridaField.pressSequentially('Selv ', { delay: 40 }),
		jonasField.pressSequentially(' med at finde en vare', { delay: 40 })
	]);
	const merged = 'Selv Kan hjælpe en kunde med at finde en vare';
	await expect(fridaField).toHaveValue(merged);
	await expect(jonasField).toHaveValue(merged);
	// Each one's caret stayed where they were typing.
	expect(await fridaField.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(5);
	expect(await jonasField.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
		merged.length
	);

	// Both type at the very same place: each keeps their word in one piece. (Plain End would go
	// to the end of the wrapped line in the textarea.)
	await fridaField.press('ControlOrMeta+End');
	await Promise.all([
		fridaField.pressSequentially(' i dag', { delay: 40 }),
		jonasField.pressSequentially(' og i morgen', { delay: 40 })
	]);
	await expect
		.poll(async () => (await fridaField.inputValue()) === (await jonasField.inputValue()))
		.toBe(true);
	const final = await fridaField.inputValue();
	expect(final).toMatch(/^Selv Kan hjælpe en kunde med at finde en vare/);
	expect(final).toContain(' i dag');
	expect(final).toContain(' og i morgen');
	expect(final).toHaveLength(merged.length + ' i dag'.length + ' og i morgen'.length);
	await frida.expectSaved();
	await jonas.expectSaved();
	await expectAccessible(loggedInPage);
});
