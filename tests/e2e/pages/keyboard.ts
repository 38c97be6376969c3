import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Presses Tab until `target` has focus, as a keyboard user would, and fails if it is not reached
 * within `maxPresses` (a focus trap or an element that cannot be reached by keyboard).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
	for (let i = 0; i < maxPresses; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Tab never reached ${target.toString()}`);
}

/** The focused element shows a visible focus indicator (outline or box shadow). */
export async function expectVisibleFocus(target: Locator): Promise<void> {
	await expect(target).toBeFocused();
	const style = await target.evaluate((el) => {
		const s = getComputedStyle(el);
		return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
	});
	expect(style.outline !== 'none' && style.width !== '0px' ? 'outline' : style.shadow).not.toBe(
		'none'
	);
}
