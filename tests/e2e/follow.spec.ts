/**
 * "Follow me" with a facilitator and two participants on the template page: the facilitator
 * points at a part of the template and both participants' views move there; one steps out with
 * one click and stays put while the other keeps following; one click brings them back to what
 * the facilitator shows now. Nobody loses the field they are typing in. The run page names the
 * target, and a participant who tries to change it through the API is refused in Danish.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import da from '../../src/lib/i18n/messages/da.json' with { type: 'json' };

const SOCIAL = 'Sociale kompetencer';

/** A part of the template page: the region the facilitator can show. */
function part(page: Page, name: string) {
	return page.getByRole('region', { name, exact: true });
}

/** The facilitator's "show participants this" button on a part of the template. */
function showButton(page: Page, name: string) {
	return page.getByRole('button', { name: `Vis deltagerne dette – ${name}`, exact: true });
}

test('participants follow the facilitator, step out and come back with one click', async ({
	loggedInPage: facilitatorPage,
	secondUser: jonasPage,
	browser,
	server
}) => {
	// Three browsers on the full template and four axe runs take longer than one person's test.
	test.slow();
	const signePage = await newLoggedInPage(browser, server, 'arbejdsgruppe', 1);
	const [facilitator, jonas, signe] = [facilitatorPage, jonasPage, signePage].map(
		(page) => new TemplatePage(page)
	);
	for (const person of [facilitator, jonas, signe]) await person.open(server);
	const banner = (page: Page) => page.getByTestId('follow-banner');

	// Nothing is shown yet: participants see no banner; the facilitator sees how to lead.
	await expect(facilitatorPage.getByTestId('follow-lead')).toContainText(
		'Deltagerne følger ikke noget lige nu.'
	);
	await expect(banner(jonasPage)).toHaveCount(0);
	await expect(showButton(jonasPage, 'Underskrifter')).toHaveCount(0);

	// The facilitator shows the signatures, at the bottom of the template.
	await showButton(facilitatorPage, 'Underskrifter').click();
	await expect(showButton(facilitatorPage, 'Underskrifter')).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(facilitatorPage.getByTestId('follow-lead')).toContainText('Underskrifter');
	for (const page of [jonasPage, signePage]) {
		const signatures = part(page, 'Underskrifter');
		await expect(signatures).toBeInViewport();
		await expect(signatures).toBeFocused();
		await expect(signatures).toHaveClass(/follow-highlight/);
		await expect(banner(page)).toContainText('Du følger facilitatoren.');
		await expect(page.getByTestId('follow-announcement')).toHaveText(
			'Facilitatoren viser nu: Underskrifter.'
		);
	}
	await expectAccessible(facilitatorPage);
	await expectAccessible(jonasPage);

	// Jonas steps out with one click; the facilitator moves on to the top of the template.
	await banner(jonasPage).getByRole('button', { name: 'Gå selv rundt' }).click();
	await expect(banner(jonasPage)).toContainText('Du går selv rundt i skabelonen.');
	await showButton(facilitatorPage, 'Aftaler før praktikken').click();

	// Signe follows; Jonas stays where he was, with the new target only marked.
	const top = (page: Page) => part(page, 'Aftaler før praktikken');
	await expect(top(signePage)).toBeFocused();
	await expect(top(signePage)).toBeInViewport();
	await expect(top(jonasPage)).toHaveClass(/follow-highlight/);
	await expect(part(jonasPage, 'Underskrifter')).toBeInViewport();
	await expect(top(jonasPage)).not.toBeInViewport();
	await expect(top(jonasPage)).not.toBeFocused();
	await expectAccessible(jonasPage);

	// One click back: Jonas jumps to what the facilitator shows now.
	const back = banner(jonasPage).getByRole('button', { name: 'Følg facilitatoren igen' });
	await back.click();
	await expect(top(jonasPage)).toBeFocused();
	await expect(top(jonasPage)).toBeInViewport();
	await expect(banner(jonasPage)).toContainText('Du følger facilitatoren.');

	// Signe is typing in a field when the facilitator shows an area: she keeps her field and
	// hears where the facilitator is; her view follows once she leaves the field.
	const label = signePage.getByRole('textbox', { name: 'Titel på læringsbeviset' });
	await label.click();
	await label.press('End');
	await showButton(facilitatorPage, SOCIAL).click();
	await expect(part(jonasPage, SOCIAL)).toBeFocused();
	await expect(signePage.getByTestId('follow-announcement')).toHaveText(
		`Facilitatoren viser nu: ${SOCIAL}. Du bliver i feltet, du skriver i, og kommer derhen, når du forlader det.`
	);
	await expect(label).toBeFocused();
	await expect(part(signePage, SOCIAL)).toHaveClass(/follow-highlight/);
	await label.press('Tab');
	await expect(part(signePage, SOCIAL)).toBeInViewport();

	// The facilitator stops leading: the participants' banners go away, nobody is moved.
	await facilitatorPage
		.getByTestId('follow-lead')
		.getByRole('button', { name: 'Stop med at vise' })
		.click();
	await expect(facilitatorPage.getByRole('heading', { name: 'Det ser deltagerne' })).toBeFocused();
	await expect(banner(jonasPage)).toHaveCount(0);
	await expect(part(jonasPage, SOCIAL)).not.toHaveClass(/follow-highlight/);
	await signePage.context().close();
});

test('the run page names the target; a participant cannot change it', async ({
	loggedInPage: facilitatorPage,
	secondUser: jonasPage,
	server
}) => {
	const docs = demoDocuments(server);
	const facilitator = new TemplatePage(facilitatorPage);
	await facilitator.open(server);
	await facilitator.openScale(SOCIAL);
	await showButton(facilitatorPage, `Skala for ${SOCIAL}`).click();
	await expect(showButton(facilitatorPage, `Skala for ${SOCIAL}`)).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	// The template page installs the offline service worker; it must leave the event stream to
	// the network (a cached or relayed stream would be stale or held open by the worker).
	await new TemplatePage(jonasPage).open(server);
	await jonasPage.waitForFunction(async () => {
		await navigator.serviceWorker.ready;
		return navigator.serviceWorker.controller !== null;
	});
	const dataLoads: string[] = [];
	jonasPage.on('request', (request) => {
		if (request.url().includes('__data.json')) dataLoads.push(request.url());
	});
	const stream = jonasPage.waitForResponse((r) => r.url().includes('/run/events'));
	await jonasPage.goto(`${server.url}/workshops/${docs.workshopId}/run`);
	expect(await jonasPage.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	expect((await stream).fromServiceWorker()).toBe(false);
	const status = jonasPage.getByTestId('run-follow');
	await expect(status).toContainText('Deltagerne følger');
	await expect(status).toContainText(`Skala for ${SOCIAL}`);
	await expectAccessible(jonasPage);
	// Nothing changes for three seconds, so there is no event to wait for: the page must reload
	// its data at most once (when its stream opens), not poll or reopen the stream in a loop.
	dataLoads.length = 0;
	await jonasPage.waitForTimeout(3000);
	expect(dataLoads.length).toBeLessThanOrEqual(1);

	// Bypassing the UI from Jonas's own session: refused in Danish, and nothing changes.
	const refusal = await jonasPage.evaluate(
		async ([workshopId, documentId]) => {
			const response = await fetch(`/api/v1/workshops/${workshopId}/run/follow`, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ documentId, elementId: 'section-header' })
			});
			return { status: response.status, body: (await response.json()) as unknown };
		},
		[docs.workshopId, docs.template]
	);
	expect(refusal).toEqual({
		status: 403,
		body: { error: { code: 'forbidden', message: da.follow.error.forbidden } }
	});
	await jonasPage.reload();
	await expect(status).toContainText(`Skala for ${SOCIAL}`);

	// The facilitator shows something else: the participant's run page updates by itself.
	await facilitatorPage
		.getByRole('button', { name: 'Vis deltagerne dette – Målepunkter og vurderere' })
		.click();
	await expect(status).toContainText('Målepunkter og vurderere');
	await facilitatorPage
		.getByTestId('follow-lead')
		.getByRole('button', { name: 'Stop med at vise' })
		.click();
	await expect(status).toContainText('Facilitatoren viser ikke noget bestemt lige nu.');
});
