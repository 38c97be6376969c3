/**
 * The Content-Security-Policy in a real browser on the production build: a facilitator and a
 * work-group member log in and open the template in two contexts; edits travel over the
 * collaboration socket, "follow me" over the run-event stream, the service worker installs, and
 * the rich-text editor has its styles without an injected <style> element. The page carries the security
 * headers, and the browser reports no CSP violation anywhere along the way.
 */
import type { Browser, Page } from '@playwright/test';
import { test, expect, expectAccessible, loginAs, type Role } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';
import { DocumentPage } from './pages/document-page.ts';
import type { TestServer } from '../support/server.ts';

type Watched = { page: Page; violations: () => Promise<string[]>; consoleErrors: string[] };

/**
 * A logged-in page that records every CSP violation from its first document on (the login
 * page included) and every console error, which is where Chromium also reports refusals.
 */
async function watchedPage(browser: Browser, server: TestServer, role: Role): Promise<Watched> {
	const context = await browser.newContext();
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}`);
		});
	});
	const page = await context.newPage();
	const consoleErrors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	await loginAs(page, server, role);
	const violations = () =>
		page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
	return { page, violations, consoleErrors };
}

test('the template works under the CSP in two browsers, with no violation reported', async ({
	browser,
	server
}) => {
	// Two browsers, the full template, a service worker install and an axe run.
	test.slow();
	const facilitator = await watchedPage(browser, server, 'facilitator');
	const member = await watchedPage(browser, server, 'arbejdsgruppe');
	const path = DocumentPage.path(server, 'template');

	// The page itself: Kit's policy with a nonce, and the other security headers.
	const response = await facilitator.page.goto(`${server.url}${path}`);
	const headers = response!.headers();
	expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("connect-src 'self'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	const facilitatorTemplate = new TemplatePage(facilitator.page);
	await facilitatorTemplate.waitForEditor();
	const memberTemplate = new TemplatePage(member.page);
	await memberTemplate.open(server);
	await facilitatorTemplate.expectSaved();
	await memberTemplate.expectSaved();

	// The collaboration socket: an edit in one browser reaches the other.
	const area = 'Sociale kompetencer';
	await memberTemplate.addStatement(area, 'Overholder aftaler om mødetid');
	await expect
		.poll(() => facilitatorTemplate.statements(area))
		.toContain('Overholder aftaler om mødetid');
	await memberTemplate.expectSaved();

	// The run-event stream: the facilitator shows a part, the member's view follows.
	await facilitator.page
		.getByRole('button', { name: 'Vis deltagerne dette – Underskrifter', exact: true })
		.click();
	await expect(member.page.getByTestId('follow-banner')).toContainText('Du følger facilitatoren.');
	await expect(member.page.getByRole('region', { name: 'Underskrifter', exact: true })).toHaveClass(
		/follow-highlight/
	);

	// The service worker (whose script carries the non-page policy) installs and takes over.
	await member.page.waitForFunction(async () => {
		await navigator.serviceWorker.ready;
		return navigator.serviceWorker.controller !== null;
	});

	// The rich-text editor (tiptap) in both browsers: its base styles come from our stylesheet,
	// not from an injected <style> element, and text travels both ways.
	const facilitatorDoc = new DocumentPage(facilitator.page);
	const memberDoc = new DocumentPage(member.page);
	await facilitatorDoc.open(server, 'drejebog');
	await memberDoc.open(server, 'drejebog');
	await expect(memberDoc.editor).toHaveCSS('white-space', 'break-spaces');
	await memberDoc.typeAtEnd(' Aftal mødetid med mentoren.');
	await expect(facilitatorDoc.editor).toContainText('Aftal mødetid med mentoren.');
	await memberDoc.expectSaved();
	await expectAccessible(member.page);

	for (const person of [facilitator, member]) {
		expect(await person.violations()).toEqual([]);
		expect(person.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
	}
	await facilitator.page.context().close();
	await member.page.context().close();
});
