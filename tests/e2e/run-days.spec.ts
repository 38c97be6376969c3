/**
 * Running Dag 2 in two browsers, a facilitator and a work-group member. The facilitator moves the
 * demo workshop to Dag 2 (its template is valid), runs Day 2's own agenda on "Kør dagen" (starting
 * the timer by keyboard, then the next item) and shows the product with the example case; on the
 * drejebog the member sees the current item and the time left in the run panel, the facilitator
 * leads the member's view onto a step (by keyboard), the member comments on a step and the
 * facilitator's count follows without a reload, and a stage the facilitator locks turns read-only
 * for the member with a Danish explanation. Locks and comments reach the member's page over the
 * run-event stream, not by polling. Axe on every view.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures.ts';
import { DrejebogPage } from './pages/drejebog-page.ts';
import { RunPanel } from './pages/run-panel.ts';
import { tabTo } from './pages/keyboard.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { resetDemoDay } from '../support/run-reset.ts';
import { DEFAULT_AGENDAS } from '#lib/domain/run-days.ts';

const [WELCOME, PRODUCT] = DEFAULT_AGENDAS.drejebog.map((item) => item.title);
const SAFE_START = 'Sørg for en tryg opstart';
const NEXT_STEP = 'Tal om næste skridt i god tid';
const LAST_STAGE = 'Mod afslutningen';
const COMMENT = 'Hvem har ansvaret for at tage samtalen?';

test.afterEach(async ({ server }) => {
	// Other tests on this worker's server expect the demo workshop on Dag 1, unlocked, not led.
	const api = await resetDemoDay(server);
	const { workshopId, drejebog } = demoDocuments(server);
	const locks = `/api/v1/workshops/${workshopId}/documents/${drejebog}/locks`;
	const listed = await api.request<{ locks: { kind: string; targetId: string }[] }>('GET', locks);
	for (const lock of listed.body.locks ?? []) {
		await api.request('DELETE', `${locks}/${lock.kind}/${lock.targetId}`);
	}
	await api.request('POST', `/api/v1/workshops/${workshopId}/phase`, { phase: 'format' });
});

/** The facilitator's "show participants this" button on a part of the drejebog. */
function showButton(page: Page, name: string) {
	return page.getByRole('button', { name: `Vis deltagerne dette – ${name}`, exact: true });
}

test('the facilitator runs Dag 2 on the drejebog: agenda, product, follow me, comments, locks', async ({
	loggedInPage: fridaPage,
	secondUser: jonasPage,
	server
}) => {
	// Two browsers on the drejebog with the template read alongside, and six axe runs.
	test.slow();
	const { workshopId } = demoDocuments(server);

	// The facilitator moves the demo workshop to Dag 2.
	await fridaPage.goto(`${server.url}/workshops/${workshopId}`);
	await fridaPage.getByRole('button', { name: 'Gå videre til Dag 2 Drejebog' }).click();
	await expect(fridaPage.getByRole('status')).toContainText(
		'Forløbet er nu i fasen Dag 2 Drejebog.'
	);

	// "Kør dagen" runs Day 2's own agenda; the facilitator starts the timer by keyboard.
	await fridaPage.goto(`${server.url}/workshops/${workshopId}/run`);
	const clock = fridaPage.getByRole('region', { name: `Nu: ${WELCOME}` });
	await expect(clock).toContainText('Dag 2 · Drejebog');
	await expect(fridaPage.getByRole('heading', { name: `Nu: ${WELCOME}` })).toBeVisible();
	const start = clock.getByRole('button', { name: 'Start', exact: true });
	await tabTo(fridaPage, start);
	await fridaPage.keyboard.press('Enter');
	await expect(fridaPage.getByText('Tiden løber').first()).toBeVisible();
	await fridaPage.getByRole('button', { name: 'Næste punkt', exact: true }).click();
	await expect(fridaPage.getByRole('heading', { name: `Nu: ${PRODUCT}` })).toBeVisible();
	await expectAccessible(fridaPage);

	// The product with the example case, in large type, for the projector.
	await fridaPage
		.getByRole('link', { name: 'Vis produktet: læringsbevis og progressionsskema' })
		.click();
	await expect(fridaPage.getByRole('heading', { name: 'Vis produktet', level: 1 })).toBeVisible();
	const stage = fridaPage.getByTestId('product-stage');
	await expect(stage.getByRole('tab', { name: 'Læringsbevis' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await expect(fridaPage.getByRole('button', { name: 'Stor skrift' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await stage.getByRole('tab', { name: 'Progressionsskema' }).click();
	await expect(stage.getByRole('tabpanel')).toBeVisible();
	await expectAccessible(fridaPage);

	// Both work on the drejebog; the member sees the day's item and the time left beside it.
	const frida = new DrejebogPage(fridaPage);
	const jonas = new DrejebogPage(jonasPage);
	const drejebogUrl = `${server.url}/workshops/${workshopId}/documents/${demoDocuments(server).drejebog}`;
	// Locks and comments reach the member over the run-event stream, not by polling: count what
	// his page fetches while it is open (a poll would fetch the locks every second).
	const fetched = { locks: 0, comments: 0 };
	jonasPage.on('request', (request) => {
		const path = new URL(request.url()).pathname;
		if (request.method() !== 'GET') return;
		if (path.endsWith('/locks')) fetched.locks++;
		if (path.endsWith('/comments')) fetched.comments++;
	});
	for (const page of [fridaPage, jonasPage]) await page.goto(drejebogUrl);
	await frida.waitForEditor();
	await jonas.waitForEditor();
	const jonasPanel = new RunPanel(jonasPage);
	await expect(jonasPanel.currentItem).toHaveText(`Nu: ${PRODUCT}`);
	await expect(jonasPanel.root.getByText('Tiden løber')).toBeVisible();
	await expect(jonasPanel.timeLeft).toHaveText(/^\d\d:\d\d$/);
	await expect(jonasPanel.timerButton('Start')).toHaveCount(0);

	// Follow me onto a step, by keyboard from the step's title; the member's view moves there.
	const show = showButton(fridaPage, SAFE_START);
	await frida.stepTitle(SAFE_START).focus();
	await tabTo(fridaPage, show, 10);
	await fridaPage.keyboard.press('Enter');
	await expect(show).toHaveAttribute('aria-pressed', 'true');
	const target = jonas.step(SAFE_START);
	await expect(target).toBeFocused();
	await expect(target).toHaveClass(/follow-highlight/);
	await expect(target).toBeInViewport();
	await expect(jonasPage.getByTestId('follow-banner')).toContainText('Du følger facilitatoren.');
	await expect(jonasPage.getByTestId('follow-announcement')).toHaveText(
		`Facilitatoren viser nu: ${SAFE_START}.`
	);
	await expectAccessible(jonasPage);

	// The member comments on a step; the facilitator's count follows without a reload.
	const count = fridaPage.getByTestId('template-unresolved');
	await expect(count).toHaveText('0 uløste kommentarer');
	await jonas
		.step(NEXT_STEP)
		.getByRole('button', { name: `Kommentér trinnet »${NEXT_STEP}«` })
		.click();
	await jonasPage.getByLabel(`Ny kommentar til ${NEXT_STEP}`).fill(COMMENT);
	await jonasPage.getByRole('button', { name: 'Gem kommentaren' }).click();
	await expect(jonasPage.getByText('Kommentaren er gemt.')).toBeVisible();
	await expect(count).toHaveText('1 uløst kommentar');
	await expect(
		frida.step(NEXT_STEP).getByRole('button', { name: `1 kommentar til trinnet »${NEXT_STEP}«` })
	).toBeVisible();
	await expect(new RunPanel(fridaPage).threads).toContainText(COMMENT);
	await expectAccessible(jonasPage);

	// The facilitator locks the last stage; the member can read it but no longer edit it.
	await expect(jonas.stepTitle(NEXT_STEP)).toBeEditable();
	const lock = fridaPage.getByRole('button', { name: `Lås fasen ${LAST_STAGE}`, exact: true });
	await lock.click();
	// The button now says what pressing it does.
	await expect(
		fridaPage.getByRole('button', { name: `Lås fasen op ${LAST_STAGE}`, exact: true })
	).toBeVisible();
	const locked = jonas.stage(LAST_STAGE);
	await expect(locked).toContainText(
		'Låst af facilitatoren. Du kan læse fasen og dens trin, men ikke ændre dem.'
	);
	await expect(locked.getByRole('heading', { name: NEXT_STEP })).toBeVisible();
	await expect(locked.getByRole('textbox')).toHaveCount(0);
	await expect(jonas.stepTitle(SAFE_START)).toBeEditable();
	// The facilitator is not bound by the lock.
	await expect(frida.stepTitle(NEXT_STEP)).toBeEditable();
	// "CV og Min Plan" too: the member then reads the rule.
	const rule = jonasPage.getByRole('region', { name: 'CV og Min Plan', exact: true });
	await expect(rule.getByRole('combobox').first()).toBeVisible();
	await fridaPage.getByRole('button', { name: 'Lås reglen CV og Min Plan', exact: true }).click();
	await expect(jonasPage.getByText('Du kan læse reglen, men ikke ændre den.')).toBeVisible();
	await expect(rule.getByRole('combobox')).toHaveCount(0);
	await expect(
		new RunPanel(fridaPage).root.getByRole('button', { name: `Lås op ${LAST_STAGE}` })
	).toBeVisible();
	await expectAccessible(jonasPage);
	await expectAccessible(fridaPage);
	// Once when the stream opened, once per announced change (his comment, the lock); the
	// facilitator's pointing and the timer fetch neither.
	expect(fetched.locks).toBeLessThanOrEqual(3);
	expect(fetched.comments).toBeLessThanOrEqual(4);
});
