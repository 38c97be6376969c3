/**
 * The template editor with two and three people at once: simultaneous edits in different places,
 * simultaneous reordering of the same list, undo of one's own changes only, and the preview
 * following the group live. Each test uses its own names, so they can share the demo template.
 */
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';

const SOCIAL = 'Sociale kompetencer';
const PERSONAL = 'Personlige kompetencer';
const PROFESSIONAL = 'Faglige kompetencer';

test('one adds a statement while another renames a level; both see who is where', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	await jonas.openScale(SOCIAL);
	await frida.openScale(SOCIAL);

	// Jonas is in the label of level 2: Frida sees his name at that field.
	const jonasLevel = jonas.levelLabel(SOCIAL, 2);
	await jonasLevel.focus();
	const fridaLevel = frida.levelLabel(SOCIAL, 2);
	await expect(fridaLevel.locator('..')).toContainText('Jonas Jobkonsulent er her');

	await Promise.all([
		frida.addStatement(SOCIAL, 'Kan hilse på kunderne, når de kommer ind'),
		(async () => {
			await jonasLevel.fill('Kan med en smule hjælp');
			await jonasLevel.press('Enter');
		})()
	]);

	for (const person of [frida, jonas]) {
		await expect
			.poll(() => person.statements(SOCIAL))
			.toContain('Kan hilse på kunderne, når de kommer ind');
		await expect(person.levelLabel(SOCIAL, 2)).toHaveValue('Kan med en smule hjælp');
	}
	await jonasLevel.blur();
	await expect(fridaLevel.locator('..')).not.toContainText('Jonas Jobkonsulent er her');

	// Rich text: Jonas writes bold text into the level's descriptor; Frida sees it formatted.
	await jonas
		.area(SOCIAL)
		.getByRole('button', { name: 'Rediger Beskrivelse af niveauet »Kan med en smule hjælp«' })
		.click();
	const descriptor = jonas.area(SOCIAL).getByRole('textbox', {
		name: 'Beskrivelse af niveauet »Kan med en smule hjælp«'
	});
	await expect(descriptor).toBeFocused();
	await secondUser.keyboard.press('Enter');
	await secondUser.keyboard.press('ControlOrMeta+B');
	await secondUser.keyboard.type('Spørger selv');
	await expect(frida.area(SOCIAL).locator('strong', { hasText: 'Spørger selv' })).toBeVisible();
	await frida.expectSaved();
	await jonas.expectSaved();
});

test('both reorder the same list at once, by button and by dragging, and converge', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	const before = await frida.statements(PERSONAL);
	expect(before.length).toBeGreaterThanOrEqual(4);
	const [first, last] = [before[0], before[before.length - 1]];
	await frida.expectSaved();
	await jonas.expectSaved();

	// "At once": both move while neither has the other's move yet (both briefly offline), so
	// the moves are truly concurrent and the lists do not shift under Jonas's drag.
	const offline = 'Offline – dine ændringer gemmes på denne computer';
	for (const person of [frida, jonas]) await person.page.context().setOffline(true);
	await expect(frida.saveState).toHaveText(offline);
	await expect(jonas.saveState).toHaveText(offline);
	await frida.statementButton(PERSONAL, 'Flyt ned', first).click();
	// Jonas drags the last statement onto the first place; both must be on screen for a drag.
	await secondUser.setViewportSize({ width: 1280, height: 1800 });
	const jonasItems = jonas.area(PERSONAL).locator('.statement');
	await jonasItems.nth(2).scrollIntoViewIfNeeded();
	await jonasItems.last().locator('.handle').first().dragTo(jonasItems.first());
	await expect.poll(async () => (await jonas.statements(PERSONAL))[0]).toBe(last);
	await expect.poll(async () => (await frida.statements(PERSONAL))[1]).toBe(first);
	for (const person of [frida, jonas]) await person.page.context().setOffline(false);

	await frida.expectSaved();
	await jonas.expectSaved();
	// "Gemt" says the server has each one's move, not that each has the other's yet: read both
	// lists again on every poll until they agree.
	await expect
		.poll(async () => {
			const [fridas, jonass] = [await frida.statements(PERSONAL), await jonas.statements(PERSONAL)];
			return JSON.stringify(fridas) === JSON.stringify(jonass);
		})
		.toBe(true);
	const after = await frida.statements(PERSONAL);
	// Nothing duplicated, nothing lost.
	expect([...after].sort()).toEqual([...before].sort());
	// Both moves survive the merge: Jonas's statement first, Frida's no longer first.
	expect(after[0]).toBe(last);
	expect(after.indexOf(first)).toBeGreaterThan(0);
	await loggedInPage.reload();
	await frida.waitForEditor();
	// The areas below the first render in steps after the editor's heading (progressive.svelte.ts).
	await expect.poll(() => frida.statements(PERSONAL)).toEqual(after);
});

test('undo takes back only one’s own changes, also a deletion', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	const areaLabel = frida.page.getByRole('textbox', { name: 'Kompetenceområde 1', exact: true });
	await expect(areaLabel).toHaveValue(PROFESSIONAL);

	await areaLabel.fill('Fag og opgaver');
	await areaLabel.press('Enter');
	await jonas.addStatement(SOCIAL, 'Kan sige farvel til kunderne');
	await expect.poll(() => frida.statements(SOCIAL)).toContain('Kan sige farvel til kunderne');

	await frida.historyButton('Fortryd').click();
	await expect(areaLabel).toHaveValue(PROFESSIONAL);
	await expect(
		jonas.page.getByRole('textbox', { name: 'Kompetenceområde 1', exact: true })
	).toHaveValue(PROFESSIONAL);
	// Jonas's statement stays, for both.
	expect(await frida.statements(SOCIAL)).toContain('Kan sige farvel til kunderne');
	await expect.poll(() => jonas.statements(SOCIAL)).toContain('Kan sige farvel til kunderne');

	// Redo from the keyboard (focus on a button, not in a text field).
	await frida.historyButton('Fortryd').focus();
	await loggedInPage.keyboard.press('ControlOrMeta+Shift+Z');
	await expect(areaLabel).toHaveValue('Fag og opgaver');
	await loggedInPage.keyboard.press('ControlOrMeta+Z');
	await expect(areaLabel).toHaveValue(PROFESSIONAL);

	// Jonas deletes his statement and brings it back.
	await jonas.removeStatement(SOCIAL, 'Kan sige farvel til kunderne');
	await expect(jonas.announcer).toHaveText(/»Kan sige farvel til kunderne« er slettet/);
	await expect.poll(() => frida.statements(SOCIAL)).not.toContain('Kan sige farvel til kunderne');
	await jonas.historyButton('Fortryd').click();
	await expect.poll(() => frida.statements(SOCIAL)).toContain('Kan sige farvel til kunderne');
	await frida.expectSaved();
});

test('the preview follows the group live, and editor and preview are accessible', async ({
	loggedInPage,
	secondUser,
	browser,
	server
}) => {
	// Three browsers on the full template and two axe runs: about 45 s alone on two cores, and
	// up to a minute beside the other worker, as for follow.spec.ts.
	test.slow();
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	const sara = new TemplatePage(await newLoggedInPage(browser, server, 'arbejdsgruppe', 1));
	await frida.open(server);
	await jonas.open(server);
	await sara.open(server);
	await expectAccessible(loggedInPage);

	await frida.view('Side om side');
	const preview = frida.preview;
	await frida.showOutput('Progressionsskema');
	await expect(preview.getByRole('heading', { name: 'Progressionsskema' })).toBeVisible();
	const chart = preview.getByRole('figure', { name: 'Udvikling i alle kompetencer' });
	await expect(chart.getByRole('img', { name: 'Udvikling i alle kompetencer' })).toBeVisible();

	// Jonas adds a statement, Sara renames a level and adds a measurement point.
	await jonas.addStatement(PERSONAL, 'Kan bede om en pause, når der er brug for det');
	await sara.openScale(PERSONAL);
	const level = sara.levelLabel(PERSONAL, 5);
	await level.fill('Kan vise andre, hvordan');
	await level.press('Enter');
	const newPoint = sara.page.getByRole('textbox', { name: 'Nyt målepunkt' });
	await newPoint.fill('Opfølgning');
	await newPoint.press('Enter');

	const progression = preview.getByRole('table', { name: /Niveau pr. målepunkt og vurderer/ });
	await expect(
		progression.getByRole('rowheader', { name: 'Kan bede om en pause, når der er brug for det' })
	).toBeVisible();
	await expect(preview.getByText('5. Kan vise andre, hvordan')).toBeVisible();
	await expect(
		progression.getByRole('columnheader', { name: 'Opfølgning', exact: true })
	).toBeVisible();
	await expect(chart).toContainText('Opfølgning');
	await chart.getByText(/Vis tallene bag/).click();
	await expect(
		chart.getByRole('table').getByRole('columnheader', { name: 'Opfølgning', exact: true })
	).toBeVisible();

	await frida.view('Forhåndsvisning');
	await expectAccessible(loggedInPage);

	// Sara takes the measurement point away again; the preview follows.
	await sara.page.getByRole('button', { name: 'Slet Opfølgning', exact: true }).click();
	await expect(
		progression.getByRole('columnheader', { name: 'Opfølgning', exact: true })
	).toHaveCount(0);
	await sara.page.context().close();
});
