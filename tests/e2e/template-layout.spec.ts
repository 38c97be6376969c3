/**
 * The template page's layout on a laptop (1366 × 768), a large screen (1920 × 1080) and a phone
 * (390 × 844), on the demo template (the retail starter) as the facilitator sees it (the most
 * controls): no sideways scrolling of the page, text fields as wide as what is typed in them,
 * statement boxes showing all their lines, field labels on one line, a toolbar that stays one
 * band, nothing fixed or sticky over a control, a preview that uses the width it has, a
 * progression table that scrolls in its own region and chart labels of at least 12 px. Screenshots of each view are attached to the test report.
 */
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';
import {
	clippedTextAreas,
	coveredControls,
	horizontalOverflow,
	narrowFields,
	smallChartTexts
} from './pages/layout-checks.ts';

const SCREENS = [
	{ name: 'laptop', width: 1366, height: 768 },
	{ name: 'large screen', width: 1920, height: 1080 },
	{ name: 'phone', width: 390, height: 844 }
];
/** "Digitale kompetencer og IT" is a typical area name; names and labels are given this room. */
const TYPICAL_CHARS = 24;
const PROFESSIONAL = 'Faglige kompetencer';

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

for (const screen of SCREENS) {
	test(`the template page fits a ${screen.name} (${screen.width} × ${screen.height})`, async ({
		loggedInPage: page,
		server
	}, testInfo) => {
		// Three views, each checked control by control and by axe: about 40 s on a quiet machine.
		test.slow();
		await page.setViewportSize({ width: screen.width, height: screen.height });
		const template = new TemplatePage(page);
		await template.open(server);
		await expect(page.getByRole('heading', { name: 'Underskrifter', exact: true })).toBeVisible();
		// Open what is closed at first, so its fields are measured too.
		await template.openScale(PROFESSIONAL);
		await page.getByText(/^Felter \(\d+\)$/).click();
		const firstRow = template.area(PROFESSIONAL).getByRole('toolbar').nth(1);
		await firstRow.getByRole('button', { name: 'CV-sætning, beskrivelse og egen skala' }).click();
		await attachScreenshot(page, testInfo, `${screen.name}: editor, top`);
		await template.area(PROFESSIONAL).scrollIntoViewIfNeeded();
		await attachScreenshot(page, testInfo, `${screen.name}: editor, first area`);
		await page.getByRole('heading', { name: 'Målepunkter og vurderere' }).scrollIntoViewIfNeeded();
		await attachScreenshot(page, testInfo, `${screen.name}: editor, measuring points`);

		expect(await horizontalOverflow(page), 'the page scrolls sideways').toBe(0);
		expect(await narrowFields(page, '.edit-column', TYPICAL_CHARS)).toEqual([]);
		// Statements of three lines on a phone show all three (their boxes grow).
		expect(await clippedTextAreas(page, '.edit-column')).toEqual([]);
		// "Kompetenceområde 4" wrapped under its squeezed field; each label is one line now.
		const labelHeights = await page
			.locator('.area-name label')
			.evaluateAll((labels) =>
				labels.map(
					(l) => l.getBoundingClientRect().height / parseFloat(getComputedStyle(l).lineHeight)
				)
			);
		expect(labelHeights.every((lines) => lines < 1.5)).toBe(true);
		expect(await coveredControls(page, 'main')).toEqual([]);
		await expectAccessible(page);

		// The toolbar stays one band when the template is locked (the lock's words used to make it
		// four lines); on a phone it is not sticky, so its height does not matter there.
		if (screen.width > 800) {
			const band = page.locator('.sticky-band');
			const lock = page.getByRole('button', { name: 'Lås skabelonen', exact: true });
			await lock.click();
			const unlock = page.getByRole('button', { name: 'Lås skabelonen op', exact: true });
			await expect(unlock).toBeVisible();
			const height = (await band.boundingBox())?.height ?? 0;
			await unlock.click();
			await expect(lock).toBeVisible();
			// The toolbar line and the facilitator's "Det ser deltagerne" line.
			expect(height).toBeLessThanOrEqual(120);
		}

		if (screen.width > 800) {
			await template.view('Side om side');
			await expect(template.preview).toBeVisible();
			await attachScreenshot(page, testInfo, `${screen.name}: side by side`);
			expect(await horizontalOverflow(page)).toBe(0);
			expect(await narrowFields(page, '.edit-column', TYPICAL_CHARS)).toEqual([]);
			expect(await coveredControls(page, 'main')).toEqual([]);
			await expectAccessible(page);
		}

		await template.view('Forhåndsvisning');
		await expect(template.preview).toBeVisible();
		await attachScreenshot(page, testInfo, `${screen.name}: preview`);
		expect(await horizontalOverflow(page), 'the preview scrolls the page sideways').toBe(0);
		// The preview uses the width there is.
		const [previewWidth, workspaceWidth] = await Promise.all([
			page.locator('.print-area').evaluate((e) => e.getBoundingClientRect().width),
			page.locator('.workspace').evaluate((e) => e.getBoundingClientRect().width)
		]);
		expect(previewWidth).toBeGreaterThan(workspaceWidth * 0.95);
		// The progressionsskema holds the wide table and the charts.
		await template.outputTab('Progressionsskema').click();
		const table = template
			.outputPanel('Progressionsskema')
			.getByRole('region', { name: 'Niveau pr. målepunkt og vurderer' });
		await expect(table).toHaveAttribute('tabindex', '0');
		await table.scrollIntoViewIfNeeded();
		await attachScreenshot(page, testInfo, `${screen.name}: progression table`);
		const overflow = await table.evaluate((e) => e.scrollWidth - e.clientWidth);
		if (screen.width > 800) expect(overflow, 'the table is cut off').toBeLessThanOrEqual(1);
		else {
			// On a phone it scrolls inside its region, by keyboard too.
			expect(overflow).toBeGreaterThan(0);
			await table.focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => table.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
		}
		await page.locator('.charts').scrollIntoViewIfNeeded();
		await attachScreenshot(page, testInfo, `${screen.name}: charts`);
		expect(await smallChartTexts(page, 12)).toEqual([]);
		expect(await coveredControls(page, 'main')).toEqual([]);
		await expectAccessible(page);
	});
}
