import { test, expect, expectAccessible } from './fixtures.ts';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { demoDocuments } from '../support/demo-documents.ts';
import { docFromStarter } from '../support/template-docs.ts';
import { commentsSchema } from '#lib/domain/api-schemas.ts';
import type { TestServer } from '../support/server.ts';
import { resetDemoDay } from '../support/run-reset.ts';

const DEMO = 'Læringsbevis for unge i virksomhedspraktik';

// Other tests on this worker's server expect the agenda at its start with the timer paused.
test.afterEach(async ({ server }) => {
	await resetDemoDay(server);
});

/** Appends a Yjs update to a document's log in the server's database, as the sync server does. */
function storeTemplateUpdate(server: TestServer, documentId: string, update: Uint8Array): void {
	const db = new DatabaseSync(path.join(server.dataDir, 'formvaerk.db'));
	try {
		db.exec('PRAGMA busy_timeout = 5000');
		db.prepare(
			'INSERT INTO doc_updates (document_id, data, author_id, created_at) VALUES (?, ?, NULL, ?)'
		).run(documentId, update, Date.now());
	} finally {
		db.close();
	}
}

/** Opens the demo workshop's run page from the workshop list, as a person would. */
async function openRunPage(page: Page, baseUrl: string): Promise<string> {
	await page.goto(`${baseUrl}/workshops`);
	await page.getByRole('link', { name: DEMO }).click();
	await page.getByRole('link', { name: 'Kør dagen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kør dagen' })).toBeVisible();
	return page.url();
}

test('the facilitator runs the agenda; a participant follows the item, time left and warnings', async ({
	loggedInPage: facilitator,
	secondUser: participant,
	server
}) => {
	const runUrl = await openRunPage(facilitator, server.url);
	await expectAccessible(facilitator);

	// The participant's browser clock is ours to move, so the warnings need no real waiting.
	await participant.clock.install();
	await participant.goto(runUrl);
	const now = participant.getByRole('heading', { level: 2, name: /^Nu: / });
	await expect(now).toHaveText('Nu: Velkomst og mål for dagen');
	await expect(participant.getByText('Sat på pause')).toBeVisible();
	await expect(participant.getByRole('button', { name: 'Start' })).toHaveCount(0);
	await expect(participant.getByRole('heading', { name: 'Rediger programmet' })).toHaveCount(0);

	await facilitator.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(facilitator.getByText('Tiden løber')).toBeVisible();
	// The server's event stream tells the participant's page, which reloads its data.
	await expect(participant.getByText('Tiden løber')).toBeVisible();
	await expect(participant.getByTestId('time-left')).toHaveText(/^(20:00|19:[45]\d)$/);

	// 16½ of the item's 20 minutes pass: 3½ minutes left is under 20 %.
	await participant.clock.fastForward('16:30');
	await expect(participant.getByText('Under 20 % af tiden tilbage.')).toBeVisible();
	await participant.clock.fastForward('03:00');
	await expect(participant.getByText('Under 5 % af tiden tilbage.')).toBeVisible();
	await expectAccessible(participant);

	await facilitator.getByRole('button', { name: 'Næste punkt' }).click();
	await expect(now).toHaveText('Nu: Hvad skal læringsbeviset vise?');
	await expect(participant.getByTestId('time-left')).toHaveText(/^(60:00|59:[45]\d)$/);
	await expect(participant.getByText('Under 5 % af tiden tilbage.')).toHaveCount(0);

	await facilitator.getByRole('button', { name: 'Pause', exact: true }).click();
	await expect(participant.getByText('Sat på pause')).toBeVisible();

	// The facilitator renames the current item; everyone sees the new name.
	await facilitator.getByLabel('Punkt 2', { exact: true }).fill('Hvad skal beviset vise?');
	await facilitator.getByRole('button', { name: 'Gem programmet' }).click();
	await expect(facilitator.getByText('Programmet er gemt.')).toBeVisible();
	await expect(now).toHaveText('Nu: Hvad skal beviset vise?');
});

test('an anonymous dot vote: participants vote within their dots, results after closing', async ({
	loggedInPage: facilitator,
	secondUser: participant,
	server
}) => {
	const runUrl = await openRunPage(facilitator, server.url);
	await facilitator.getByLabel('Spørgsmål').fill('Hvilke udsagn skal med?');
	await facilitator.getByLabel('Prikker pr. person').fill('2');
	await facilitator
		.getByLabel('Andre kandidater (ét udsagn pr. linje)')
		.fill('Møder til tiden\nSpørger om hjælp\nTager initiativ');
	await facilitator.getByRole('button', { name: 'Åbn afstemningen' }).click();
	await expect(facilitator.getByText('Afstemningen er åbnet.')).toBeVisible();

	await participant.goto(runUrl);
	const vote = participant.getByRole('region', { name: /Hvilke udsagn skal med\?/ });
	await expect(
		vote.getByText('Resultatet vises, når facilitatoren lukker afstemningen.')
	).toBeVisible();
	await expect(vote.getByText('Du har 2 prikker tilbage af 2.')).toBeVisible();
	await expectAccessible(participant);

	// Two dots stacked on one statement use them all; a third cannot be given: the buttons are
	// disabled and say why (the server refuses it too: tests/integration/api-votes.test.ts).
	await vote.getByRole('button', { name: 'Giv en prik til Møder til tiden' }).click();
	await expect(vote.getByText('Du har 1 prik tilbage af 2.')).toBeVisible();
	await vote.getByRole('button', { name: 'Giv en prik til Møder til tiden' }).click();
	await expect(vote.getByText('Du har 0 prikker tilbage af 2.')).toBeVisible();
	const noDots = 'Du har ikke flere prikker. Tag en prik fra et andet udsagn først.';
	await expect(vote.getByText(noDots)).toBeVisible();
	const another = vote.getByRole('button', { name: 'Giv en prik til Tager initiativ' });
	await expect(another).toBeDisabled();
	await expect(another).toHaveAccessibleDescription(noDots);
	// Taking a dot back frees the buttons again.
	await vote.getByRole('button', { name: 'Tag en prik fra Møder til tiden' }).click();
	await expect(another).toBeEnabled();
	// While the vote is open the participant sees their own dots only, no counts.
	await expect(vote.locator('.count')).toHaveCount(0);
	await expectAccessible(participant);
});

test('a comment thread on a template element: written, answered, resolved and counted', async ({
	loggedInPage: facilitator,
	secondUser: participant,
	server
}) => {
	const demo = demoDocuments(server);
	const api = `/api/v1/workshops/${demo.workshopId}/documents/${demo.template}/comments`;
	const before = commentsSchema.parse(
		await (await facilitator.request.get(server.url + api)).json()
	);
	if (before.elements.length === 0) {
		// Nobody has opened the demo template in this server yet: store a starter's content the
		// way the sync server stores a client's first edit.
		storeTemplateUpdate(server, demo.template, Y.encodeStateAsUpdate(docFromStarter('lager')));
	}
	const runUrl = await openRunPage(facilitator, server.url);
	const unresolved = facilitator.getByTestId('unresolved');
	const start = before.unresolvedCount;
	const unresolvedText = (n: number) => (n === 1 ? '1 uløst kommentar' : `${n} uløste kommentarer`);
	await expect(unresolved).toHaveText(unresolvedText(start));

	await participant.goto(runUrl);
	await expect(participant.getByTestId('unresolved')).toHaveCount(0);
	const element = participant.getByLabel('Hvad handler kommentaren om?');
	const label = (await element.locator('option').first().textContent())?.trim() ?? '';
	await participant.getByLabel('Kommentar', { exact: true }).fill('Kan vi sige det enklere?');
	await participant.getByRole('button', { name: 'Gem kommentaren' }).click();
	await expect(participant.getByText('Kommentaren er gemt.')).toBeVisible();
	const elementName = label.replace(/^[^:]+: /, '');
	const thread = participant.getByRole('article', { name: elementName }).last();
	await expect(thread).toContainText('Kan vi sige det enklere?');
	await expectAccessible(participant);

	// The event stream tells the facilitator's page, which counts it; the facilitator answers.
	await expect(unresolved).toHaveText(unresolvedText(start + 1));
	const facilitatorThread = facilitator.getByRole('article', { name: elementName }).last();
	await facilitatorThread
		.getByLabel(`Svar på kommentaren om ${elementName}`)
		.fill('Ja, lad os prøve.');
	await facilitatorThread.getByRole('button', { name: 'Svar' }).click();
	await expect(facilitatorThread).toContainText('Ja, lad os prøve.');

	await participant.reload();
	await thread.getByRole('button', { name: 'Markér som løst' }).click();
	await expect(thread).toContainText('Løst');
	await expect(unresolved).toHaveText(unresolvedText(start));
});
