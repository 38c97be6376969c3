/**
 * The purpose prompt with the keyboard only (issue 14): a jobkonsulent opens a real case, is sent
 * to "Hvorfor åbner du forløbet?", picks "Andet" with the arrow keys, is taken to the text field
 * when it is left empty, writes the purpose and opens the case with Enter. The purpose is asked
 * once per case per session: the same session opens the case at once, a new session is asked
 * again. The audit log holds the read with the stated purpose. Axe on each state.
 */
import { test, expect, expectAccessible, loginWithPassword } from './fixtures.ts';
import { expectVisibleFocus, tabTo } from './pages/keyboard.ts';
import { driftMunicipality, withDriftSeeder } from '../support/cases-ui.ts';
import { openDataDir } from '../support/collab-server.ts';
import { seedCase } from '#lib/server/platform/demo-cases.ts';
import { DEMO_CASES } from '#lib/server/platform/demo-cases-data.ts';

function day(offset: number): string {
	return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

test('keyboard only: state a purpose, once per case per session', async ({ browser, server }) => {
	test.setTimeout(120_000);
	const drift = await driftMunicipality(server, 'Formaalkommune');
	const caseId = await withDriftSeeder(server, drift, (s) =>
		seedCase(s, { ...DEMO_CASES[0], firstName: 'Freja', start: day(-14), end: day(28) })
	);
	const { email, password } = drift.consultant;
	/** The reads of the case logged from here on (seeding logged its own changes). */
	const db = openDataDir(server.dataDir);
	const start = (db.prepare('SELECT MAX(id) AS n FROM audit_log').get() as { n: number }).n;
	db.close();
	const reads = () => {
		const log = openDataDir(server.dataDir);
		try {
			return log
				.prepare(
					"SELECT purpose, purpose_text AS text FROM audit_log WHERE case_id = ? AND action = 'read' AND id > ?"
				)
				.all(caseId, start)
				.map((r) => ({ ...r }));
		} finally {
			log.close();
		}
	};

	const context = await browser.newContext();
	const page = await context.newPage();
	await loginWithPassword(page, server.url, email, password);
	await page.goto(`${server.url}/cases/${caseId}`);
	await expect(page.getByRole('heading', { name: 'Hvorfor åbner du forløbet?' })).toBeVisible();
	await expectAccessible(page);

	// The radio group is one Tab stop; the arrow keys move through it to "Andet".
	const followUp = page.getByRole('radio', { name: 'Opfølgning' });
	await tabTo(page, followUp);
	await expectVisibleFocus(followUp);
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
	const other = page.getByRole('radio', { name: 'Andet' });
	await expect(other).toBeChecked();
	await expect(other).toBeFocused();
	// Submitted without a text: focus lands on the field that needs it.
	await tabTo(page, page.getByRole('button', { name: 'Åbn forløbet' }));
	await page.keyboard.press('Enter');
	const text = page.getByRole('textbox', { name: /Hvis du vælger Andet/ });
	await expect(text).toBeFocused();
	await expect(page.getByText('Skriv, hvad formålet er, når du vælger Andet.')).toBeVisible();
	await expectAccessible(page);
	await page.keyboard.type('Borgeren har klaget over en vurdering');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Åbn forløbet' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`${server.url}/cases/${caseId}`);
	await expect(page.getByRole('heading', { level: 1, name: /^Freja / })).toBeVisible();

	// Asked once per case per session: opening it again goes straight to the case.
	await page.goto(`${server.url}/cases/${caseId}`);
	await expect(page.getByRole('heading', { level: 1, name: /^Freja / })).toBeVisible();
	const stated = { purpose: 'other', text: 'Borgeren har klaget over en vurdering' };
	await expect.poll(reads).toEqual([stated, stated]);

	// Another session is asked again.
	const later = await browser.newContext();
	const again = await later.newPage();
	await loginWithPassword(again, server.url, email, password);
	await again.goto(`${server.url}/cases/${caseId}`);
	await expect(again.getByRole('heading', { name: 'Hvorfor åbner du forløbet?' })).toBeVisible();
	await later.close();
	await context.close();
});
