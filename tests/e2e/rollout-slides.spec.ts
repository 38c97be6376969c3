/**
 * Dag 3, the facilitator's own slides in the browser: one added on the dashboard, then edited
 * (the same markup as adding it; the follower on it sees the change live) and deleted (the
 * presenter standing on it moves to the step before, and the follower with it). A staff member
 * posting the dashboard's forms is refused. Axe on the dashboard with a slide open for editing.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { nextVersion } from '../support/rollout-data.ts';
import { demoDocuments } from '../support/demo-documents.ts';

const JSON_HEADERS = { 'content-type': 'application/json' };
const PURPOSE = 'Hvad læringsbeviset skal bruges til';

function heading(page: Page) {
	return page.getByRole('article').getByRole('heading', { level: 2 });
}

test('the facilitator adds, edits and deletes a slide of their own while staff follow', async ({
	loggedInPage: facilitator,
	browser,
	server
}) => {
	test.slow();
	const { workshopId } = demoDocuments(server);
	const versionId = await nextVersion(server, workshopId);
	const created = await facilitator.request.post(
		`${server.url}/api/v1/publications/${versionId}/rollouts`,
		{ headers: JSON_HEADERS }
	);
	expect(created.status()).toBe(201);
	const { id, code } = (await created.json()) as { id: string; code: string };
	const anne = await newLoggedInPage(browser, server, 'medarbejder');
	const joined = await anne.request.post(`${server.url}/api/v1/rollouts/join`, {
		headers: JSON_HEADERS,
		data: { code }
	});
	expect(joined.status()).toBe(200);
	await anne.goto(`${server.url}/rollouts/${id}`);
	await expect(heading(anne)).toHaveText(PURPOSE);

	// Added after the first step.
	const dashboard = facilitator;
	await dashboard.goto(`${server.url}/rollouts/${id}/dashboard`);
	const addForm = dashboard.locator('form[action="?/slide"]');
	await addForm.getByLabel('Overskrift').fill('Kaffepause');
	await addForm.getByLabel('Tekst').fill('Vi holder pause.');
	await addForm.getByLabel('Vis efter').selectOption({ label: PURPOSE });
	await addForm.getByRole('button', { name: 'Tilføj dias' }).click();
	await expect(dashboard.getByText('Diaset er tilføjet.')).toBeVisible();

	// The presenter moves onto it; Anne follows.
	const presenter = await facilitator.context().newPage();
	await presenter.goto(`${server.url}/rollouts/${id}/present`);
	await presenter.getByRole('button', { name: 'Næste' }).click();
	await expect(heading(presenter)).toHaveText('Kaffepause');
	await expect(heading(anne)).toHaveText('Kaffepause');

	// Edited with the same markup: Anne sees the new title, bold and list at once.
	await dashboard.getByText('Ret diaset «Kaffepause»').click();
	const editForm = dashboard.locator('form[action="?/editSlide"]');
	await expect(editForm.getByLabel('Tekst')).toHaveValue('Vi holder pause.');
	await editForm.getByLabel('Overskrift').fill('Frokostpause');
	await editForm.getByLabel('Tekst').fill('Vi spiser **sammen**.\n\n- Kantinen\n- Klokken tolv');
	await editForm.getByRole('button', { name: 'Gem' }).click();
	await expect(dashboard.getByText('Diaset er gemt.')).toBeVisible();
	await expect(heading(anne)).toHaveText('Frokostpause');
	const body = anne.getByRole('article');
	await expect(body.locator('strong', { hasText: 'sammen' })).toBeVisible();
	await expect(body.getByRole('listitem').filter({ hasText: 'Kantinen' })).toBeVisible();
	await expect(heading(presenter)).toHaveText('Frokostpause');
	// The slide stays open for editing, under its new title, with the markup as written.
	await expect(dashboard.getByText('Ret diaset «Frokostpause»')).toBeVisible();
	await expect(editForm.getByLabel('Tekst')).toBeVisible();
	await expect(editForm.getByLabel('Tekst')).toHaveValue(
		'Vi spiser **sammen**.\n\n- Kantinen\n- Klokken tolv'
	);
	await expectAccessible(dashboard);

	// A staff member cannot delete it through the dashboard's form.
	const view = await facilitator.request.get(`${server.url}/api/v1/rollouts/${id}`);
	const steps = ((await view.json()) as { steps: { id: string }[] }).steps;
	const slideId = steps.find((s) => s.id.startsWith('slide-'))!.id.slice('slide-'.length);
	// As the page's own script posts it: SvelteKit answers with the action's result as JSON.
	const refused = await anne.request.post(`${server.url}/rollouts/${id}/dashboard?/deleteSlide`, {
		form: { slideId },
		headers: { origin: server.url, accept: 'application/json', 'x-sveltejs-action': 'true' }
	});
	expect(await refused.json()).toMatchObject({ type: 'failure', status: 403 });
	await anne.reload();
	await expect(heading(anne)).toHaveText('Frokostpause');

	// Deleted: the presenter and Anne are back on the step before it.
	await dashboard.getByRole('button', { name: 'Slet diaset «Frokostpause»' }).click();
	await expect(dashboard.getByText('Diaset er slettet.')).toBeVisible();
	await expect(dashboard.getByText('Ret diaset «Frokostpause»')).toHaveCount(0);
	await expect(heading(anne)).toHaveText(PURPOSE);
	await presenter.reload();
	await expect(heading(presenter)).toHaveText(PURPOSE);
	await anne.context().close();
});
