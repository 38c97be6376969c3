/**
 * Dag 3's self-check in the browser: the team lead (the municipality's administrator) reads the
 * staff's readiness on its own page, as aggregates only: "< 5" while fewer than five have
 * answered at the follow-up meeting; a staff member then answers the follow-up self-check in the
 * browser on the meeting's day, and the aggregate counts the fifth. Staff cannot open the page.
 * Axe on the team lead's page and the staff member's form.
 */
import { test, expect, expectAccessible, loginWithPassword, newLoggedInPage } from './fixtures.ts';
import { createStaff, nextVersion, workshopOrgId } from '../support/rollout-data.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { ApiClient } from '../support/http.ts';
import { SELF_CHECK_ITEMS, danishDate } from '#lib/domain/rollout/index.ts';

const ANSWERS = Object.fromEntries(SELF_CHECK_ITEMS.map((item) => [item.id, 4]));

test('the team lead sees readiness only from five answers; the follow-up self-check counts', async ({
	browser,
	server
}) => {
	test.slow();
	const { workshopId } = demoDocuments(server);
	const orgId = await workshopOrgId(server, workshopId);
	const versionId = await nextVersion(server, workshopId);
	const lead = new ApiClient(server.url);
	const { email, password } = server.logins.facilitator[0];
	expect((await lead.login(email, password)).status).toBe(200);
	const created = await lead.request<{ id: string; code: string }>(
		'POST',
		`/api/v1/publications/${versionId}/rollouts`
	);
	expect(created.status).toBe(201);
	const { id, code } = created.body;
	// The follow-up learning meeting is today.
	const followUp = await lead.request('PUT', `/api/v1/rollouts/${id}/follow-up`, {
		date: danishDate(Date.now())
	});
	expect(followUp.status).toBe(204);

	// Four colleagues answer at the follow-up meeting; all five answered after the walkthrough.
	const people = await createStaff(server, orgId, 5, `ready${Date.now() % 1_000_000}`);
	for (const [index, person] of people.entries()) {
		const client = new ApiClient(server.url);
		expect((await client.login(person.email, person.password)).status).toBe(200);
		expect((await client.request('POST', '/api/v1/rollouts/join', { code })).status).toBe(200);
		const occasions = index < 4 ? ['end', 'followUp'] : ['end'];
		for (const occasion of occasions) {
			const sent = await client.request('POST', `/api/v1/rollouts/${id}/self-check`, {
				occasion,
				answers: ANSWERS
			});
			expect(sent.status).toBe(204);
		}
	}

	// The team lead finds the page from the version library; the follow-up shows "< 5".
	const admin = await newLoggedInPage(browser, server, 'administrator');
	await admin.goto(`${server.url}/publications`);
	await admin.getByRole('link', { name: 'Se medarbejdernes parathed' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Medarbejdernes parathed');
	// The version's own card (the organisation's section holds every rolled-out version).
	const version = admin.locator(`section[aria-labelledby="version-${versionId}"]`);
	await expect(version.getByRole('table')).toHaveCount(1);
	await expect(version.getByRole('table')).toContainText('5 har svaret');
	await expect(
		version.getByText('< 5 har svaret. Tallene vises først, når mindst 5 har svaret.')
	).toBeVisible();
	await expectAccessible(admin);

	// The fifth answers the follow-up self-check in the browser on the meeting's day.
	const fifth = await (await browser.newContext()).newPage();
	await loginWithPassword(fifth, server.url, people[4].email, people[4].password);
	await fifth.goto(`${server.url}/rollouts/${id}`);
	await expect(fifth.getByText('Selvtjek til opfølgningsmødet')).toBeVisible();
	// One "I nogen grad" per statement.
	const middle = fifth.getByRole('radio', { name: 'I nogen grad' });
	await expect(middle).toHaveCount(SELF_CHECK_ITEMS.length);
	for (let i = 0; i < SELF_CHECK_ITEMS.length; i++) await middle.nth(i).check();
	await expectAccessible(fifth);
	await fifth.getByRole('button', { name: 'Send selvtjek' }).click();
	await expect(fifth.getByText('Tak for dine svar.')).toBeVisible();

	// Now five answered at the follow-up: the aggregate counts the fifth's answers.
	await admin.reload();
	await expect(version.getByRole('table')).toHaveCount(2);
	const atFollowUp = version.getByRole('table').nth(1);
	await expect(atFollowUp).toContainText('5 har svaret');
	// Four said "I høj grad" (4) and one "I nogen grad" (3): 3,8 on average for every statement.
	await expect(atFollowUp.getByRole('row').nth(1)).toContainText('3,8');
	await expectAccessible(admin);

	// Staff never reach the page.
	const refused = await fifth.goto(`${server.url}/readiness`);
	expect(refused?.status()).toBe(403);
	for (const page of [admin, fifth]) await page.context().close();
});
