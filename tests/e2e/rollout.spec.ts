/**
 * Dag 3 in the browser: the facilitator starts the walkthrough of a published version and
 * presents it; three staff join (by the link, by the code read aloud, on a phone), follow the
 * presenter, step back and jump back, confirm, answer and practise a læringsbevis; the
 * dashboard follows them live; a suggestion is collected into the version library's list for the
 * next version; closing puts the version in operation; a late colleague takes the
 * walkthrough alone. Axe on every view, screenshots of the projector and the phone, and the
 * presenter and follower both driven by keyboard.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, loginWithPassword, newLoggedInPage } from './fixtures.ts';
import { createStaff, publishVersion, workshopOrgId } from '../support/rollout-data.ts';
import { withServerDb } from '../support/db.ts';
import { resetDemoDay } from '../support/run-reset.ts';
import { demoDocuments } from '../support/demo-documents.ts';

const PHONE = { width: 390, height: 844 };

// Closing the session moves the workshop to Drift; other tests on this worker's server expect the
// demo workshop in Dag 1 with its day at the start (its version stays: versions are immutable).
test.afterEach(async ({ server }) => {
	// By the demo's id: other tests create workshops, and the table has no order to rely on.
	const { workshopId } = demoDocuments(server);
	await withServerDb(server.dataDir, (db) => {
		db.prepare("UPDATE workshops SET phase = 'format' WHERE id = ?").run(workshopId);
	});
	await resetDemoDay(server);
});

function heading(page: Page) {
	return page.getByRole('article').getByRole('heading', { level: 2 });
}

test('a facilitator runs Dag 3 with three staff; the version goes into operation', async ({
	loggedInPage: facilitator,
	browser,
	server
}, testInfo) => {
	// Five browsers, a dozen axe runs and live updates: well beyond one person's test.
	test.slow();
	const { workshopId } = demoDocuments(server);
	const orgId = await workshopOrgId(server, workshopId);
	// Other specs on this worker's server may have published versions of the demo before: this
	// test follows its own version by id and number.
	const publicationId = await publishVersion(server, workshopId, 'Første version til drift');
	const versionNumber = await withServerDb(server.dataDir, (db) => {
		const row = db.prepare('SELECT number FROM publications WHERE id = ?').get(publicationId) as {
			number: number;
		};
		return row.number;
	});
	const readOwnVersion = () =>
		facilitator
			.getByRole('link', { name: 'Læs versionen' })
			.and(facilitator.locator(`[href="/publications/${publicationId}"]`));
	const [bo, cecilie, late] = await createStaff(server, orgId, 3, 'e2e');

	// The facilitator starts the session from the workshop's Dag 3 page.
	await facilitator.goto(`${server.url}/workshops/${workshopId}`);
	await facilitator.getByRole('link', { name: 'Dag 3: Idriftsættelse' }).click();
	await expect(
		facilitator.getByRole('heading', { name: `Version ${versionNumber}`, exact: true })
	).toBeVisible();
	await expectAccessible(facilitator);
	// The version page is where a version is read, and where its walkthrough starts.
	await readOwnVersion().click();
	await expect(facilitator.getByRole('heading', { name: 'Dag 3: Idriftsættelse' })).toBeVisible();
	await facilitator.getByRole('button', { name: 'Start gennemgang for medarbejderne' }).click();
	await expect(facilitator).toHaveURL(/\/present$/);
	await expect(heading(facilitator)).toHaveText('Hvad læringsbeviset skal bruges til');
	const code = (await facilitator.locator('.code strong').textContent())!.replace(/\s/g, '');
	expect(code).toMatch(/^[2-9A-HJKMNP-TW-Z]{6}$/);
	await expect(facilitator.getByRole('img', { name: 'QR-kode til linket' })).toBeVisible();
	// The projector keeps the right answer to itself until the facilitator shows it.
	await expect(facilitator.getByText('(rigtigt svar)')).toHaveCount(0);
	await expectAccessible(facilitator);
	await facilitator.screenshot({ path: testInfo.outputPath('presenter.png'), fullPage: true });
	const link = (await facilitator.getByText(/\/join\?code=/).textContent())!.trim();

	// Staff join: the demo staff member by the link, Bo by the code read aloud, Cecilie on a phone.
	const anne = await newLoggedInPage(browser, server, 'medarbejder');
	await anne.goto(link);
	await expectAccessible(anne);
	await anne.getByRole('button', { name: 'Deltag' }).click();
	const boPage = await (await browser.newContext()).newPage();
	await loginWithPassword(boPage, server.url, bo.email, bo.password);
	await boPage.goto(`${server.url}/join`);
	await boPage.getByLabel('Kode').fill('AAAAAA');
	await boPage.getByRole('button', { name: 'Deltag' }).click();
	await expect(boPage.getByRole('alert')).toContainText('Koden findes ikke');
	await expectAccessible(boPage);
	await boPage.getByLabel('Kode').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
	await boPage.getByRole('button', { name: 'Deltag' }).click();
	const cecilieContext = await browser.newContext({
		viewport: PHONE,
		isMobile: true,
		hasTouch: true
	});
	const ceciliePage = await cecilieContext.newPage();
	await loginWithPassword(ceciliePage, server.url, cecilie.email, cecilie.password);
	await ceciliePage.goto(link);
	await ceciliePage.getByRole('button', { name: 'Deltag' }).click();
	const staff = [anne, boPage, ceciliePage];
	for (const page of staff) {
		await expect(page.getByText('Du følger facilitatoren.')).toBeVisible();
		await expect(heading(page)).toHaveText('Hvad læringsbeviset skal bruges til');
	}
	await expectAccessible(ceciliePage);
	await ceciliePage.screenshot({ path: testInfo.outputPath('phone.png'), fullPage: true });
	await expect(facilitator.getByRole('status').filter({ hasText: 'deltagere' })).toHaveText(
		'3 deltagere'
	);

	// The dashboard in a second tab follows everyone live.
	const dashboard = await facilitator.context().newPage();
	await dashboard.goto(facilitator.url().replace(/present$/, 'dashboard'));
	await expectAccessible(dashboard);
	const row = (name: string) => dashboard.getByRole('row', { name: new RegExp(name) });

	// Anne answers the first question and confirms the step; the dashboard shows it.
	await anne.getByRole('checkbox', { name: /følge den unges udvikling/ }).check();
	await anne.getByRole('button', { name: 'Svar' }).click();
	await expect(anne.getByRole('status').filter({ hasText: 'Rigtigt.' })).toBeVisible();
	await anne.getByRole('button', { name: 'Forstået' }).click();
	await expect(anne.getByText('Du har markeret trinnet som forstået.')).toBeVisible();
	await expect(row('Mads Medarbejder')).toContainText('1 rigtige af 1');
	await expect(dashboard.getByText(/100 % rigtige \(1 svar\)/)).toBeVisible();

	await facilitator.getByRole('button', { name: 'Vis det rigtige svar' }).click();
	await expect(facilitator.getByText('(rigtigt svar)')).toHaveCount(1);

	// The presenter moves on by keyboard; everyone follows.
	await facilitator.getByRole('button', { name: 'Næste' }).focus();
	await facilitator.keyboard.press('Enter');
	await facilitator.keyboard.press('ArrowRight');
	await expect(heading(facilitator)).toHaveText(/^Kompetenceområde: /);
	const third = await heading(facilitator).textContent();
	for (const page of staff) await expect(heading(page)).toHaveText(third!);

	// Bo steps back on his own by keyboard, stays there while the presenter moves, then jumps back.
	await boPage.getByRole('button', { name: 'Forrige' }).focus();
	await boPage.keyboard.press('Enter');
	await expect(boPage.getByText('Du går selv rundt.')).toBeVisible();
	const boHeading = await heading(boPage).textContent();
	await facilitator.keyboard.press('ArrowRight');
	await expect(heading(anne)).not.toHaveText(third!);
	await expect(heading(boPage)).toHaveText(boHeading!);
	await expect(row(bo.name)).toContainText('Trin 2');
	await boPage.getByRole('button', { name: /Gå til facilitatoren/ }).click();
	await expect(heading(boPage)).toHaveText((await heading(facilitator).textContent())!);
	await expect(boPage.getByText('Du følger facilitatoren.')).toBeVisible();

	// Cecilie, on her phone, goes ahead to the practice case and fills it in.
	const next = ceciliePage.getByRole('button', { name: 'Næste' });
	while (
		!(await ceciliePage.getByRole('heading', { name: 'Øv dig på et læringsbevis' }).isVisible())
	) {
		await next.click();
	}
	await expect(ceciliePage.getByRole('note')).toContainText('Intet gemmes');
	const first = ceciliePage.getByRole('combobox').first();
	const options = await first.locator('option').allTextContents();
	await first.selectOption({ label: options.at(-1)! });
	await ceciliePage.getByRole('button', { name: 'Vis læringsbeviset' }).click();
	await expect(
		ceciliePage.getByRole('heading', { name: /kommer med i .* læringsbevis/ })
	).toBeVisible();
	await expect(ceciliePage.locator('.result li')).toHaveCount(1);
	await expectAccessible(ceciliePage);
	await expect(row(cecilie.name)).toContainText(/Trin \d{2}/);

	// A question from Bo reaches the list for the next version.
	await boPage.getByText('Spørgsmål eller forslag').click();
	await boPage.getByLabel('Forslag til næste version').check();
	await boPage.getByLabel('Din tekst').fill('Et udsagn om at møde til tiden');
	await boPage.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(boPage.getByText('Tak. Facilitatoren har fået det.')).toBeVisible();
	await expect(dashboard.getByText('Et udsagn om at møde til tiden')).toBeVisible();
	await dashboard.getByRole('button', { name: 'Saml i listen til næste version' }).click();
	await expect(
		dashboard.getByText('Spørgsmål og forslag er samlet i listen til næste version.')
	).toBeVisible();

	// Closing puts the version in operation.
	await dashboard.getByText('Afslut og sæt versionen i drift').click();
	await dashboard.getByRole('button', { name: 'Ja, afslut og sæt i drift' }).click();
	await expect(
		dashboard.getByText('Gennemgangen er afsluttet, og versionen er i drift.')
	).toBeVisible();
	await expectAccessible(dashboard);
	for (const page of staff) {
		await expect(page.getByText('Du går gennem versionen i dit eget tempo.')).toBeVisible();
	}
	await facilitator.goto(`${server.url}/workshops/${workshopId}/rollout`);
	await expect(facilitator.getByText('I drift', { exact: true })).toBeVisible();
	// Bo's suggestion waits on the version page for the next revision.
	await readOwnVersion().click();
	await expect(facilitator.getByText('Et udsagn om at møde til tiden')).toBeVisible();
	await expectAccessible(facilitator);
	// The version library lists it for the next version, since it was collected.
	await facilitator.goto(`${server.url}/publications`);
	const nextVersion = facilitator.getByRole('region', { name: 'Til næste version' });
	await expect(nextVersion.getByText('Et udsagn om at møde til tiden')).toBeVisible();
	await expectAccessible(facilitator);

	// A colleague who missed it takes the walkthrough alone.
	const latePage = await (await browser.newContext()).newPage();
	await loginWithPassword(latePage, server.url, late.email, late.password);
	await latePage.goto(`${server.url}/join?code=${code}`);
	await latePage.getByRole('button', { name: 'Deltag' }).click();
	await expect(latePage.getByRole('alert')).toContainText('sessionen er slut');
	await withServerDb(server.dataDir, (db) => {
		// The late colleague is staff in the workshop, so its Dag 3 page is theirs to open.
		const user = db.prepare('SELECT id FROM users WHERE email = ?').get(late.email) as {
			id: string;
		};
		db.prepare(
			"INSERT INTO workshop_members (workshop_id, user_id, role, joined_at) VALUES (?, ?, 'staff', ?)"
		).run(workshopId, user.id, Date.now());
	});
	await latePage.goto(`${server.url}/workshops/${workshopId}/rollout`);
	await latePage.getByRole('button', { name: 'Gennemgå versionen alene' }).click();
	await expect(latePage.getByText('Du går gennem versionen i dit eget tempo.')).toBeVisible();
	await expect(heading(latePage)).toHaveText('Hvad læringsbeviset skal bruges til');
	await latePage.getByRole('button', { name: 'Forstået' }).click();
	await expect(latePage.getByText('Du har markeret trinnet som forstået.')).toBeVisible();
	await expectAccessible(latePage);

	for (const page of [...staff, latePage, dashboard]) await page.context().close();
});
