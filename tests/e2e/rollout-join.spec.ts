/**
 * Dag 3's join flow in the browser: a staff member who opens the session's link logged out logs
 * in and comes straight back to the join page with the code filled in, and joins; a new colleague
 * without an account opens the link, creates the account from the invitation in their e-mail and
 * comes back to the join page by themselves, joins and follows the presenter; a person of another
 * municipality is refused with a Danish message and joins nothing. Axe on the pages.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, newLoggedInPage } from './fixtures.ts';
import { nextVersion } from '../support/rollout-data.ts';
import { createMunicipality } from '../support/db.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { ApiClient } from '../support/http.ts';

function heading(page: Page) {
	return page.getByRole('article').getByRole('heading', { level: 2 });
}

async function logIn(page: Page, email: string, password: string) {
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Adgangskode').fill(password);
	await page.getByRole('button', { name: 'Log ind' }).click();
}

test('joining logged out, with a new account from an invitation, and from another municipality', async ({
	browser,
	server
}) => {
	test.slow();
	const { workshopId } = demoDocuments(server);
	const versionId = await nextVersion(server, workshopId);
	const facilitator = new ApiClient(server.url);
	const login = server.logins.facilitator[0];
	expect((await facilitator.login(login.email, login.password)).status).toBe(200);
	const created = await facilitator.request<{ id: string; code: string; url: string }>(
		'POST',
		`/api/v1/publications/${versionId}/rollouts`
	);
	expect(created.status).toBe(201);
	const { id, code } = created.body;
	const link = `${server.url}/join?code=${code}`;
	const joinPath = new RegExp(`/join\\?code=${code}$`);

	// Logged out: the link asks for a login and then leads back into the session.
	const anne = await (await browser.newContext()).newPage();
	await anne.goto(link);
	await expect(anne).toHaveURL(/\/login\?next=/);
	const staff = server.logins.medarbejder[0];
	await logIn(anne, staff.email, staff.password);
	await expect(anne).toHaveURL(joinPath);
	await expect(anne.getByLabel('Kode')).toHaveValue(code);
	await expectAccessible(anne);
	await anne.getByRole('button', { name: 'Deltag' }).click();
	await expect(anne).toHaveURL(`${server.url}/rollouts/${id}`);
	await expect(anne.getByText('Du følger facilitatoren.')).toBeVisible();

	// A new colleague has no account: the login page points to the invitation in their e-mail,
	// which creates the account and leads back to the join link by itself.
	const email = `ny.kollega.${Date.now()}@kommune.example`;
	const invited = await facilitator.request<{ url: string }>(
		'POST',
		`/api/v1/workshops/${workshopId}/invitations`,
		{ email, role: 'staff' }
	);
	expect(invited.status).toBe(201);
	const nina = await (await browser.newContext()).newPage();
	await nina.goto(link);
	await expect(nina).toHaveURL(/\/login\?next=/);
	await expect(nina.getByText('Opret den fra invitationen i din e-mail')).toBeVisible();
	await expectAccessible(nina);
	await nina.goto(invited.body.url);
	await nina.getByLabel('Dit navn').fill('Nina Nyansat');
	await nina.getByLabel('Vælg en adgangskode').fill('et-langt-kodeord-1');
	await nina.getByRole('button', { name: 'Opret konto og deltag' }).click();
	await expect(nina).toHaveURL(joinPath);
	await expect(nina.getByText('Logget ind som Nina Nyansat')).toBeVisible();
	await expect(nina.getByLabel('Kode')).toHaveValue(code);
	await nina.getByRole('button', { name: 'Deltag' }).click();
	await expect(nina).toHaveURL(`${server.url}/rollouts/${id}`);
	await expect(nina.getByText('Du følger facilitatoren.')).toBeVisible();
	// …and follows the presenter's next move.
	const presenter = await newLoggedInPage(browser, server, 'facilitator');
	await presenter.goto(`${server.url}/rollouts/${id}/present`);
	const first = await heading(presenter).textContent();
	await presenter.getByRole('button', { name: 'Næste' }).click();
	await expect(heading(presenter)).not.toHaveText(first!);
	const moved = await heading(presenter).textContent();
	await expect(heading(nina)).toHaveText(moved!);

	// Another municipality's person is refused and stays outside.
	const other = await createMunicipality(server.dataDir, `Fjernby ${Date.now() % 100000}`);
	const outsider = await (await browser.newContext()).newPage();
	await outsider.goto(link);
	await logIn(outsider, other.admin.email, other.admin.password);
	await expect(outsider).toHaveURL(joinPath);
	await outsider.getByRole('button', { name: 'Deltag' }).click();
	await expect(outsider.getByRole('alert')).toContainText('anden kommune');
	await expectAccessible(outsider);
	const peek = await outsider.goto(`${server.url}/rollouts/${id}`);
	expect(peek?.status()).toBe(404);

	// The facilitator's list has the two from this municipality and not the outsider.
	const view = await facilitator.request<{
		facilitator: { participants: { name: string }[] };
	}>('GET', `/api/v1/rollouts/${id}`);
	const names = view.body.facilitator.participants.map((p) => p.name);
	expect(names).toContain('Nina Nyansat');
	expect(names).toHaveLength(2);
	for (const page of [anne, nina, outsider, presenter]) await page.context().close();
});
