/**
 * After a vote the facilitator keeps the chosen statements in one step: the result is ranked with
 * the most-dotted candidate preselected, the facilitator picks the area for new statements and
 * presses one button, and the statement is in the template.
 */
import { test, expect, expectAccessible } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';

const DEMO = 'Læringsbevis for unge i virksomhedspraktik';
const PERSONAL = 'Personlige kompetencer';
const WINNER = 'Rydder op efter sig selv';

test('the facilitator keeps the chosen statement of a closed vote in the template', async ({
	loggedInPage: facilitator,
	secondUser: participant,
	server
}) => {
	await facilitator.goto(`${server.url}/workshops`);
	await facilitator.getByRole('link', { name: DEMO }).click();
	await facilitator.getByRole('link', { name: 'Kør dagen' }).click();
	await expect(facilitator.getByRole('heading', { level: 1, name: 'Kør dagen' })).toBeVisible();
	const runUrl = facilitator.url();
	await facilitator.getByLabel('Spørgsmål').fill('Hvilke nye udsagn skal med?');
	await facilitator.getByLabel('Prikker pr. person').fill('1');
	await facilitator
		.getByLabel('Andre kandidater (ét udsagn pr. linje)')
		.fill(`${WINNER}\nKan arbejde i eget tempo\nHolder styr på sine ting`);
	await facilitator.getByRole('button', { name: 'Åbn afstemningen' }).click();
	await expect(facilitator.getByText('Afstemningen er åbnet.')).toBeVisible();

	await participant.goto(runUrl);
	const participantVote = participant.getByRole('region', {
		name: /^Hvilke nye udsagn skal med\?/
	});
	await participantVote.getByRole('button', { name: `Giv en prik til ${WINNER}` }).click();
	await expect(participantVote.getByText('Du har 0 prikker tilbage af 1.')).toBeVisible();

	const vote = facilitator.getByRole('region', { name: /^Hvilke nye udsagn skal med\?/ });
	// No keeping while the vote is open.
	await expect(vote.getByRole('button', { name: 'Behold de valgte udsagn' })).toHaveCount(0);
	await vote.getByRole('button', { name: 'Luk afstemningen' }).click();
	await expect(vote.getByText('Afstemningen er lukket.')).toBeVisible();

	// The one with a dot is chosen already; the others are not.
	await expect(vote.getByRole('checkbox', { name: new RegExp(`^${WINNER}`) })).toBeChecked();
	await expect(vote.getByRole('checkbox', { name: /^Kan arbejde i eget tempo/ })).not.toBeChecked();
	await expectAccessible(facilitator);
	await vote.getByLabel('Område til de nye udsagn').selectOption({ label: PERSONAL });
	await vote.getByRole('button', { name: 'Behold de valgte udsagn' }).click();
	await expect(vote.getByText('De valgte udsagn er gemt i skabelonen.')).toBeVisible();
	await expect(vote.getByRole('button', { name: 'Behold de valgte udsagn' })).toHaveCount(0);
	await expectAccessible(facilitator);

	const template = new TemplatePage(facilitator);
	await template.open(server);
	await expect.poll(() => template.statements(PERSONAL)).toContain(WINNER);
	expect(await template.statements(PERSONAL)).not.toContain('Kan arbejde i eget tempo');
});
