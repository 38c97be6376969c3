/**
 * The template's two outputs and the blank rating forms in the editor's preview, on the demo
 * template (the retail starter): switching between them with the ARIA tab pattern, the
 * læringsbevis listing the CV phrases of reached statements and never another, the
 * progressionsskema saying "Ikke vurderet" and marking cells the rating plan leaves out, a blank
 * form with only its planned statements, a phone's width, print media and a printed PDF.
 * Expectations come from the domain functions run on the template as the server stores it, which
 * is what the page reads.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { readTemplate } from '#lib/collab/template/template-read.ts';
import { describeRatingForms, exampleCase, type Template } from '#lib/domain/template/index.ts';
import { inSentence } from '#lib/domain/text.ts';
import { demoDocuments } from '../support/demo-documents.ts';
import { loadStoredDoc } from '../support/stored-doc.ts';
import type { TestServer } from '../support/server.ts';
import { expect, expectAccessible, loginAs, test } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';

/** The demo template as the server stores it: what the page's session reads. */
function storedTemplate(server: TestServer): Template {
	return readTemplate(loadStoredDoc(server.dataDir, demoDocuments(server).template));
}

/** Opens the demo template in the preview view. */
async function openPreview(page: Page, server: TestServer): Promise<TemplatePage> {
	const template = new TemplatePage(page);
	await template.open(server);
	await template.view('Forhåndsvisning');
	await expect(template.outputTab('Læringsbevis')).toBeVisible();
	return template;
}

/** The visible texts of `locator`'s matches. */
function texts(locator: Locator): Promise<string[]> {
	return locator.evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).innerText.trim()));
}

test('the læringsbevis lists what is reached in CV phrases, and nothing that is not', async ({
	loggedInPage,
	server
}) => {
	const editor = await openPreview(loggedInPage, server);
	await expect(editor.outputTab('Læringsbevis')).toHaveAttribute('aria-selected', 'true');
	const panel = editor.outputPanel('Læringsbevis');
	const template = storedTemplate(server);
	const bevis = exampleCase(template).laeringsbevis;
	const reached = bevis.competences.flatMap((c) => c.statements.map((s) => s.cvPhrase));
	const reachedIds = new Set(
		bevis.competences.flatMap((c) => c.statements.map((s) => s.statementId))
	);
	const unreached = template.areas
		.flatMap((a) => a.statements)
		.filter((s) => !reachedIds.has(s.id))
		.map((s) => s.cvPhrase);
	expect(reached.length).toBeGreaterThan(0);
	expect(unreached.length).toBeGreaterThan(0);

	const canNow = panel.getByRole('region', { name: 'Det kan jeg nu' });
	const listed = await texts(canNow.getByRole('listitem'));
	expect(listed.map((text) => text.replace(/\s*\(formel kompetence\)$/, ''))).toEqual(reached);
	const whole = await panel.innerText();
	for (const phrase of unreached) expect(whole).not.toContain(phrase);
	// Nothing that reads as a failure: no "not rated", no empty scores, no "not reached".
	expect(whole).not.toMatch(/ikke vurderet|ikke nået|vurderes ikke|ikke udfyldt/i);

	await expect(panel.getByRole('heading', { name: 'Den unges egne ord' })).toBeVisible();
	await expect(panel.getByRole('heading', { name: 'Næste skridt' })).toBeVisible();
	const signers = bevis.signature?.signers ?? [];
	expect(signers.length).toBeGreaterThan(0);
	const lines = panel.getByRole('listitem').filter({ hasText: 'Dato og underskrift' });
	await expect(lines).toHaveCount(signers.length);
	for (const [i, signer] of signers.entries()) {
		const who = signer.name ? `${signer.name}, ${inSentence(signer.label)}` : signer.label;
		await expect(lines.nth(i)).toContainText(who);
	}
	await expectAccessible(loggedInPage);
});

test('the tabs follow the ARIA pattern, and the progressionsskema shows every rating honestly', async ({
	loggedInPage,
	server
}) => {
	const editor = await openPreview(loggedInPage, server);
	// Keyboard: one tab stop, the arrows move and select, Home and End go to the ends.
	await editor.outputTab('Læringsbevis').focus();
	await loggedInPage.keyboard.press('ArrowRight');
	await expect(editor.outputTab('Progressionsskema')).toBeFocused();
	await expect(editor.outputTab('Progressionsskema')).toHaveAttribute('aria-selected', 'true');
	await expect(editor.outputTab('Læringsbevis')).toHaveAttribute('tabindex', '-1');
	await expect(editor.outputPanel('Læringsbevis')).toBeHidden();
	await loggedInPage.keyboard.press('End');
	await expect(editor.outputTab('Tomme skemaer')).toBeFocused();
	await loggedInPage.keyboard.press('ArrowRight');
	await expect(editor.outputTab('Læringsbevis')).toBeFocused();
	await loggedInPage.keyboard.press('ArrowLeft');
	await loggedInPage.keyboard.press('ArrowLeft');
	await expect(editor.outputTab('Progressionsskema')).toHaveAttribute('aria-selected', 'true');

	const panel = editor.outputPanel('Progressionsskema');
	const { progression } = exampleCase(storedTemplate(server));
	const count = (status: string) =>
		progression.rows.flatMap((r) => r.cells).filter((c) => c.status === status).length;
	const table = panel.getByRole('table', { name: /Niveau pr. målepunkt og vurderer/ });
	const notAssessed = count('notAssessed');
	expect(notAssessed).toBeGreaterThan(0);
	const agreedNotAssessed = progression.rows.filter((r) => r.agreed.status === 'notAssessed');
	// One "Ikke vurderet" per cell a rater (or the agreement) answered so, some with a comment.
	await expect(table.getByRole('cell', { name: /^Ikke vurderet/ })).toHaveCount(
		notAssessed + agreedNotAssessed.length
	);
	// Cells the rating plan leaves out show "–" and say why. The demo's stored plan decides how
	// many there are (none while every rater rates every area).
	const notPlanned = table.getByRole('cell', { name: 'Vurderes ikke her', exact: true });
	await expect(notPlanned).toHaveCount(count('notPlanned'));
	if (count('notPlanned') > 0) {
		await expect(notPlanned.first().locator('[aria-hidden="true"]')).toHaveText('–');
	}
	await expect(table.getByRole('columnheader', { name: /^Aftalt ved / })).toBeVisible();
	// Comments are numbered in the cells and written out under the table.
	const comments = progression.rows.flatMap((r) => r.cells).filter((c) => c.comment);
	expect(comments.length).toBeGreaterThan(0);
	const notes = panel
		.getByRole('region', { name: 'Kommentarer og eksempler' })
		.getByRole('listitem');
	await expect(notes).toHaveCount(comments.length);
	await expect(notes.first()).toContainText(comments[0].comment!);
	// The region scrolls the wide table and is reachable by keyboard.
	const region = panel.getByRole('region', { name: 'Niveau pr. målepunkt og vurderer' });
	await expect(region).toHaveAttribute('tabindex', '0');

	for (const name of ['Udvikling i alle kompetencer', 'Udvikling i faglige kompetencer']) {
		const chart = panel.getByRole('figure', { name });
		await expect(chart.getByRole('img', { name })).toBeVisible();
		await chart.getByText(/Vis tallene bag/).click();
		await expect(chart.getByRole('table')).toBeVisible();
	}
	await expectChartLabelsReadable(panel);
	await expectAccessible(loggedInPage);
});

test('a blank form shows only the statements its rater rates there, each with "Ikke vurderet"', async ({
	loggedInPage,
	server
}) => {
	const editor = await openPreview(loggedInPage, server);
	const panel = await editor.showOutput('Tomme skemaer');
	const template = storedTemplate(server);
	const forms = describeRatingForms(template);
	// The form with the fewest statements shows most clearly that the plan is followed.
	const size = (f: (typeof forms)[number]) => f.areas.flatMap((a) => a.statements).length;
	const form = [...forms].sort((a, b) => size(a) - size(b))[0];
	await panel
		.getByLabel('Vis skema')
		.selectOption({ label: `${form.measurementPointLabel}: ${form.raterLabel}` });
	const title = `${form.raterLabel} vurderer ved ${inSentence(form.measurementPointLabel)}`;
	const sheet = panel.getByRole('region', { name: title, exact: true });
	await expect(sheet).toBeVisible();
	await expect(panel.getByRole('heading', { level: 4 })).toHaveCount(1);

	const planned = form.areas.flatMap((a) => a.statements.map((s) => s.text));
	const tables = sheet.getByRole('table').filter({ hasNotText: 'Delmålenes status' });
	const rows = await texts(tables.getByRole('rowheader'));
	expect(rows).toEqual(planned);
	const others = template.areas
		.flatMap((a) => a.statements)
		.map((s) => s.text)
		.filter((text) => !planned.includes(text));
	const whole = await sheet.innerText();
	for (const text of others) expect(whole).not.toContain(text);
	const tableCount = await tables.count();
	expect(tableCount).toBeGreaterThan(0);
	await expect(sheet.getByRole('columnheader', { name: 'Ikke vurderet' })).toHaveCount(tableCount);
	await expect(sheet.getByText('Kommentar eller eksempel')).toHaveCount(planned.length);

	// All forms at once, each on its own printed page.
	await panel.getByLabel('Vis skema').selectOption({ label: `Alle skemaer (${forms.length})` });
	await expect(panel.getByRole('heading', { level: 4, name: / vurderer ved / })).toHaveCount(
		forms.length
	);
	await expect(panel.getByRole('button', { name: 'Udskriv alle skemaer' })).toBeVisible();
	const pdf = await printedPdf(loggedInPage);
	expect(pdf.pages).toBeGreaterThanOrEqual(forms.length);
	expect(pdf.text).not.toContain('Forhåndsvisning');
	await expectAccessible(loggedInPage);
});

test('on a phone nothing overflows sideways, and each output prints alone', async ({
	browser,
	server
}, testInfo) => {
	// Three views, a PDF and three axe runs on the full template: about 40 s alone on two cores.
	test.slow();
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await loginAs(page, server, 'facilitator');
	const editor = await openPreview(page, server);
	const bevis = exampleCase(storedTemplate(server)).laeringsbevis;

	for (const name of ['Læringsbevis', 'Progressionsskema', 'Tomme skemaer'] as const) {
		const panel = await editor.showOutput(name);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${name} overflows the page sideways`).toBeLessThanOrEqual(0);
		if (name === 'Progressionsskema') {
			const region = panel.getByRole('region', { name: 'Niveau pr. målepunkt og vurderer' });
			expect(
				await region.evaluate((el) => el.scrollWidth > el.clientWidth),
				'the table scrolls inside its region'
			).toBe(true);
			await region.focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
			await expectChartLabelsReadable(panel);
		}
		await expectAccessible(page);
		await page.emulateMedia({ media: 'print' });
		await expect(editor.outputTab(name)).toBeHidden();
		await expect(page.getByRole('heading', { name: 'Forhåndsvisning' })).toBeHidden();
		await expect(panel.getByRole('article')).toBeVisible();
		await testInfo.attach(`${name} (print)`, {
			body: await page.screenshot({ fullPage: true }),
			contentType: 'image/png'
		});
		await page.emulateMedia({ media: 'screen' });
	}

	await editor.showOutput('Læringsbevis');
	const pdf = await printedPdf(page);
	expect(pdf.text).toContain(bevis.competences[0].statements[0].cvPhrase);
	expect(pdf.text).not.toMatch(/Progressionsskema|Forhåndsvisning|Udskriv/);
	await testInfo.attach('Læringsbevis.pdf', { body: pdf.bytes, contentType: 'application/pdf' });
	await context.close();
});

/** Every axis label of the panel's charts is drawn at 12 px or more as it shows. */
async function expectChartLabelsReadable(panel: Locator): Promise<void> {
	const sizes = await panel.locator('figure svg[role="img"] text').evaluateAll((nodes) =>
		nodes.map((node) => {
			const text = node as SVGTextElement;
			const scale = text.ownerSVGElement?.getScreenCTM()?.a ?? 1;
			return parseFloat(getComputedStyle(text).fontSize) * scale;
		})
	);
	expect(sizes.length).toBeGreaterThan(0);
	expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11.99);
}

/** The page printed to PDF as Chromium prints it: its bytes, page count and text. */
async function printedPdf(page: Page): Promise<{ bytes: Buffer; pages: number; text: string }> {
	await page.emulateMedia({ media: 'print' });
	const bytes = await page.pdf({ preferCSSPageSize: true });
	await page.emulateMedia({ media: null });
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'formvaerk-pdf-')), 'out.pdf');
	fs.writeFileSync(file, bytes);
	try {
		const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
		const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		return { bytes, pages, text };
	} finally {
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
	}
}
