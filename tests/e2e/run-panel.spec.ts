/**
 * Running Dag 1 from one screen each: a facilitator and two work-group members all stay on the
 * template, with the run panel beside it. The facilitator starts the timer and opens a vote by
 * picking statements in a searchable list; the members see the current item, the time left and
 * its warnings, and vote from the panel until their dots are gone. Keeping the result adds the
 * winner and deletes nothing; only the explicit "delete the others" choice removes a statement,
 * and a comment on that statement still says what it was about.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';
import { RunPanel } from './pages/run-panel.ts';
import { resetDemoDay } from '../support/run-reset.ts';

const PERSONAL = 'Personlige kompetencer';
const FIRST_VOTE = 'Hvilket udsagn om mødetid skal med?';
const SECOND_VOTE = 'Skal vi skrive det mere præcist?';
const NEW_TEXT = 'Siger til, når noget er uklart, og spørger igen';
const SHARPER = 'Spørger, når en opgave er uklar';
const COMMENT = 'Er det ikke det samme som det første udsagn?';

// Other tests on this worker's server expect the agenda at its start with the timer paused.
test.afterEach(async ({ server }) => {
	await resetDemoDay(server);
});

/** Gives one dot to `text` in the vote `title` from the panel and waits for the answer. */
async function giveDot(page: Page, title: string, text: string): Promise<void> {
	const vote = new RunPanel(page).vote(title);
	await vote.getByRole('button', { name: `Giv en prik til ${text}` }).click();
	await expect(vote.getByText('Du har 0 prikker tilbage af 1.')).toBeVisible();
}

test('a facilitator and two members run the day from the template: timer, vote, keep, comments', async ({
	loggedInPage: fridaPage,
	secondUser: jonasPage,
	browser,
	server
}) => {
	// Three browsers on the full template, two votes and four axe runs: longer than one feature.
	test.slow();
	const signePage = await newLoggedInPage(browser, server, 'arbejdsgruppe', 1);
	// Signe's clock is ours to move, so the warnings need no real waiting.
	await signePage.clock.install();
	const [frida, jonas, signe] = [fridaPage, jonasPage, signePage].map((p) => new TemplatePage(p));
	for (const person of [frida, jonas, signe]) await person.open(server);
	const [fridaPanel, jonasPanel, signePanel] = [fridaPage, jonasPage, signePage].map(
		(p) => new RunPanel(p)
	);

	// The members see the day's first item beside the template, paused, with no controls.
	for (const panel of [jonasPanel, signePanel]) {
		await expect(panel.currentItem).toHaveText('Nu: Velkomst og mål for dagen');
		await expect(panel.root.getByText('Sat på pause')).toBeVisible();
		await expect(panel.timerButton('Start')).toHaveCount(0);
	}
	await expectAccessible(jonasPage);

	// The facilitator starts the timer from the panel; the members see the time run.
	await fridaPanel.timerButton('Start').click();
	for (const panel of [jonasPanel, signePanel]) {
		await expect(panel.root.getByText('Tiden løber')).toBeVisible();
		await expect(panel.timeLeft).toHaveText(/^(20:00|19:[0-5]\d)$/);
	}
	// 16½ of the item's 20 minutes pass: under 20 % left, then under 5 %; said, not every second.
	await signePage.clock.fastForward('16:30');
	const warning = signePanel.root.getByRole('status').filter({ hasText: 'af tiden tilbage' });
	await expect(warning).toHaveText('Under 20 % af tiden tilbage.');
	await signePage.clock.fastForward('03:00');
	await expect(warning).toHaveText('Under 5 % af tiden tilbage.');

	// A vote on two template statements, picked by searching, and one new text.
	const [punctual, focused] = await frida.statements(PERSONAL);
	const statementsBefore = await frida.statements(PERSONAL);
	await fridaPanel.openVote({
		title: FIRST_VOTE,
		dots: 1,
		statements: [
			{ search: punctual.slice(0, 14), text: punctual },
			{ search: focused.slice(0, 14), text: focused }
		],
		others: [NEW_TEXT]
	});
	await expectAccessible(fridaPage);

	// Both members vote from the panel; with no dots left the buttons say why and do nothing.
	for (const page of [jonasPage, signePage]) {
		await giveDot(page, FIRST_VOTE, NEW_TEXT);
		const vote = new RunPanel(page).vote(FIRST_VOTE);
		const noDots = 'Du har ikke flere prikker. Tag en prik fra et andet udsagn først.';
		await expect(vote.getByText(noDots)).toBeVisible();
		await expect(vote.getByRole('button', { name: `Giv en prik til ${punctual}` })).toBeDisabled();
	}
	await expectAccessible(signePage);

	// Closed and kept: the winner goes into the template, and nothing is deleted by default.
	const fridaVote = fridaPanel.vote(FIRST_VOTE);
	await fridaVote.getByRole('button', { name: 'Luk afstemningen' }).click();
	await expect(fridaVote.getByRole('checkbox', { name: new RegExp(`^${NEW_TEXT}`) })).toBeChecked();
	const removeOthers = fridaVote.getByRole('checkbox', {
		name: 'Slet også de udsagn fra skabelonen, der ikke blev valgt'
	});
	await expect(removeOthers).not.toBeChecked();
	await fridaVote.getByLabel('Område til de nye udsagn').selectOption({ label: PERSONAL });
	await fridaVote.getByRole('button', { name: 'Behold de valgte udsagn' }).click();
	await expect(fridaVote.getByText('De valgte udsagn er gemt i skabelonen.')).toBeVisible();
	await expect(fridaVote).toContainText('Ikke valgt – står stadig i skabelonen');
	for (const person of [frida, jonas]) {
		await expect.poll(() => person.statements(PERSONAL)).toEqual([...statementsBefore, NEW_TEXT]);
	}

	// Jonas comments on the new statement, right where it is.
	await jonas
		.area(PERSONAL)
		.getByRole('button', { name: `Kommentér udsagnet »${NEW_TEXT}«`, exact: true })
		.click();
	const jonasComments = jonasPage.getByRole('region', { name: 'Kommentarer', exact: true });
	await jonasComments.getByLabel(`Ny kommentar til ${NEW_TEXT}`).fill(COMMENT);
	await jonasComments.getByRole('button', { name: 'Gem kommentaren' }).click();
	await expect(jonasComments.getByText('Kommentaren er gemt.')).toBeVisible();

	// A second vote: the sharper wording wins, and this time the facilitator chooses to delete
	// the statement it replaces.
	await fridaPanel.openVote({
		title: SECOND_VOTE,
		dots: 1,
		statements: [{ search: 'uklart, og', text: NEW_TEXT }],
		others: [SHARPER]
	});
	await giveDot(signePage, SECOND_VOTE, SHARPER);
	const second = fridaPanel.vote(SECOND_VOTE);
	await second.getByRole('button', { name: 'Luk afstemningen' }).click();
	await second.getByLabel('Område til de nye udsagn').selectOption({ label: PERSONAL });
	await second
		.getByRole('checkbox', { name: 'Slet også de udsagn fra skabelonen, der ikke blev valgt' })
		.check();
	await second.getByRole('button', { name: 'Behold de valgte udsagn' }).click();
	await expect(second).toContainText('Ikke valgt – slettet fra skabelonen');
	await expect.poll(() => jonas.statements(PERSONAL)).toEqual([...statementsBefore, SHARPER]);

	// The thread on the deleted statement still says what the statement said, in the panel and
	// in the template's comment panel (which polls every few seconds).
	const deleted = `Elementet er slettet: «${NEW_TEXT}»`;
	await jonasPage.reload();
	await jonas.waitForEditor();
	const thread = new RunPanel(jonasPage).threads.getByRole('article', { name: deleted });
	await expect(thread).toContainText(COMMENT);
	await expect(thread).toContainText('Løst');
	await expectAccessible(jonasPage);
	await expectAccessible(fridaPage);
	await signePage.context().close();
});

test('the panel does not reload the page it has just loaded when its stream opens, only on a change', async ({
	loggedInPage: facilitator,
	secondUser: member,
	server
}) => {
	const reloads: string[] = [];
	member.on('request', (request) => {
		if (request.url().includes('__data.json')) reloads.push(request.url());
	});
	// The comments are fetched when the server greets the stream (they are not in the page's data),
	// in the same turn as the panel's reload would start.
	const commentsFetched = member.waitForResponse((r) =>
		/\/comments$/.test(new URL(r.url()).pathname)
	);
	await new TemplatePage(member).open(server);
	await commentsFetched;
	expect(reloads).toEqual([]);

	// Someone changes the day: now the panel reloads and shows it.
	await new TemplatePage(facilitator).open(server);
	await new RunPanel(facilitator).timerButton('Start').click();
	await expect(new RunPanel(member).root.getByText('Tiden løber')).toBeVisible();
	expect(reloads.length).toBeGreaterThan(0);
});
