/**
 * The drejebog editor in the browser: two people co-write a step live (title, roles, timing, a
 * link to a measuring point of the template), a step moves between stages by keyboard, the problem
 * panel follows every change live and leads to the field, a new workshop's drejebog starts from
 * STAR's steps, and staff read it with no editing control. Axe on every view.
 */
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { DocumentPage } from './pages/document-page.ts';
import { DrejebogPage } from './pages/drejebog-page.ts';
import { WorkshopsPage } from './pages/workshops-page.ts';

test('two people co-write a step: title typed live, roles, timing and a link to a measuring point', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new DrejebogPage(loggedInPage);
	const jonas = new DrejebogPage(secondUser);
	for (const page of [loggedInPage, secondUser]) {
		await page.goto(`${server.url}${DocumentPage.path(server, 'drejebog')}`);
	}
	await frida.waitForEditor();
	await jonas.waitForEditor();
	await expectAccessible(loggedInPage);

	// Frida adds a step to "Under praktik"; it appears for Jonas at once.
	await frida
		.stage('Under praktik')
		.getByRole('textbox', { name: 'Nyt trin' })
		.fill('Ring til virksomheden');
	await frida
		.stage('Under praktik')
		.getByRole('button', { name: 'Tilføj trin til Under praktik' })
		.click();
	await expect(jonas.stepTitle('Ring til virksomheden')).toHaveValue('Ring til virksomheden');

	// Frida types on in the title; Jonas sees each character arrive and who is in the field.
	const fridaTitle = frida.stepTitle('Ring til virksomheden');
	await fridaTitle.click();
	await fridaTitle.press('End');
	await loggedInPage.keyboard.type(' efter en uge');
	const title = 'Ring til virksomheden efter en uge';
	await expect(jonas.stepTitle(title)).toHaveValue(title);
	await expect(jonas.step(title).getByText('Frida Facilitator er her')).toBeVisible();

	const fridaStep = await frida.openDetails(title);
	const jonasStep = await jonas.openDetails(title);
	await expectAccessible(secondUser);

	// Jonas ticks two roles; Frida sees them ticked.
	await jonasStep.getByRole('checkbox', { name: 'Jobkonsulenten' }).check();
	await jonasStep.getByRole('checkbox', { name: 'Virksomheden / virksomhedsmentor' }).check();
	await expect(fridaStep.getByRole('checkbox', { name: 'Jobkonsulenten' })).toBeChecked();
	await expect(
		fridaStep.getByRole('checkbox', { name: 'Virksomheden / virksomhedsmentor' })
	).toBeChecked();

	// Frida times it one week after the Midtvejs point; Jonas reads the same timing.
	await fridaStep
		.getByRole('combobox', { name: 'I forhold til' })
		.selectOption({ label: 'Et målepunkt' });
	await fridaStep
		.getByRole('combobox', { name: 'Målepunkt', exact: true })
		.selectOption({ label: 'Midtvejs' });
	await fridaStep.getByRole('spinbutton', { name: 'Antal uger' }).fill('1');
	await fridaStep.getByRole('spinbutton', { name: 'Antal uger' }).press('Tab');
	await expect(jonasStep.getByText('1 uge efter Midtvejs').first()).toBeVisible();

	// Jonas links it to the measuring point; Frida sees the link by the point's name.
	await jonasStep
		.getByRole('combobox', { name: 'Del af læringsbeviset' })
		.selectOption({ label: 'Midtvejs' });
	await expect(fridaStep.getByRole('combobox', { name: 'Del af læringsbeviset' })).toHaveValue(
		/^measurementPoint:/
	);
	await expect(fridaStep.getByText('Målepunkt: Midtvejs')).toBeVisible();

	await frida.expectSaved();
	await jonas.expectSaved();
	await secondUser.reload();
	await jonas.waitForEditor();
	const reloaded = await jonas.openDetails(title);
	await expect(reloaded.getByRole('checkbox', { name: 'Jobkonsulenten' })).toBeChecked();
	await expect(reloaded.getByRole('combobox', { name: 'Del af læringsbeviset' })).toHaveValue(
		/^measurementPoint:/
	);
});

test('a step moves into the stage before and back by keyboard, with focus kept and the move announced', async ({
	loggedInPage,
	server
}) => {
	const frida = new DrejebogPage(loggedInPage);
	await loggedInPage.goto(`${server.url}${DocumentPage.path(server, 'drejebog')}`);
	await frida.waitForEditor();
	const title = 'Sørg for en tryg opstart';
	const before = await frida.stepTitles('Før praktik');
	expect((await frida.stepTitles('Under praktik'))[0]).toBe(title);

	const input = frida.stepTitle(title);
	await input.focus();
	await loggedInPage.keyboard.press('Alt+ArrowUp');
	await expect(frida.announcer).toHaveText(
		`»${title}« er flyttet til Før praktik, plads ${before.length + 1} af ${before.length + 1}.`
	);
	await expect.poll(() => frida.stepTitles('Før praktik')).toEqual([...before, title]);
	await expect(frida.stepTitle(title)).toBeFocused();

	// Within the stage, and back down into the next stage at its top.
	await loggedInPage.keyboard.press('Alt+ArrowUp');
	await expect.poll(async () => (await frida.stepTitles('Før praktik')).at(-2)).toBe(title);
	await loggedInPage.keyboard.press('Alt+ArrowDown');
	await loggedInPage.keyboard.press('Alt+ArrowDown');
	await expect.poll(async () => (await frida.stepTitles('Under praktik'))[0]).toBe(title);
	await expect(frida.stepTitle(title)).toBeFocused();
	await expect(frida.announcer).toHaveText(
		`»${title}« er flyttet til Under praktik, plads 1 af ${(await frida.stepTitles('Under praktik')).length}.`
	);
	await expect.poll(() => frida.stepTitles('Før praktik')).toEqual(before);
});

test('a new workshop’s drejebog starts from STAR’s steps and its problems follow every change live', async ({
	loggedInPage: page,
	server
}) => {
	const workshop = await new WorkshopsPage(page, server.url).create('Forløb med drejebog');
	await workshop.documentLink('Drejebog').click();
	await expect(page.getByRole('heading', { name: 'Sådan starter I drejebogen' })).toBeVisible();
	await expectAccessible(page);
	await expect(page.getByRole('radio', { name: /STAR's trin/ })).toBeChecked();
	await page.getByRole('button', { name: 'Start drejebogen' }).click();

	const editor = new DrejebogPage(page);
	await editor.waitForEditor();
	await expect(
		editor.problems.getByText('Drejebogen er klar. Der er intet, der mangler.')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Drejebogen er klar' })).toBeVisible();
	await expectAccessible(page);

	// Emptying a step's title is a problem at once, listed with a link to the field.
	const title = 'Overvej jobklub';
	const input = editor.stepTitle(title);
	await input.fill('');
	const problem = editor.problems.getByRole('link', { name: /mangler en titel: hvad sker der\?/ });
	await expect(problem).toBeVisible();
	await expect(page.getByRole('link', { name: '1 ting mangler' })).toBeVisible();
	await problem.click();
	await expect(page.locator('input[aria-invalid="true"]')).toBeFocused();
	await page.keyboard.type('Overvej jobklub');
	await expect(
		editor.problems.getByText('Drejebogen er klar. Der er intet, der mangler.')
	).toBeVisible();

	// Removing the goal-setting step leaves the drejebog without one; undo brings it back.
	const goals = 'Aftal mål og delmål med den unge';
	await editor
		.step(goals)
		.getByRole('button', { name: `Slet ${goals}` })
		.click();
	await expect(
		editor.problems.getByRole('link', { name: /Intet trin aftaler mål og delmål før praktikken/ })
	).toBeVisible();
	await page
		.getByRole('group', { name: 'Fortryd og gentag' })
		.getByRole('button', { name: 'Fortryd' })
		.click();
	await expect(
		editor.problems.getByText('Drejebogen er klar. Der er intet, der mangler.')
	).toBeVisible();
	await expect(editor.stepTitle(goals)).toHaveValue(goals);
	await expectAccessible(page);
});

test('staff read the drejebog with no editing control', async ({ browser, server }) => {
	const page = await newLoggedInPage(browser, server, 'medarbejder');
	await page.goto(`${server.url}${DocumentPage.path(server, 'drejebog')}`);
	const reader = new DrejebogPage(page);
	await reader.waitForEditor();
	await expect(page.getByRole('heading', { name: 'Før praktik', level: 3 })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Aftal mål og delmål med den unge', level: 4 })
	).toBeVisible();
	await expect(page.getByText('Mål og delmål').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'CV og Min Plan' })).toBeVisible();
	// Nothing to type in, tick, choose, move or add; the introduction is read-only.
	await expect(page.getByRole('textbox', { name: /^Trin \d+ i / })).toHaveCount(0);
	await expect(page.getByRole('checkbox')).toHaveCount(0);
	await expect(page.getByRole('combobox')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /^(Tilføj|Flyt|Slet|Fortryd)/ })).toHaveCount(0);
	await expect(page.getByRole('textbox', { name: 'Indledning og noter' })).toHaveAttribute(
		'aria-readonly',
		'true'
	);
	await expectAccessible(page);
	await page.context().close();
});
