/**
 * Layout checks the template page must pass at every screen size, run in the page: no sideways
 * scrolling of the page, text fields wide enough for what is typed in them, and nothing fixed or
 * sticky lying over a control. Each returns the offenders as readable strings, so a failing test
 * says which element and by how much.
 */
import type { Page } from '@playwright/test';

/** Controls a person clicks or types in. */
const INTERACTIVE = 'a[href], button, input, select, textarea, summary, [tabindex="0"]';

/** How far the page scrolls sideways (0 when it does not). */
export function horizontalOverflow(page: Page): Promise<number> {
	return page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
}

/**
 * Text fields (inputs and text areas) in `scope` narrower than `chars` average characters of
 * their own font. The average character is measured on Danish text in the field's computed font;
 * the field's padding and border do not count as room for text.
 */
export function narrowFields(page: Page, scope: string, chars: number): Promise<string[]> {
	return page.evaluate(
		({ scope, chars }) => {
			const SAMPLE = 'Samarbejde med kollegaer på arbejdspladsen';
			const canvas = document.createElement('canvas').getContext('2d')!;
			const fields = document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
				`${scope} input[type="text"], ${scope} input[type="search"], ${scope} textarea`
			);
			const offenders: string[] = [];
			for (const field of fields) {
				if (!field.checkVisibility({ contentVisibilityAuto: true })) continue;
				const style = getComputedStyle(field);
				canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
				const needed = (canvas.measureText(SAMPLE).width / SAMPLE.length) * chars;
				const room =
					field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
				const name = field.labels?.[0]?.textContent?.trim() ?? field.id;
				if (room < needed) {
					offenders.push(`${name}: ${Math.round(room)} < ${Math.round(needed)} px`);
				}
			}
			return offenders;
		},
		{ scope, chars }
	);
}

/**
 * Visible controls in `scope` that something else covers at their centre once they are scrolled
 * into view (the centre of the window, where focus and "follow me" bring them): the fixed
 * "Det ser deltagerne" box did this to level descriptions and the preview. A control's own
 * children (its icon, its text) do not count as covering it.
 */
export function coveredControls(page: Page, scope: string): Promise<string[]> {
	return page.evaluate(
		({ scope, selector }) => {
			const offenders: string[] = [];
			const controls = [...document.querySelectorAll<HTMLElement>(`${scope} :is(${selector})`)];
			for (const control of controls) {
				const style = getComputedStyle(control);
				const box = control.getBoundingClientRect();
				// Visually hidden (1 px, clipped) and transparent inputs are reached through their
				// labels, which are checked themselves.
				if (box.width < 4 || box.height < 4 || style.visibility === 'hidden') continue;
				if (style.opacity === '0' || control.closest('[hidden], [inert]')) continue;
				// Inside a closed <details> a control has a box but is not drawn.
				if (!control.checkVisibility({ contentVisibilityAuto: true })) continue;
				control.scrollIntoView({ block: 'center', inline: 'center' });
				// A link that wraps has a box per line; the centre of the whole lies between them.
				const rect = control.getClientRects()[0];
				const x = rect.left + rect.width / 2;
				const y = rect.top + rect.height / 2;
				if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
				const hit = document.elementFromPoint(x, y);
				if (hit && (hit === control || control.contains(hit))) continue;
				const label = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? '';
				const by = hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : 'nothing';
				offenders.push(`${control.tagName.toLowerCase()} "${label.slice(0, 40)}" under ${by}`);
			}
			window.scrollTo(0, 0);
			return offenders;
		},
		{ scope, selector: INTERACTIVE }
	);
}

/** Text areas in `scope` that hide lines of their text (it scrolls inside them). */
export function clippedTextAreas(page: Page, scope: string): Promise<string[]> {
	return page.evaluate((scope) => {
		return [...document.querySelectorAll<HTMLTextAreaElement>(`${scope} textarea`)]
			.filter((area) => area.checkVisibility() && area.scrollHeight > area.clientHeight + 1)
			.map((area) => `${area.labels?.[0]?.textContent?.trim() ?? area.id}: ${area.value}`);
	}, scope);
}

/** Chart texts rendered smaller than `minPx` (font size × the SVG's scale on screen). */
export function smallChartTexts(page: Page, minPx: number): Promise<string[]> {
	return page.evaluate((minPx) => {
		const offenders: string[] = [];
		for (const text of document.querySelectorAll<SVGTextElement>('.chart svg text')) {
			const scale = text.getScreenCTM()?.a ?? 1;
			const px = parseFloat(getComputedStyle(text).fontSize) * scale;
			if (px < minPx - 0.01) offenders.push(`"${text.textContent}": ${px.toFixed(1)} px`);
		}
		return offenders;
	}, minPx);
}
