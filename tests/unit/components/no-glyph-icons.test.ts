/**
 * Icons are lucide SVGs (IconSprite.svelte), never emoji or symbol characters: emoji render as
 * empty boxes where no emoji font is installed (municipal laptops), and a lone symbol says nothing
 * to a screen reader. This reads every component and both message files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import da from '../../../src/lib/i18n/messages/da.json' with { type: 'json' };
import en from '../../../src/lib/i18n/messages/en.json' with { type: 'json' };

const SRC = path.resolve(import.meta.dirname, '../../../src');

type Messages = { [key: string]: string | Messages };

function svelteFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return svelteFiles(full);
		return entry.name.endsWith('.svelte') ? [full] : [];
	});
}

function texts(messages: Messages, prefix = ''): [string, string][] {
	return Object.entries(messages).flatMap(([key, value]) =>
		typeof value === 'string' ? [[prefix + key, value]] : texts(value, `${prefix}${key}.`)
	);
}

/** Emoji, a markup element holding one symbol (`>🔒<`, `>↶<`), a one-symbol string (`'✓'`). */
const GLYPH_ICON = [/\p{Extended_Pictographic}/u, />\s*\p{S}\s*</u, /(['"`])\p{S}\1/u];

describe('icons', () => {
	it('are no emoji or symbol characters in components', () => {
		const offenders = svelteFiles(SRC).flatMap((file) =>
			fs
				.readFileSync(file, 'utf8')
				.split('\n')
				.map((line, i) => ({ line, at: `${path.relative(SRC, file)}:${i + 1}` }))
				.filter(({ line }) => GLYPH_ICON.some((pattern) => pattern.test(line)))
				.map(({ line, at }) => `${at}: ${line.trim()}`)
		);
		expect(offenders).toEqual([]);
	});

	it('are no emoji or symbols at the edge of a message ("← Alle udviklingsforløb")', () => {
		// "< 5" is not an icon: it is how a suppressed figure is written (issues 12 and 14), a
		// less-than sign before a number or the placeholder of one.
		const suppressedFigure = /^< (\d|\{\{)/u;
		const offenders = [...texts(da as Messages), ...texts(en as Messages)].filter(
			([, text]) =>
				/\p{Extended_Pictographic}|^\p{S}\s|\s\p{S}$/u.test(text) && !suppressedFigure.test(text)
		);
		expect(offenders).toEqual([]);
	});
});
