/**
 * Dag 1 end to end with a facilitator and two participants, each in their own browser: the
 * facilitator starts the agenda, runs an anonymous vote and keeps the winning statement, shows
 * everyone where it landed, the group comments on it, the facilitator answers and locks the
 * agreed area, and finally closes Dag 1. The single features have their own, deeper tests; this
 * one shows they work together in the order a workshop day uses them.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';
import { WorkshopPage } from './pages/workshop-page.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { resetDemoDay } from '../support/run-reset.ts';
import { locksResponseSchema } from '#lib/domain/template/locks.ts';

const PERSONAL = 'Personlige kompetencer';
const QUESTION = 'Hvilket udsagn mangler vi under personlige kompetencer?';
const WINNER = 'Overholder aftaler om mødetid og pauser';
const LOSER = 'Er altid i godt humør';
const COMMENT = 'Skal vi skrive "aftalte" i stedet for "aftaler om"?';

test.afterEach(async ({ server }) => {
	// Other tests on this worker's server expect the demo workshop in Dag 1, nothing locked,
	// nobody led anywhere, and the agenda at its start with the timer paused.
	const api = await resetDemoDay(server);
	const { workshopId, template } = demoDocuments(server);
	await api.request('POST', `/api/v1/workshops/${workshopId}/phase`, { phase: 'format' });
	const locksPath = `/api/v1/workshops/${workshopId}/documents/${template}/locks`;
	const { locks } = locksResponseSchema.parse((await api.request('GET', locksPath)).body);
	for (const lock of locks) {
		await api.request('DELETE', `${locksPath}/${lock.kind}/${lock.targetId}`);
	}
});

/** The vote card with the day's question. */
function voteCard(page: Page) {
	return page.getByRole('region', { name: new RegExp(`^${QUESTION.replace('?', '\\?')}`) });
}

test('a facilitator and two participants run Dag 1 from agenda to closing the day', async ({
	loggedInPage: frida,
	secondUser: jonas,
	browser,
	server
}) => {
	// Three people in three browsers through the whole day take longer than one feature's test.
	test.slow();
	const signe = await newLoggedInPage(browser, server, 'arbejdsgruppe', 1);
	const { workshopId } = demoDocuments(server);
	const runUrl = `${server.url}/workshops/${workshopId}/run`;

	// The agenda: the facilitator starts the first item; both participants see it running.
	await frida.goto(runUrl);
	await jonas.goto(runUrl);
	await signe.goto(runUrl);
	await frida.getByRole('button', { name: 'Start', exact: true }).click();
	for (const page of [jonas, signe]) {
		await expect(page.getByText('Tiden løber')).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: /^Nu: / })).toBeVisible();
	}
	// The timer lives on the server: a reload of a participant or the facilitator keeps it running.
	for (const page of [jonas, frida]) {
		await page.reload();
		await expect(page.getByText('Tiden løber')).toBeVisible();
	}

	// An anonymous vote with one dot each; both participants vote for the same statement. Typed
	// after hydration, so the enhanced form posts it (typing before it is kept as well:
	// typed-early.spec.ts).
	await expect(frida.locator('html[data-hydrated]')).toBeAttached();
	await frida.getByLabel('Spørgsmål').fill(QUESTION);
	await frida.getByLabel('Prikker pr. person').fill('1');
	await frida.getByLabel('Andre kandidater (ét udsagn pr. linje)').fill(`${WINNER}\n${LOSER}`);
	await frida.getByRole('button', { name: 'Åbn afstemningen' }).click();
	await expect(frida.getByText('Afstemningen er åbnet.')).toBeVisible();
	for (const page of [jonas, signe]) {
		const vote = voteCard(page);
		await vote.getByRole('button', { name: `Giv en prik til ${WINNER}` }).click();
		await expect(vote.getByText('Du har 0 prikker tilbage af 1.')).toBeVisible();
		// Nobody sees counts while the vote is open.
		await expect(vote.locator('.count')).toHaveCount(0);
	}
	await expectAccessible(signe);

	// The facilitator closes it, sees the result and keeps the winner in one step.
	const fridaVote = voteCard(frida);
	await fridaVote.getByRole('button', { name: 'Luk afstemningen' }).click();
	await expect(fridaVote.getByRole('checkbox', { name: new RegExp(`^${WINNER}`) })).toBeChecked();
	await expect(
		fridaVote.getByRole('checkbox', { name: new RegExp(`^${LOSER}`) })
	).not.toBeChecked();
	await fridaVote.getByLabel('Område til de nye udsagn').selectOption({ label: PERSONAL });
	await fridaVote.getByRole('button', { name: 'Behold de valgte udsagn' }).click();
	await expect(fridaVote.getByText('De valgte udsagn er gemt i skabelonen.')).toBeVisible();
	// The participants see the result once it is closed.
	await expect(voteCard(jonas).locator('.count').first()).toBeVisible();

	// Everyone opens the template; the facilitator shows the area the statement went into.
	const [fridaTemplate, jonasTemplate, signeTemplate] = [frida, jonas, signe].map(
		(page) => new TemplatePage(page)
	);
	for (const person of [fridaTemplate, jonasTemplate, signeTemplate]) await person.open(server);
	await frida
		.getByRole('button', { name: `Vis deltagerne dette – ${PERSONAL}`, exact: true })
		.click();
	for (const page of [jonas, signe]) {
		const area = page.getByRole('region', { name: PERSONAL, exact: true });
		await expect(area).toBeFocused();
		await expect(area).toBeInViewport();
	}
	await expect.poll(() => signeTemplate.statements(PERSONAL)).toContain(WINNER);
	expect(await signeTemplate.statements(PERSONAL)).not.toContain(LOSER);

	// Signe comments on the kept statement; the facilitator sees the count, answers and resolves.
	await signeTemplate
		.area(PERSONAL)
		.getByRole('button', { name: `Kommentér udsagnet »${WINNER}«`, exact: true })
		.click();
	const signePanel = signe.getByRole('region', { name: 'Kommentarer' });
	await signePanel.getByLabel(`Ny kommentar til ${WINNER}`).fill(COMMENT);
	await signePanel.getByRole('button', { name: 'Gem kommentaren' }).click();
	await expect(signePanel.getByText('Kommentaren er gemt.')).toBeVisible();
	const fridaComment = fridaTemplate
		.area(PERSONAL)
		.getByRole('button', { name: `1 kommentar til udsagnet »${WINNER}«`, exact: true });
	await fridaComment.click();
	const thread = frida
		.getByRole('region', { name: 'Kommentarer' })
		.getByRole('article', { name: WINNER });
	await expect(thread).toContainText(COMMENT);
	await thread.getByLabel(`Svar på kommentaren om ${WINNER}`).fill('Ja, det er klarere.');
	await thread.getByRole('button', { name: 'Svar' }).click();
	await thread.getByRole('button', { name: 'Markér som løst' }).click();
	await expect(thread).toContainText('Løst');

	// The area is agreed: the facilitator locks it and the participants can only read it.
	await frida.getByRole('button', { name: `Lås området ${PERSONAL}`, exact: true }).click();
	await expect(
		frida.getByRole('button', { name: `Lås området op ${PERSONAL}`, exact: true })
	).toBeVisible();
	for (const person of [jonasTemplate, signeTemplate]) {
		const scope = person.page
			.locator('.lock-scope[data-lock-kind="area"]')
			.filter({ has: person.area(PERSONAL) });
		// Editors poll the locks every second.
		await expect(scope).toContainText('Låst af facilitatoren', { timeout: 3000 });
		await expect(
			person.area(PERSONAL).getByRole('textbox', { name: 'Nyt kompetenceudsagn' })
		).toHaveCount(0);
	}
	await expectAccessible(jonas);

	// The day ends: the facilitator moves the workshop on to Dag 2, and the group can only read.
	await frida.goto(`${server.url}/workshops/${workshopId}`);
	const workshop = new WorkshopPage(frida, server.url);
	await frida.getByRole('button', { name: 'Gå videre til Dag 2 Drejebog' }).click();
	await expect(workshop.currentPhase()).toContainText('Dag 2 Drejebog');
	await jonas.reload();
	await expect(jonas.getByRole('button', { name: /^Slet / })).toHaveCount(0);
	await expect(jonas.getByRole('button', { name: /^Flere handlinger/ })).toHaveCount(0);
	await expectAccessible(frida);
});
