import { test, expect, loginAs } from './fixtures.ts';
import { WorkshopsPage } from './pages/workshops-page.ts';
import { WorkshopPage } from './pages/workshop-page.ts';
import { demoDocuments } from '../support/demo-documents.ts';

// axe cannot run here (it injects a script); the workshop page is checked in the chromium project.
test('without JavaScript: the phase control refuses an unready template, moves a ready one, and only for facilitators', async ({
	page,
	browser,
	server
}) => {
	await loginAs(page, server, 'facilitator');
	const workshop = await new WorkshopsPage(page, server.url).create('Faser uden JavaScript');
	// A new workshop's template has not been started: every problem is listed.
	await page.getByRole('button', { name: 'Gå videre til Dag 2 Drejebog' }).click();
	const refusal = page.getByRole('alert');
	await expect(refusal).toContainText('Skabelonen er ikke klar til Dag 2.');
	await expect(refusal.getByRole('listitem')).toContainText([
		'Skabelonen mangler en titel.',
		'Skabelonen har ingen kompetenceområder. Tilføj mindst ét.',
		'Skabelonen har ingen målepunkter. Tilføj mindst ét, fx "Start".',
		'Skabelonen har ingen vurderere. Tilføj mindst én, fx "Den unge".'
	]);
	await expect(workshop.currentPhase()).toContainText('Dag 1 Format');

	// The demo template is complete: Dag 2, and back.
	const { workshopId } = demoDocuments(server);
	const demoUrl = `${server.url}/workshops/${workshopId}`;
	await page.goto(demoUrl);
	await page.getByRole('button', { name: 'Gå videre til Dag 2 Drejebog' }).click();
	await expect(page.getByRole('status')).toHaveText('Forløbet er nu i fasen Dag 2 Drejebog.');
	await expect(workshop.currentPhase()).toContainText('Dag 2 Drejebog');
	await page.getByRole('button', { name: 'Gå tilbage til Dag 1 Format' }).click();
	await expect(workshop.currentPhase()).toContainText('Dag 1 Format');

	// A work-group member has no phase control, and posting the form anyway is refused.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const member = await context.newPage();
	await loginAs(member, server, 'arbejdsgruppe');
	await member.goto(demoUrl);
	await expect(member.getByRole('button', { name: /Gå videre til/ })).toHaveCount(0);
	const response = await member.request.post(`${demoUrl}?/phase`, {
		form: { phase: 'drejebog' },
		// A browser's form post asks for HTML (SvelteKit answers `Accept: */*` with JSON, status 200).
		headers: { origin: server.url, accept: 'text/html' }
	});
	expect(response.status()).toBe(403);
	await member.reload();
	await expect(new WorkshopPage(member, server.url).currentPhase()).toContainText('Dag 1 Format');
	await context.close();
});
