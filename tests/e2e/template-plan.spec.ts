/**
 * The template's second pass in the editor, with two people at once: the rating plan (one cell,
 * a whole column, a point's timing) followed live by the other person's editor and by the
 * progression table of the preview; goals with sub-goals linked to statements through the
 * searchable picker; a statement's CV phrase typed live; a statement moved to another area by
 * keyboard only; the caseworker who signs without rating. Axe on every view these open. Each test
 * undoes its own changes, so the specs can share the demo template.
 */
import { test, expect, expectAccessible } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';

const PROFESSIONAL = 'Faglige kompetencer';
const SOCIAL = 'Sociale kompetencer';

test('the rating plan, edited in two browsers, and the progression table follows', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	// Two browsers on the full template, a live preview and an axe run.
	test.slow();
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	await frida.view('Side om side');
	await frida.showOutput('Progressionsskema');
	const progression = frida.preview.getByRole('table', {
		name: /Niveau pr. målepunkt og vurderer/
	});
	const column = (name: string) => progression.getByRole('columnheader', { name, exact: true });
	const plan = (page: TemplatePage) =>
		page.page.getByRole('region', { name: 'Hvem vurderer hvad hvornår' });
	const cell = (page: TemplatePage) =>
		plan(page).getByRole('checkbox', {
			name: 'Virksomheden vurderer faglige kompetencer ved midtvejs'
		});

	// The company rates the trade skills midway (the starter's plan); Jonas says it does not.
	await expect(column('Midtvejs: Virksomheden')).toBeVisible();
	await expect(cell(frida)).toBeChecked();
	await cell(jonas).focus();
	await expect(plan(frida)).toContainText('Jonas Jobkonsulent er her');
	await cell(jonas).press('Space');
	await expect(cell(frida)).not.toBeChecked();
	await expect(column('Midtvejs: Virksomheden')).toHaveCount(0);

	// A whole column at the start: the company rates every area there too.
	await expect(column('Start: Virksomheden')).toHaveCount(0);
	await plan(jonas)
		.getByRole('button', { name: 'Alle områder, som Virksomheden vurderer ved start' })
		.click();
	await expect(column('Start: Virksomheden')).toBeVisible();
	await expect(
		plan(frida).getByRole('checkbox', {
			name: 'Virksomheden vurderer sociale kompetencer ved start'
		})
	).toBeChecked();

	// Midway becomes ongoing follow-up every second week; the plan's heading says so.
	const when = jonas.page.getByRole('combobox', { name: 'Hvornår er målepunktet »Midtvejs«' });
	await when.selectOption({ label: 'Løbende med faste mellemrum' });
	const weeks = jonas.page.getByRole('spinbutton', {
		name: 'Antal uger mellem hver gang (målepunktet »Midtvejs«)'
	});
	await weeks.fill('0');
	await weeks.press('Tab');
	await expect(jonas.page.getByText('Skriv et helt antal uger mellem 1 og 52.')).toBeVisible();
	await weeks.fill('2');
	await weeks.press('Tab');
	await expect(plan(frida).getByRole('table').nth(1)).toContainText('Midtvejs – hver 2. uge');
	await expectAccessible(loggedInPage);

	// Jonas takes back his own changes, one undo step each; Frida sees the starter's plan again.
	await jonas.expectSaved();
	for (let i = 0; i < 4; i++) await jonas.historyButton('Fortryd').click();
	await expect(cell(frida)).toBeChecked();
	await expect(column('Midtvejs: Virksomheden')).toBeVisible();
	await expect(column('Start: Virksomheden')).toHaveCount(0);

	// The facilitator locks the plan: Jonas can read it, not change it, and sees why.
	const lock = plan(frida).getByRole('button', { name: 'Lås planen Hvem vurderer hvad hvornår' });
	await lock.click();
	// The button now says what pressing it does.
	const unlock = plan(frida).getByRole('button', {
		name: 'Lås planen op Hvem vurderer hvad hvornår'
	});
	await expect(unlock).toBeVisible();
	await expect(cell(jonas)).toBeDisabled({ timeout: 3000 });
	await expect(plan(jonas)).toContainText('Du kan læse planen, men ikke ændre den.');
	await expect(
		jonas.page.getByRole('combobox', { name: 'Hvornår er målepunktet »Midtvejs«' })
	).toBeEnabled();
	await unlock.click();
	await expect(cell(jonas)).toBeEnabled({ timeout: 3000 });
	await frida.expectSaved();
});

test('goals with sub-goals linked to statements, and the caseworker who signs', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	test.slow();
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	const goals = (page: TemplatePage) => page.page.getByRole('region', { name: 'Mål og delmål' });

	// The starter's goal part arrived whole: heading, sub-goals, statuses.
	await expect(goals(frida).getByRole('checkbox', { name: /har mål og delmål/ })).toBeChecked();
	await expect(goals(frida).getByRole('textbox', { name: 'Overskrift på målet' })).toHaveValue(
		'Mit mål'
	);
	await expect(goals(frida).getByRole('textbox', { name: 'Trin 3' })).toHaveValue('Nået');

	// Frida adds a sub-goal and links a statement by searching for it.
	const newSubGoal = goals(frida).getByRole('textbox', { name: 'Nyt delmål' });
	await newSubGoal.fill('Kunne holde orden på lageret');
	await newSubGoal.press('Enter');
	const subGoals = (page: TemplatePage) =>
		goals(page)
			.getByRole('listitem')
			.filter({ has: page.page.getByRole('textbox', { name: /^Delmål \d+$/ }) });
	const item = subGoals(frida).last();
	await expect(item.getByRole('textbox', { name: /^Delmål \d+$/ })).toHaveValue(
		'Kunne holde orden på lageret'
	);
	await item.getByText('Knyt kompetenceudsagn').click();
	await item.getByRole('searchbox', { name: 'Søg i kompetenceudsagnene' }).fill('datoer');
	await item
		.getByRole('checkbox', {
			name: 'Kan holde øje med datoer og tage varer ud efter butikkens regler'
		})
		.check();
	await expectAccessible(loggedInPage);

	// Jonas sees the sub-goal with its statement, and types in its text live.
	const jonasItem = subGoals(jonas).last();
	await expect(
		jonasItem.getByRole('button', {
			name: 'Fjern »Kan holde øje med datoer og tage varer ud efter butikkens regler« fra delmålet »Kunne holde orden på lageret«'
		})
	).toBeVisible();
	const text = jonasItem.getByRole('textbox', { name: /^Delmål \d+$/ });
	await expect(text).toHaveValue('Kunne holde orden på lageret');
	await text.press('End');
	await text.pressSequentially(' og i butikken');
	await expect(
		goals(frida)
			.getByRole('textbox', { name: /^Delmål \d+$/ })
			.last()
	).toHaveValue('Kunne holde orden på lageret og i butikken');

	// The caseworker signs without rating: a signer with no rater.
	const signers = frida.page.getByRole('group', { name: 'Hvem skriver under?' });
	await expect(signers.getByRole('textbox', { name: /^Underskriver \d+$/ }).last()).toHaveValue(
		'Sagsbehandler'
	);
	await expect(
		signers.getByRole('combobox', { name: 'Er også vurderer (underskriveren »Sagsbehandler«)' })
	).toHaveValue('');

	await jonas.expectSaved();
	await goals(frida)
		.getByRole('button', { name: 'Slet Kunne holde orden på lageret og i butikken' })
		.click();
	await expect(
		goals(jonas)
			.getByRole('textbox', { name: /^Delmål \d+$/ })
			.last()
	).not.toHaveValue(/lageret/);
});

test('a CV phrase typed live, and a statement moved to another area by keyboard', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	test.slow();
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	const statement = 'Kan sætte priser og skilte på varerne, så de passer';

	// The CV phrase sits in the statement's details; Jonas sees Frida's typing.
	await frida.openStatementDetails(PROFESSIONAL, statement);
	const phrase = frida.area(PROFESSIONAL).getByRole('textbox', {
		name: `CV-sætning til »${statement}« (skrevet i jeg-form)`
	});
	await expect(phrase).toHaveValue(/^Jeg /);
	const original = await phrase.inputValue();
	await phrase.press('End');
	await phrase.pressSequentially(' i butikken');
	await jonas.openStatementDetails(PROFESSIONAL, statement);
	await expect(
		jonas.area(PROFESSIONAL).getByRole('textbox', {
			name: `CV-sætning til »${statement}« (skrevet i jeg-form)`
		})
	).toHaveValue(/ i butikken$/);
	await phrase.fill(original);
	await expect(
		jonas.area(PROFESSIONAL).getByRole('textbox', {
			name: `CV-sætning til »${statement}« (skrevet i jeg-form)`
		})
	).toHaveValue(original);

	// Moving by keyboard only: the statement's "more actions" menu lists the other areas.
	const more = frida.statementMenu(PROFESSIONAL, statement);
	await more.focus();
	await loggedInPage.keyboard.press('Enter');
	const menu = loggedInPage.getByRole('menu');
	await expect(menu).toBeVisible();
	await loggedInPage.keyboard.press('ArrowDown');
	await expect(menu.getByRole('menuitem', { name: SOCIAL })).toBeFocused();
	await loggedInPage.keyboard.press('Enter');
	await expect(menu).toHaveCount(0);
	await expect.poll(() => jonas.statements(SOCIAL)).toContain(statement);
	await expect.poll(() => jonas.statements(PROFESSIONAL)).not.toContain(statement);
	const moved = frida
		.area(SOCIAL)
		.getByRole('textbox', { name: /^Kompetenceudsagn \d+ i / })
		.last();
	await expect(moved).toBeFocused();
	await expect(moved).toHaveValue(statement);
	await expect(frida.announcer).toContainText(`»${statement}« er flyttet til ${SOCIAL}.`);
	await expectAccessible(loggedInPage);

	// And back again, for the other specs.
	await frida.historyButton('Fortryd').click();
	await expect.poll(() => jonas.statements(PROFESSIONAL)).toContain(statement);
	await frida.expectSaved();
});
