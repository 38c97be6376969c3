/**
 * Locks in the template editor with a facilitator and a work-group member in two browsers: the
 * facilitator locks an area and the member sees it read-only with a Danish explanation within
 * about a second; an edit the member made offline to a part that was locked meanwhile is refused
 * by the server when they come back, and their editor puts the locked text back and says why.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures.ts';
import { TemplatePage } from './pages/template-page.ts';

const SOCIAL = 'Sociale kompetencer';
const PERSONAL = 'Personlige kompetencer';
const PROFESSIONAL = 'Faglige kompetencer';

/**
 * The facilitator's lock button of an area: it says what pressing it does now, "Lås området"
 * while open and "Lås området op" while locked.
 */
function areaLockButton(page: Page, areaLabel: string, isLocked = false): Locator {
	const action = isLocked ? 'Lås området op' : 'Lås området';
	return page.getByRole('button', { name: `${action} ${areaLabel}`, exact: true });
}

/** The lockable part around an area: its lock control and the area itself. */
function areaScope(template: TemplatePage, areaLabel: string): Locator {
	return template.page
		.locator('.lock-scope[data-lock-kind="area"]')
		.filter({ has: template.area(areaLabel) });
}

test('the facilitator locks an area; the member sees it read-only and why, until it is unlocked', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	const label = jonas.area(SOCIAL).getByRole('textbox', { name: 'Kompetenceområde 2' });
	await expect(label).toHaveValue(SOCIAL);
	await expect(label).not.toHaveAttribute('readonly');
	// The member gets no lock buttons.
	await expect(areaLockButton(secondUser, SOCIAL)).toHaveCount(0);
	// He is in the middle of editing a level's description when the lock comes.
	await jonas.openScale(SOCIAL);
	await jonas
		.area(SOCIAL)
		.getByRole('button', { name: /^Rediger Beskrivelse af niveauet/ })
		.first()
		.click();
	const descriptor = jonas.area(SOCIAL).getByRole('textbox', { name: /^Beskrivelse af niveauet/ });
	await expect(descriptor).toBeFocused();

	await areaLockButton(loggedInPage, SOCIAL).click();
	const unlock = areaLockButton(loggedInPage, SOCIAL, true);
	await expect(unlock).toBeVisible();
	await expect(areaLockButton(loggedInPage, SOCIAL)).toHaveCount(0);
	await expect(areaScope(frida, SOCIAL)).toContainText('Låst for arbejdsgruppen');
	// The facilitator is not bound by the lock.
	await expect(
		frida.area(SOCIAL).getByRole('textbox', { name: 'Kompetenceområde 2' })
	).not.toHaveAttribute('readonly');

	// The member’s editor follows within about a second (the run-event stream announces the lock).
	await expect(areaScope(jonas, SOCIAL)).toContainText(
		'Låst af facilitatoren. Du kan læse området, men ikke ændre det.',
		{ timeout: 3000 }
	);
	await expect(label).toHaveAttribute('readonly');
	await expect(descriptor).toHaveCount(0);
	const area = jonas.area(SOCIAL);
	await expect(area.getByRole('textbox', { name: 'Nyt kompetenceudsagn' })).toHaveCount(0);
	await expect(area.getByRole('button', { name: /^Slet / })).toHaveCount(0);
	await expect(area.getByRole('button', { name: /^Flere handlinger/ })).toHaveCount(0);
	// With the scale open, its descriptors would offer "Rediger" if they were editable.
	await expect(area.getByRole('button', { name: /^Rediger / })).toHaveCount(0);
	await expect(jonas.levelLabel(SOCIAL, 1)).toHaveAttribute('readonly');
	// Other areas stay open.
	await expect(
		jonas.area(PERSONAL).getByRole('textbox', { name: 'Nyt kompetenceudsagn' })
	).toBeVisible();
	await expectAccessible(secondUser);
	await expectAccessible(loggedInPage);

	await unlock.click();
	await expect(areaLockButton(loggedInPage, SOCIAL)).toBeVisible();
	await expect(label).not.toHaveAttribute('readonly', { timeout: 3000 });
	await expect(areaScope(jonas, SOCIAL)).not.toContainText('Låst af facilitatoren');
});

test('an offline edit to a part locked meanwhile is refused, restored and explained', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	await jonas.expectSaved();

	// Jonas renames an area without a network; nothing is locked as far as his editor knows.
	await secondUser.context().setOffline(true);
	const label = jonas.area(PERSONAL).getByRole('textbox', { name: 'Kompetenceområde 3' });
	// Typing is stored as it happens (no Enter); the area's region takes the new name at once.
	await label.fill('Personlige evner');
	await expect(jonas.area('Personlige evner')).toBeVisible();

	// Meanwhile Frida locks that area.
	await areaLockButton(loggedInPage, PERSONAL).click();
	await expect(areaLockButton(loggedInPage, PERSONAL, true)).toBeVisible();

	// Back online, his editor sends the rename; the server refuses it (the editor's own guard is
	// bypassed, as with any client that did not know about the lock).
	await secondUser.context().setOffline(false);
	const notice = secondUser.getByRole('status').filter({ hasText: 'facilitatoren har låst' });
	await expect(notice).toContainText(
		'Din ændring rørte en del, som facilitatoren har låst, og blev ikke gemt. Den låste tekst er sat tilbage.'
	);
	await expect(
		jonas.area(PERSONAL).getByRole('textbox', { name: 'Kompetenceområde 3' })
	).toHaveValue(PERSONAL);
	await expect(areaScope(jonas, PERSONAL)).toContainText('Låst af facilitatoren');
	await jonas.expectSaved();
	// Nothing of the refused edit reached anyone, and an edit elsewhere is stored normally.
	await expect(frida.area(PERSONAL)).toBeVisible();
	await expect(loggedInPage.getByRole('region', { name: 'Personlige evner' })).toHaveCount(0);
	await jonas.addStatement(PROFESSIONAL, 'Kan aflevere til tiden efter en lås');
	await expect
		.poll(() => frida.statements(PROFESSIONAL))
		.toContain('Kan aflevere til tiden efter en lås');
	await expectAccessible(secondUser);
	await notice.getByRole('button', { name: 'Luk beskeden' }).click();
	await expect(secondUser.getByText('facilitatoren har låst')).toHaveCount(0);

	// A reload keeps the server's text: the offline copy of the refused edit is gone.
	await secondUser.reload();
	await jonas.waitForEditor();
	await expect(jonas.area(PERSONAL)).toBeVisible();

	await areaLockButton(loggedInPage, PERSONAL, true).click();
	await expect(areaLockButton(loggedInPage, PERSONAL)).toBeVisible();
});

test('a scale lock covers only the scale; a template lock covers everything', async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	await jonas.openScale(PROFESSIONAL);

	const scaleLock = loggedInPage.getByRole('button', {
		name: `Lås skalaen ${PROFESSIONAL}`,
		exact: true
	});
	const scaleUnlock = loggedInPage.getByRole('button', {
		name: `Lås skalaen op ${PROFESSIONAL}`,
		exact: true
	});
	await scaleLock.click();
	await expect(scaleUnlock).toBeVisible();
	await expect(jonas.levelLabel(PROFESSIONAL, 1)).toHaveAttribute('readonly', { timeout: 3000 });
	await expect(
		secondUser
			.locator('.lock-scope[data-lock-kind="scale"]')
			.filter({ hasText: 'Låst af facilitatoren' })
	).toContainText('Du kan læse skalaen, men ikke ændre den.');
	await expect(
		jonas.area(PROFESSIONAL).getByRole('textbox', { name: 'Kompetenceområde 1' })
	).not.toHaveAttribute('readonly');
	await scaleUnlock.click();
	await expect(scaleLock).toBeVisible();
	await expect(jonas.levelLabel(PROFESSIONAL, 1)).not.toHaveAttribute('readonly', {
		timeout: 3000
	});

	const templateLock = loggedInPage.getByRole('button', { name: 'Lås skabelonen', exact: true });
	const templateUnlock = loggedInPage.getByRole('button', {
		name: 'Lås skabelonen op',
		exact: true
	});
	await templateLock.click();
	await expect(templateUnlock).toBeVisible();
	await expect(secondUser.getByText('Du kan læse skabelonen, men ikke ændre den.')).toBeVisible({
		timeout: 3000
	});
	await expect(secondUser.getByRole('textbox', { name: 'Nyt kompetenceområde' })).toHaveCount(0);
	await expect(jonas.historyButton('Fortryd')).toHaveCount(0);
	await expect(
		jonas.area(PERSONAL).getByRole('textbox', { name: 'Kompetenceområde 3' })
	).toHaveAttribute('readonly');
	// The facilitator keeps editing.
	await expect(loggedInPage.getByRole('textbox', { name: 'Nyt kompetenceområde' })).toBeVisible();
	await expectAccessible(secondUser);
	await templateUnlock.click();
	await expect(templateLock).toBeVisible();
	await expect(secondUser.getByRole('textbox', { name: 'Nyt kompetenceområde' })).toBeVisible({
		timeout: 3000
	});
});

test("a lock on a statement's own scale also keeps the member from removing that scale", async ({
	loggedInPage,
	secondUser,
	server
}) => {
	const frida = new TemplatePage(loggedInPage);
	const jonas = new TemplatePage(secondUser);
	await frida.open(server);
	await jonas.open(server);
	const [statement] = await frida.statements(PERSONAL);
	const item = (template: TemplatePage) =>
		template
			.area(PERSONAL)
			.locator('li.statement')
			.filter({ hasText: 'CV-sætning, beskrivelse og egen skala' })
			.first();
	const ownScale = (template: TemplatePage) =>
		item(template).getByRole('checkbox', { name: /^Udsagnet har sin egen skala/ });

	await item(frida).getByText('CV-sætning, beskrivelse og egen skala').click();
	await ownScale(frida).check();
	await loggedInPage.getByRole('button', { name: `Lås skalaen ${statement}`, exact: true }).click();
	const unlock = loggedInPage.getByRole('button', {
		name: `Lås skalaen op ${statement}`,
		exact: true
	});
	await expect(unlock).toBeVisible();

	await item(jonas).getByText('CV-sætning, beskrivelse og egen skala').click();
	await expect(ownScale(jonas)).toBeChecked();
	// Unchecking would delete the locked scale: the checkbox is off while the lock holds.
	await expect(ownScale(jonas)).toBeDisabled({ timeout: 3000 });
	await expect(ownScale(frida)).toBeEnabled();

	await unlock.click();
	await expect(ownScale(jonas)).toBeEnabled({ timeout: 3000 });
	await ownScale(frida).uncheck();
	await expect(ownScale(jonas)).not.toBeChecked();
});
